import { join } from 'node:path';
import type { Context } from '../context/context.js';
import { treeRows } from '../render/list.js';
import { emptyState, loadQuizState, STATE_FILE } from '../store/quiz-state.js';
import { quizProgress } from '../quiz/progress.js';
import { cardKeeper } from '../quiz/prune.js';
import { guideInUse } from './quiz-guide-in-use.js';
import { quizStatusJson, renderQuizStatus, renderQuizStatusPlain } from '../render/quiz-status.js';
import { quizStateFolder } from './quiz-state-folder.js';

/** `virt quiz status`: how many questions were seen, are due now or later, and are mastered, by chapter. */
export async function runQuizStatus(ctx: Context): Promise<void> {
  const folder = quizStateFolder(ctx, false);
  const state = folder ? loadQuizState(folder) : emptyState();
  const catalog = await ctx.catalog();
  const now = (ctx.io.now ?? Date.now)();
  const rows = treeRows(catalog.children).map((row) => row.topic);
  // Cards the next save would prune are counted nowhere, not as kept for packs that are not loaded.
  const keep = cardKeeper(guideInUse(catalog));
  const cards = Object.fromEntries(Object.entries(state.cards).filter(([id, card]) => keep(id, card)));
  const progress = quizProgress(rows, catalog.get, (topic) => catalog.questions([topic]), cards, now);
  const stateFile = folder ? join(folder, STATE_FILE) : undefined;
  if (ctx.out.mode === 'json') ctx.write(`${JSON.stringify(quizStatusJson(progress, stateFile), null, 2)}\n`);
  else if (ctx.out.mode === 'plain') ctx.write(renderQuizStatusPlain(progress));
  else ctx.write(renderQuizStatus(progress, stateFile, await ctx.theme(), ctx.out.width, now));
}
