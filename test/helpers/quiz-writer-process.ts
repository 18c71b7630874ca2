/**
 * A second virt saving quiz answers, for the concurrent-writers test: once the file `go` appears in the
 * folder, saves `count` answers one at a time, each a card `<topic>/q<n>`, as a quiz does after each answer.
 * Run with `node --import tsx`; arguments: folder, topic, count.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { updateQuizState } from '../../src/store/quiz-state.js';

const [folder, topic, count] = process.argv.slice(2) as [string, string, string];
while (!existsSync(join(folder, 'go'))) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
const time = new Date(0).toISOString();
for (let n = 1; n <= Number(count); n++) {
  updateQuizState(folder, (state) => ({
    ...state,
    cards: {
      ...state.cards,
      [`${topic}/q${n}`]: {
        due: time,
        stability: n,
        difficulty: 5,
        scheduledDays: 0,
        learningSteps: 0,
        reps: 1,
        lapses: 0,
        state: 'learning',
      },
    },
  }));
}
