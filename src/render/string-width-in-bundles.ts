/**
 * Stands in for string-width inside the built bundles, for boxen, wrap-ansi, widest-line and styled-text
 * alike (the lazy-string-width plugin in src/tools/build.ts points their imports here). Text that
 * simpleDisplayWidth can measure (nearly all of the guide) never loads string-width; the rest goes to the
 * real one, which esbuild then sets up on this first require instead of when the bundle loads.
 */
import stripAnsi from 'strip-ansi';
import { simpleDisplayWidth } from './display-width.js';

type StringWidth = typeof import('string-width').default;
type Options = Parameters<StringWidth>[1];
declare const require: (id: 'string-width') => { default: StringWidth };

let fullStringWidth: StringWidth | undefined;

export default function stringWidth(text: string, options: Options = {}): number {
  if (typeof text === 'string' && options.ambiguousIsNarrow !== false) {
    const visible =
      !options.countAnsiEscapeCodes && (text.includes('\u001B') || text.includes('\u009B')) ? stripAnsi(text) : text;
    const width = simpleDisplayWidth(visible);
    if (width !== undefined) return width;
  }
  fullStringWidth ??= require('string-width').default;
  return fullStringWidth(text, options);
}
