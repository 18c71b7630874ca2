import type { QuizCard } from '../model/quiz-card.js';

/**
 * Which cards the state keeps when it is written: a card whose question is in the guide in use; and a card
 * from a content pack that is not loaded this time, which keeps its schedule for when it is. A card of the
 * built-in guide (no pack) or of a loaded pack whose question is gone is dropped: the question was removed
 * or its id changed.
 */
export function cardKeeper(
  questionIds: ReadonlySet<string>,
  loadedPacks: ReadonlySet<string>,
): (id: string, card: QuizCard) => boolean {
  return (id, card) => questionIds.has(id) || (card.pack !== undefined && !loadedPacks.has(card.pack));
}
