import { Chalk } from 'chalk';
import type { Theme } from './theme.js';

/** OSC 8: the terminal shows the text and opens the address on a click (terminals without it ignore it). */
const osc8 = (text: string, url: string) => `\u001b]8;;${url}\u0007${text}\u001b]8;;\u0007`;

/**
 * The terminal theme. A Chalk instance of its own, so colour is decided by the caller, not by chalk's
 * globals; `hyperlinks` makes link text clickable.
 */
export function richTheme(level: 0 | 1 | 2 | 3, ascii: boolean, hyperlinks = false): Theme {
  const chalk = new Chalk({ level });
  return {
    color: level > 0,
    ascii,
    boxDrawing: !ascii,
    title: (t) => chalk.bold.cyan(t),
    heading: (t) => chalk.bold.yellow(t),
    subheading: (t) => chalk.bold(t),
    strong: (t) => chalk.bold(t),
    emphasis: (t) => chalk.italic(t),
    code: (t) => chalk.green(t),
    link: (t) => chalk.underline.blue(t),
    muted: (t) => chalk.dim(t),
    accent: (t) => chalk.cyan(t),
    match: (t) => chalk.bold.magenta(t),
    different: (t) => chalk.bold.yellow(t),
    hyperlink: hyperlinks ? osc8 : (text) => text,
  };
}
