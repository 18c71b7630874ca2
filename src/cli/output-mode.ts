import type { OutputMode, OutputSettings } from '../context/output.js';
import { UsageError } from '../errors.js';

export type { OutputSettings };

type ColorWhen = 'auto' | 'always' | 'never';

export interface OutputFlags {
  plain?: boolean;
  json?: boolean;
  color?: string;
  width?: string;
  /** false with --no-hyperlinks. */
  hyperlinks?: boolean;
}

const READING_MEASURE = 100;

/**
 * Decides, once, how everything is printed. Layout: `--json` > `--plain` > rich when stdout is a terminal
 * or colour is asked for (`--color always`, or FORCE_COLOR that NO_COLOR does not overrule), since only
 * the rich layout has colour. Colour: `--color` > NO_COLOR > FORCE_COLOR > TERM=dumb > terminal.
 * Width: `--width` > the terminal's columns > COLUMNS > 80.
 */
export function resolveOutput(
  flags: OutputFlags,
  stdout: { isTTY: boolean; columns?: number },
  env: Record<string, string | undefined>,
): OutputSettings {
  const when = parseColorWhen(flags.color);
  const mode: OutputMode = flags.json
    ? 'json'
    : flags.plain
      ? 'plain'
      : stdout.isTTY || when === 'always' || (when === 'auto' && forcedColor(env))
        ? 'rich'
        : 'plain';
  const width = resolveWidth(flags.width, stdout, env);
  return {
    mode,
    colorLevel: mode === 'rich' ? colorLevel(when, stdout.isTTY, env) : 0,
    ascii: env.TERM === 'dumb' || !utf8Locale(env),
    hyperlinks:
      mode === 'rich' &&
      stdout.isTTY &&
      env.TERM !== 'dumb' &&
      env.VIRT_HYPERLINKS !== '0' &&
      flags.hyperlinks !== false,
    width,
    readingWidth: Math.min(width, READING_MEASURE),
  };
}

function parseColorWhen(value: string | undefined): ColorWhen {
  if (value === undefined) return 'auto';
  if (value === 'auto' || value === 'always' || value === 'never') return value;
  throw new UsageError(`--color expects auto, always or never, not "${value}"`);
}

/** FORCE_COLOR asks for colour, and NO_COLOR does not take it away. */
function forcedColor(env: Record<string, string | undefined>): boolean {
  const force = env.FORCE_COLOR;
  return !env.NO_COLOR && force !== undefined && force !== '0' && force !== 'false';
}

function colorLevel(when: ColorWhen, isTTY: boolean, env: Record<string, string | undefined>): 0 | 1 | 2 | 3 {
  const rich = env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit' ? 3 : 2;
  if (when === 'never') return 0;
  if (when === 'always') return rich;
  if (env.NO_COLOR) return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    if (force === '1' || force === '2' || force === '3') return Number(force) as 1 | 2 | 3;
    return rich;
  }
  if (env.TERM === 'dumb') return 0;
  return isTTY ? rich : 0;
}

function resolveWidth(
  flag: string | undefined,
  stdout: { isTTY: boolean; columns?: number },
  env: Record<string, string | undefined>,
): number {
  if (flag !== undefined) {
    const width = Number(flag);
    if (!/^\d+$/.test(flag) || width < 20 || width > 1000)
      throw new UsageError(`--width expects a whole number of columns from 20 to 1000, not "${flag}"`);
    return width;
  }
  if (stdout.isTTY && stdout.columns && stdout.columns > 0) return Math.max(20, stdout.columns);
  const columns = Number(env.COLUMNS);
  if (Number.isInteger(columns) && columns >= 20) return columns;
  return 80;
}

/** Box drawing needs UTF-8; the locale variables say whether the terminal has it (unset means modern default). */
export function utf8Locale(env: Record<string, string | undefined>): boolean {
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG;
  if (!locale) return true;
  return /utf-?8/i.test(locale);
}
