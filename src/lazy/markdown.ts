/** Reading guide folders from Markdown: markdown-it and yaml. */
export { readGuideFromMarkdown } from '../content/read-guide.js';
export { parseTopic } from '../content/parse-topic.js';
