import type { Question } from '../model/question.js';
import { SCHEMA_VERSION } from './json.js';
import type { Theme } from './theme.js';
import { plainTheme } from './theme.js';
import { wrapText } from './text.js';

/**
 * The `virt quiz --list --json` document: every field a script needs to ask or print a question, and no
 * more (the heading's line is for `virt lint`). An explicit shape, so changing the model breaks no script.
 */
export function questionsJson(questions: Question[]) {
  return {
    schemaVersion: SCHEMA_VERSION,
    questions: questions.map((question) => ({
      id: question.id,
      topic: question.topic,
      kind: question.kind,
      prompt: question.prompt,
      ...(question.choices ? { choices: question.choices.map(({ text, right }) => ({ text, right })) } : {}),
      answer: question.answer,
      ...(question.why !== undefined ? { why: question.why } : {}),
    })),
  };
}

/**
 * `virt quiz --list` as text: one record per question, records apart by a blank line. The first line is
 * `id (kind)`, then the prompt, each choice as `[x]` (right) or `[ ]`, `Answer:` and `Why:` lines, so
 * `grep '^Answer:'` finds every answer. Unwrapped for pipes (`width` undefined); on a terminal, wrapped
 * with a hanging indent and styled.
 */
export function renderQuestions(questions: Question[], theme: Theme = plainTheme(), width?: number): string {
  const line = (text: string, first = '', rest = first) =>
    width === undefined ? [`${first}${text}`] : wrapText(text, width, first, rest);
  const records = questions.map((question) =>
    [
      ...line(`${theme.strong(question.id)} ${theme.muted(`(${question.kind})`)}`),
      ...line(question.prompt),
      ...(question.choices ?? []).flatMap((choice) =>
        line(choice.text, `  ${choice.right ? theme.accent('[x]') : '[ ]'} `, '      '),
      ),
      ...line(question.answer, `${theme.accent('Answer:')} `, '  '),
      ...(question.why !== undefined ? line(question.why, `${theme.accent('Why:')} `, '  ') : []),
    ].join('\n'),
  );
  return records.length ? `${records.join('\n\n')}\n` : '';
}
