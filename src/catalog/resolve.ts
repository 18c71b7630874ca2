import { distance } from 'fastest-levenshtein';
import type { Topic } from '../model/topic.js';
import type { NameIndex } from './name-index.js';
import { normalizeName } from '../model/normalize.js';

export type Resolution =
  | { kind: 'found'; topic: Topic; via: 'name' | 'prefix' | 'typo' }
  | { kind: 'ambiguous'; candidates: Topic[] }
  | { kind: 'unknown'; suggestions: Topic[] };

/**
 * Finds the topic a learner meant: an exact id, title or alias (ignoring case, spaces and hyphens), then a
 * prefix that only one topic's names start with, then the one name within a small edit distance.
 */
export function resolveName(index: NameIndex, query: string): Resolution {
  const wanted = normalizeName(query);
  if (!wanted) return { kind: 'unknown', suggestions: [] };
  const exact = index.exact.get(wanted);
  if (exact) return { kind: 'found', topic: exact, via: 'name' };

  const prefixed = unique(prefixMatches(index, wanted).map((entry) => entry.topic));
  if (prefixed.length === 1) return { kind: 'found', topic: prefixed[0]!, via: 'prefix' };
  if (prefixed.length > 1) return { kind: 'ambiguous', candidates: prefixed };

  const scored = index.names
    .map((entry) => ({
      topic: entry.topic,
      score: distance(wanted, entry.name) / Math.max(wanted.length, entry.name.length),
    }))
    .sort((a, b) => a.score - b.score);
  const best = scored[0];
  const tolerance = wanted.length <= 4 ? 0.25 : 0.2;
  if (best && best.score <= tolerance) {
    const rivals = unique(scored.filter((entry) => entry.score <= best.score + 0.05).map((entry) => entry.topic));
    if (rivals.length === 1) return { kind: 'found', topic: best.topic, via: 'typo' };
    return { kind: 'ambiguous', candidates: rivals.slice(0, 8) };
  }
  return {
    kind: 'unknown',
    suggestions: unique(scored.filter((entry) => entry.score <= 0.5).map((entry) => entry.topic)).slice(0, 3),
  };
}

function prefixMatches(index: NameIndex, prefix: string): { name: string; topic: Topic }[] {
  let low = 0;
  let high = index.names.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (index.names[mid]!.name < prefix) low = mid + 1;
    else high = mid;
  }
  const matches: { name: string; topic: Topic }[] = [];
  for (let i = low; i < index.names.length && index.names[i]!.name.startsWith(prefix); i++)
    matches.push(index.names[i]!);
  return matches;
}

function unique(topics: Topic[]): Topic[] {
  return [...new Set(topics)];
}
