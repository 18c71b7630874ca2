/** Measuring and wrapping text that is not plain ASCII: string-width and wrap-ansi (see render/text.ts). */
export { textEngine } from '../render/text-engine.js';
