import { topicOfQuestion, type QuizCard } from '../model/quiz-card.js';

/** What the guide in use holds, for cardKeeper. */
export interface GuideInUse {
  /** The id of every question of the guide in use. */
  questionIds: ReadonlySet<string>;
  /** The content packs loaded this time. */
  loadedPacks: ReadonlySet<string>;
  /** The ids of the topics that come from a pack this time (new ones, or built-in ones a pack overrides). */
  packTopics: ReadonlySet<string>;
}

/**
 * Which cards the state keeps when it is written: a card whose question is in the guide in use; a card from a
 * content pack that is not loaded this time, which keeps its schedule for when it is; and a built-in card whose
 * topic a pack overrides this time, which comes back when the pack is not loaded. Any other card's question
 * was removed or its id changed, and the card is dropped.
 */
export function cardKeeper({
  questionIds,
  loadedPacks,
  packTopics,
}: GuideInUse): (id: string, card: QuizCard) => boolean {
  return (id, card) =>
    questionIds.has(id) ||
    (card.pack === undefined ? packTopics.has(topicOfQuestion(id)) : !loadedPacks.has(card.pack));
}
