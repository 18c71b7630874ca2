import { CARD_STATES, STATE_VERSION, type CardState, type QuizCard, type QuizState } from '../model/quiz-card.js';

/**
 * The state file's text checked field by field, as if a stranger wrote it: the state, or why it is damaged
 * (one short phrase, quoting nothing from the file but a question id that has been checked).
 */
export function parseQuizState(text: string): QuizState | { damaged: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { damaged: 'it is not JSON' };
  }
  if (!isRecord(value)) return { damaged: 'it is not a JSON object' };
  if (typeof value.version === 'number' && value.version > STATE_VERSION)
    return { damaged: `it was written by a newer virt (version ${value.version})` };
  if (value.version !== STATE_VERSION) return { damaged: 'it has no version 1' };
  if (!onlyKeys(value, ['version', 'cards'])) return { damaged: 'it has fields virt does not write' };
  if (!isRecord(value.cards)) return { damaged: 'its cards are not a JSON object' };
  const cards: [string, QuizCard][] = [];
  for (const [id, card] of Object.entries(value.cards)) {
    if (!QUESTION_ID.test(id) || id.length > 200) return { damaged: 'it has a card whose id is not a question id' };
    const checked = parseCard(card);
    if (typeof checked === 'string') return { damaged: `card ${id} ${checked}` };
    cards.push([id, checked]);
  }
  // fromEntries defines each id as an own property: an id can never reach the object's prototype.
  return { version: STATE_VERSION, cards: Object.fromEntries(cards) };
}

/** `<topic-id>/<local-id>`, each lowercase letters and digits joined by single hyphens. */
const QUESTION_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** What toISOString writes, and nothing looser. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const CARD_KEYS = [
  'due',
  'stability',
  'difficulty',
  'scheduledDays',
  'learningSteps',
  'reps',
  'lapses',
  'state',
  'lastReview',
  'pack',
];

/** The card, or what is wrong with it. */
function parseCard(value: unknown): QuizCard | string {
  if (!isRecord(value)) return 'is not a JSON object';
  if (!onlyKeys(value, CARD_KEYS)) return 'has fields virt does not write';
  const { due, stability, difficulty, scheduledDays, learningSteps, reps, lapses, state, lastReview, pack } = value;
  if (!isTime(due)) return 'has no valid due time';
  if (lastReview !== undefined && !isTime(lastReview)) return 'has an invalid last review time';
  if (!isAtLeastZero(stability)) return 'has an invalid stability';
  if (!isAtLeastZero(difficulty) || difficulty > 10) return 'has an invalid difficulty';
  if (!isAtLeastZero(scheduledDays)) return 'has an invalid interval';
  if (!isCount(learningSteps) || !isCount(reps) || !isCount(lapses)) return 'has an invalid count';
  if (typeof state !== 'string' || !(CARD_STATES as readonly string[]).includes(state)) return 'has an unknown state';
  if (pack !== undefined && (typeof pack !== 'string' || !/^[^\u0000-\u001f\u007f-\u009f]{1,200}$/.test(pack)))
    return 'has an invalid pack name';
  return {
    due,
    stability,
    difficulty,
    scheduledDays,
    learningSteps,
    reps,
    lapses,
    state: state as CardState,
    ...(lastReview !== undefined ? { lastReview } : {}),
    ...(pack !== undefined ? { pack } : {}),
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const onlyKeys = (value: Record<string, unknown>, keys: string[]) => Object.keys(value).every((k) => keys.includes(k));
const isTime = (value: unknown): value is string =>
  typeof value === 'string' && ISO_TIME.test(value) && Number.isFinite(Date.parse(value));
const isAtLeastZero = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0;
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
