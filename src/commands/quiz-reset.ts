import type { Context } from '../context/context.js';
import { UsageError } from '../errors.js';
import { topicOfQuestion } from '../model/quiz-card.js';
import { SCHEMA_VERSION } from '../render/json.js';
import { counted } from '../render/text.js';
import { loadQuizState, resetQuizState } from '../store/quiz-state.js';
import { quizStateFolder } from './quiz-state-folder.js';
import { resolveTopic } from './resolve-topic.js';

/**
 * `virt quiz reset [topic] --yes`: forgets the schedules of one topic's questions, or of all (a damaged state
 * file is moved aside, never deleted). A topic is found as `virt explain` finds it; an id no guide in use has
 * is still accepted when the state holds its questions (a pack not loaded now).
 */
export async function runQuizReset(ctx: Context, name: string | undefined, options: { yes?: boolean }): Promise<void> {
  if (!options.yes) {
    const what = name === undefined ? 'every question' : `the questions of ${name}`;
    throw new UsageError(`quiz reset forgets when to ask ${what} again; add --yes to do it`);
  }
  const folder = quizStateFolder(ctx, true)!;
  const topic = name === undefined ? undefined : await topicId(ctx, folder, name);
  const result = resetQuizState(folder, { ...(topic !== undefined ? { topic } : {}) });
  if (ctx.out.mode === 'json') {
    ctx.write(
      `${JSON.stringify({ schemaVersion: SCHEMA_VERSION, topic: topic ?? null, forgotten: result.forgotten, movedAside: result.movedAside ?? null }, null, 2)}\n`,
    );
    return;
  }
  if (result.movedAside) ctx.note(`virt: moved the damaged state file aside to ${result.movedAside}`);
  ctx.note(`virt: forgot the schedules of ${counted(result.forgotten, 'question')}${topic ? ` of ${topic}` : ''}`);
}

async function topicId(ctx: Context, folder: string, name: string): Promise<string> {
  const kept = Object.keys(loadQuizState(folder).cards).map(topicOfQuestion);
  if (kept.includes(name)) return name;
  return resolveTopic(await ctx.catalog(), name, ctx).id;
}
