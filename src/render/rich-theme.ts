import { Chalk } from 'chalk';
import type { Theme } from './theme.js';

/**
 * OSC 8: the terminal shows the text and opens the address on a click (terminals without it ignore it).
 * Only web addresses: a pack's source could name a file: or other scheme a click should not open.
 */
const osc8 = (text: string, url: string) =>
  /^https?:\/\/[^\s\u0000-\u001f\u007f-\u009f]+$/.test(url) ? `\u001b]8;;${url}\u0007${text}\u001b]8;;\u0007` : text;

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
