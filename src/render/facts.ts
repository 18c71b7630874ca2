import type { KeyFact } from '../model/attributes.js';
import type { Theme } from './theme.js';
import { wrapText } from './text.js';

/**
 * A topic's key facts, one `label: value` line each, as kubectl explain lists fields: what a learner
 * looks up (licence, type, isolation) is on the page and found by grep. With `why`, each fact's one-line
 * justification follows it, indented.
 */
export function renderFacts(facts: KeyFact[], theme: Theme, width: number, why = false): string[] {
  return facts.flatMap((fact) => [
    ...wrapText(`${theme.strong(`${fact.label}:`)} ${fact.value}`, width, '', '    '),
    ...(why && fact.why ? wrapText(theme.muted(fact.why), width, '    ') : []),
  ]);
}
