import type { ProgressCounts, QuizProgress } from '../quiz/progress.js';
import { SCHEMA_VERSION } from './json.js';
import { counted, displayWidth, keepTogether, padEnd, wrapText } from './text.js';
import type { Theme } from './theme.js';

const COLUMNS: [keyof ProgressCounts, string][] = [
  ['questions', 'Questions'],
  ['seen', 'Seen'],
  ['dueNow', 'Due now'],
  ['dueLater', 'Due later'],
  ['mastered', 'Mastered'],
];

/** `virt quiz status --json`. */
export const quizStatusJson = (progress: QuizProgress, stateFile: string | undefined) => ({
  schemaVersion: SCHEMA_VERSION,
  stateFile: stateFile ?? null,
  total: progress.total,
  chapters: progress.chapters,
  nextDue: progress.nextDue ?? null,
  keptForPacksNotLoaded: progress.elsewhere,
});

/** `virt quiz status` piped: a header, then one tab-separated record per chapter and one for all. */
export function renderQuizStatusPlain(progress: QuizProgress): string {
  const row = (id: string, title: string, counts: ProgressCounts) =>
    [id, title, ...COLUMNS.map(([key]) => String(counts[key]))].join('\t');
  return `${[
    ['chapter', 'title', 'questions', 'seen', 'due-now', 'due-later', 'mastered'].join('\t'),
    ...progress.chapters.map((chapter) => row(chapter.id ?? '-', chapter.title, chapter)),
    row('all', 'All chapters', progress.total),
  ].join('\n')}\n`;
}

/** `virt quiz status` on a terminal: a table by chapter, then what to do next. */
export function renderQuizStatus(
  progress: QuizProgress,
  stateFile: string | undefined,
  theme: Theme,
  width: number,
  now: number,
): string {
  if (progress.total.questions === 0) return 'The guide in use has no questions yet.\n';
  const numbers = COLUMNS.map(([, label]) => label);
  const cells = [...numbers.map((label) => displayWidth(label))];
  const titleWidth = Math.max(
    8,
    Math.min(
      Math.max(...progress.chapters.map((chapter) => displayWidth(chapter.title)), displayWidth('All chapters')),
      width - cells.reduce((sum, cell) => sum + cell + 2, 0),
    ),
  );
  const cut = (title: string) =>
    displayWidth(title) <= titleWidth ? title : `${title.slice(0, titleWidth - 1)}${theme.ascii ? '~' : '…'}`;
  const line = (title: string, values: string[]) =>
    `${padEnd(cut(title), titleWidth)}${values.map((value, i) => `  ${value.padStart(cells[i]!)}`).join('')}`;
  const counts = (c: ProgressCounts) => COLUMNS.map(([key]) => String(c[key]));
  const { total } = progress;
  const advice =
    total.dueNow > 0
      ? `${total.dueNow} question${total.dueNow === 1 ? ' is' : 's are'} due: ${keepTogether('virt quiz --due')}`
      : total.seen < total.questions
        ? `${total.questions - total.seen} question${total.questions - total.seen === 1 ? '' : 's'} not asked yet: ${keepTogether('virt quiz')}`
        : 'Every question has been asked.';
  return `${[
    theme.heading(line('Chapter', numbers)),
    ...progress.chapters.map((chapter) => line(chapter.title, counts(chapter))),
    theme.strong(line('All chapters', counts(total))),
    '',
    ...wrapText(advice, width),
    ...(progress.nextDue ? wrapText(`Next due ${when(progress.nextDue, now)}.`, width) : []),
    ...(progress.elsewhere
      ? wrapText(
          `Kept for content packs not loaded now: the schedules of ${counted(progress.elsewhere, 'question')}.`,
          width,
        )
      : []),
    ...(stateFile ? wrapText(theme.muted(`State file: ${stateFile}`), width) : []),
  ].join('\n')}\n`;
}

/** A due time as a person reads it: how long from now, and when. */
export function when(iso: string, now: number): string {
  const minutes = Math.max(1, Math.round((Date.parse(iso) - now) / 60_000));
  const [amount, unit] =
    minutes < 60
      ? [minutes, 'minute']
      : minutes < 48 * 60
        ? [Math.round(minutes / 60), 'hour']
        : [Math.round(minutes / 1440), 'day'];
  const span = `${amount} ${unit}${amount === 1 ? '' : 's'}`;
  return `in ${span} (${iso.slice(0, 16).replace('T', ' ')} UTC)`;
}
