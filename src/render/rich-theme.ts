import { Chalk } from 'chalk';
import type { Theme } from './theme.js';

/** The terminal theme. A Chalk instance of its own, so colour is decided by the caller, not by chalk's globals. */
export function richTheme(level: 0 | 1 | 2 | 3, ascii: boolean): Theme {
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
  };
}
