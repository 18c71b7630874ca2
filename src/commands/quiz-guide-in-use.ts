import type { Catalog } from '../catalog/catalog.js';
import type { GuideInUse } from '../quiz/prune.js';

/** What the quiz's pruning needs to know of the guide in use (see quiz/prune.ts). */
export function guideInUse(catalog: Catalog): GuideInUse {
  const fromPacks = catalog.topics.flatMap((topic) =>
    topic.origin.from === 'pack' ? [{ id: topic.id, pack: topic.origin.pack }] : [],
  );
  return {
    questionIds: new Set(catalog.questions(catalog.topics).map((question) => question.id)),
    loadedPacks: new Set(fromPacks.map((topic) => topic.pack)),
    packTopics: new Set(fromPacks.map((topic) => topic.id)),
  };
}
