import { cleanText } from '../content/sanitize.js';
import { VM_IDS, CONTAINER_IDS } from './identifiers.js';
import type { Evidence, Layer } from './report.js';

/** Longer values are cut: evidence is one line of a report, and a file can hold anything. */
const MAX_VALUE = 120;

/** One piece of evidence, its value made safe to print: no control characters, one line, bounded. */
export function evidence(path: string, value: string, rule: string): Evidence {
  const clean = cleanText(value)
    .replace(/\uFFFD/g, '')
    .trim();
  return { path, value: clean.length > MAX_VALUE ? `${clean.slice(0, MAX_VALUE)}…` : clean, rule };
}

/** A VM layer for a systemd-detect-virt identifier, with its evidence (entries left undefined are dropped). */
export function vmLayer(id: string, found: (Evidence | undefined)[], overrides: Partial<Layer> = {}): Layer {
  return layer(id, VM_IDS[id] ?? VM_IDS['vm-other']!, found, overrides);
}

/** A container layer, likewise. */
export function containerLayer(id: string, found: (Evidence | undefined)[], overrides: Partial<Layer> = {}): Layer {
  return layer(id, CONTAINER_IDS[id] ?? CONTAINER_IDS['container-other']!, found, overrides);
}

function layer(
  id: string,
  identity: Pick<Layer, 'name' | 'topic' | 'phrase'>,
  found: (Evidence | undefined)[],
  overrides: Partial<Layer>,
): Layer {
  return {
    id,
    name: identity.name,
    topic: identity.topic,
    phrase: identity.phrase,
    evidence: found.filter((item): item is Evidence => item !== undefined),
    ...overrides,
  };
}
