/** Reading guide folders from Markdown: marked and yaml. */
export { readGuideFromMarkdown } from '../content/read-guide.js';
