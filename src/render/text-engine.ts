import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

/**
 * The full rules for measuring and wrapping: string-width (grapheme clusters, emoji, East Asian Width,
 * escape codes) and wrap-ansi (which also carries styles across the lines it makes). text.ts answers
 * simple text without them and asks this module for everything else. In the bundles this module is a
 * bundle of its own, loaded on first use (see textEngineOnFirstUse in src/tools/build.ts).
 */
export interface TextEngine {
  width(text: string): number;
  wrap(text: string, columns: number): string;
}

const engine: TextEngine = {
  width: (text) => stringWidth(text),
  wrap: (text, columns) => wrapAnsi(text, columns, { hard: true, trim: true, wordWrap: true }),
};

export function textEngine(): TextEngine {
  return engine;
}
