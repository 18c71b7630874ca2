/** The interactive prompts: inquirer. */
export { inquirerPrompts } from '../prompts/inquirer-prompts.js';
