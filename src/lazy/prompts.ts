/** The interactive prompts: lists built on inquirer's core. */
export { inquirerPrompts } from '../prompts/inquirer-prompts.js';
