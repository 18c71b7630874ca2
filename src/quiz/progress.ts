import type { Question } from '../model/question.js';
import { isDue, isMastered, type QuizCard } from '../model/quiz-card.js';
import type { Topic } from '../model/topic.js';

/** What the progress needs of a topic: where it sits in the guide. */
type QuizTopic = Pick<Topic, 'id' | 'title' | 'kind' | 'parent'>;

export interface ProgressCounts {
  questions: number;
  /** Answered at least once. */
  seen: number;
  dueNow: number;
  dueLater: number;
  /** FSRS stability of at least 21 days (see model/quiz-card.ts). */
  mastered: number;
}

interface ChapterProgress extends ProgressCounts {
  /** The chapter's topic id; null for topics under no chapter. */
  id: string | null;
  title: string;
}

export interface QuizProgress {
  chapters: ChapterProgress[];
  total: ProgressCounts;
  /** When the next question seen falls due, if none is due now. */
  nextDue?: string;
  /** Cards kept for questions not in the guide in use: those of content packs not loaded now. */
  elsewhere: number;
}

const zero = (): ProgressCounts => ({ questions: 0, seen: 0, dueNow: 0, dueLater: 0, mastered: 0 });

/**
 * `virt quiz status`, counted: each question of the guide in use (topics in guide order) by the chapter it
 * is in, the top ancestor of kind chapter. Chapters without questions are left out.
 */
export function quizProgress<T extends QuizTopic>(
  topics: T[],
  get: (id: string) => T | undefined,
  questionsOf: (topic: T) => Question[],
  cards: Record<string, QuizCard>,
  now: number,
): QuizProgress {
  const chapters = new Map<string | null, ChapterProgress>();
  const total = zero();
  const counted = new Set<string>();
  let nextDue: number | undefined;
  for (const topic of topics) {
    const questions = questionsOf(topic);
    if (questions.length === 0) continue;
    const chapter = chapterOf(topic, get);
    const key = chapter?.id ?? null;
    let row = chapters.get(key);
    if (!row) chapters.set(key, (row = { id: key, title: chapter?.title ?? 'Other topics', ...zero() }));
    for (const question of questions) {
      counted.add(question.id);
      const card = Object.hasOwn(cards, question.id) ? cards[question.id] : undefined;
      for (const counts of [row, total]) {
        counts.questions++;
        if (!card) continue;
        counts.seen++;
        if (isDue(card, now)) counts.dueNow++;
        else counts.dueLater++;
        if (isMastered(card)) counts.mastered++;
      }
      if (card && !isDue(card, now)) nextDue = Math.min(nextDue ?? Infinity, Date.parse(card.due));
    }
  }
  return {
    chapters: [...chapters.values()],
    total,
    ...(total.dueNow === 0 && nextDue !== undefined ? { nextDue: new Date(nextDue).toISOString() } : {}),
    elsewhere: Object.keys(cards).filter((id) => !counted.has(id)).length,
  };
}

/** The topmost ancestor of kind chapter (the topic itself if it is one), following parents without looping. */
function chapterOf(topic: QuizTopic, get: (id: string) => QuizTopic | undefined): QuizTopic | undefined {
  let chapter: QuizTopic | undefined;
  const seen = new Set<string>();
  for (let at: QuizTopic | undefined = topic; at && !seen.has(at.id); at = at.parent ? get(at.parent) : undefined) {
    seen.add(at.id);
    if (at.kind === 'chapter') chapter = at;
  }
  return chapter;
}
