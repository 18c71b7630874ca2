import type { Guide } from '../model/topic.js';
import type { Problem, TopicEntry } from './check-guide.js';
import { MAX_TOPIC_BYTES } from './markdown-limits.js';
import { cleanText } from './sanitize.js';

/**
 * The checks across a pack's topics and the guide beneath it (check-guide.ts), as the pack cache keeps them:
 * they hold while the pack's files and the guide beneath are the ones they were made with. Topics are named
 * by their place in the list the checks were given (the guide's topics, then the pack's), so no message
 * names a folder the way one command spelt it. Only a check without errors is kept: errors stop the command.
 */
export interface CachedCheck {
  /** What identifies the guide beneath the pack (see LoadedPack.identity) when the checks were made. */
  base: string;
  /** The checked guide's topics, in order, by their place in the list. */
  order: number[];
  warnings: { entry: number; line: number; message: string }[];
}

/** The checks' outcome as the cache keeps it, or undefined when it has errors or cannot be kept. */
export function toCachedCheck(
  base: string,
  entries: TopicEntry[],
  checked: { guide: Guide; problems: Problem[] },
): CachedCheck | undefined {
  if (checked.problems.some((problem) => problem.severity === 'error')) return undefined;
  const place = new Map(entries.map((entry, at) => [entry.topic, at]));
  const byFile = new Map(entries.map((entry, at) => [entry.topic.origin.file, at]));
  const order = checked.guide.topics.map((topic) => place.get(topic));
  const warnings = checked.problems.map(({ file, line, message }) => ({ entry: byFile.get(file), line, message }));
  if (order.includes(undefined) || warnings.some((warning) => warning.entry === undefined)) return undefined;
  return { base, order: order as number[], warnings: warnings as CachedCheck['warnings'] };
}

/**
 * The checked guide and its warnings from what the cache kept, made over `base` from these entries; undefined
 * when it was made over another guide, or is not as virt writes it. Checked as if a stranger wrote it: each
 * place names an entry, every id comes once, and messages are cleaned as a pack file's text is.
 */
export function restoreCachedCheck(
  value: unknown,
  base: string,
  entries: TopicEntry[],
  schema: Guide['schema'],
): { guide: Guide; problems: Problem[] } | undefined {
  const check = value as Partial<Record<keyof CachedCheck, unknown>> | null | undefined;
  if (typeof check !== 'object' || check === null || check.base !== base) return undefined;
  const { order, warnings } = check;
  if (!Array.isArray(order) || !Array.isArray(warnings)) return undefined;
  const isPlace = (at: unknown): at is number =>
    Number.isInteger(at) && (at as number) >= 0 && (at as number) < entries.length;
  if (!order.every(isPlace)) return undefined;
  // One topic for each id the entries have, as checkGuide keeps them: none hidden, none twice.
  const ids = new Set(order.map((at) => entries[at]!.topic.id));
  if (ids.size !== order.length || entries.some((entry) => !ids.has(entry.topic.id))) return undefined;
  const problems: Problem[] = [];
  for (const warning of warnings as unknown[]) {
    const { entry, line, message } = (warning ?? {}) as Record<string, unknown>;
    if (!isPlace(entry) || !Number.isSafeInteger(line) || (line as number) < 0) return undefined;
    if (typeof message !== 'string' || message.length > MAX_TOPIC_BYTES) return undefined;
    const file = entries[entry]!.topic.origin.file;
    problems.push({ file, line: line as number, message: cleanText(message), severity: 'warning' });
  }
  return { guide: { topics: order.map((at) => entries[at]!.topic), schema }, problems };
}
