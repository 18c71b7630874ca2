import { afterEach, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QUIT_ANSWER, type Choice, type Prompts } from '../../src/prompts/prompts.js';
import { makePack, packTopic } from '../helpers/pack.js';
import { runCli } from '../helpers/run-cli.js';
import { cardInReview } from '../helpers/card-in-review.js';

const LAB = packTopic('lab-vm', {
  title: 'Lab virtual machines',
  body: `The lab runs its guests under KVM.

## Check yourself

### host-kernel
Which part runs the lab's guests?

- [ ] A container runtime
- [x] KVM in the host kernel
- [ ] An emulator alone

Why: The lab's hosts load the kvm module.

### what-is-kvm
What is KVM?

Answer: A Linux kernel module that turns Linux into a hypervisor.

### hypervisors
Which of these are hypervisors?

- [x] KVM
- [x] Xen
- [ ] Docker

### needs
KVM needs {{hardware virtualization extensions}} in the CPU.
`,
});
const NET = packTopic('lab-net', {
  title: 'Lab network',
  body: `The lab's guests share a bridge.

## Check yourself

### bridge-name
What is the lab bridge called?

Answer: virbr0
`,
});
const pack = makePack({ 'lab-vm.md': LAB, 'lab-net.md': NET }, 'labnotes');

const MINUTE = 60_000;
const T0 = Date.parse('2026-03-02T08:00:00.000Z');
let stateDir = '';
afterEach(() => rmSync(stateDir, { recursive: true, force: true }));
const freshState = () => (stateDir = mkdtempSync(join(tmpdir(), 'virt-quiz-state-')));
const stateFile = () => join(stateDir, 'quiz-state.json');
const cards = () => (JSON.parse(readFileSync(stateFile(), 'utf8')) as { cards: Record<string, { due: string }> }).cards;

/** Prompts answering from a script; an exhausted script is Ctrl-C (inquirer's ExitPromptError). */
function scripted(answers: ((choices: Choice[]) => string | string[])[]) {
  const asked: { message: string; choices: Choice[] }[] = [];
  const next = (message: string, choices: Choice[]) => {
    asked.push({ message, choices });
    const answer = answers.shift();
    if (!answer)
      return Promise.reject(Object.assign(new Error('User force closed the prompt'), { name: 'ExitPromptError' }));
    return Promise.resolve(answer(choices));
  };
  const prompts: Prompts = {
    search: (message, source) => next(message, source(undefined)) as Promise<string>,
    select: (message, choices) => next(message, choices) as Promise<string>,
    checkbox: (message, choices) => next(message, choices) as Promise<string[]>,
  };
  return { prompts, asked };
}
const pick =
  (...labels: RegExp[]) =>
  (choices: Choice[]) => {
    const values = picks(...labels)(choices);
    return values.length === 1 ? values[0]! : values;
  };
/** The values of the choices named, as a checkbox answers. */
const picks =
  (...labels: RegExp[]) =>
  (choices: Choice[]) =>
    labels.map((label) => {
      const found = choices.find((choice) => label.test(choice.name));
      if (!found) throw new Error(`no ${label} in ${choices.map((c) => c.name).join(' | ')}`);
      return found.value;
    });
const quit = () => QUIT_ANSWER;

/** A card in review, next due a month after T0: a question the learner already knows. */
const REVIEWED_IN_APRIL = cardInReview({ due: '2026-04-01T00:00:00.000Z', stability: 9, scheduledDays: 30, reps: 3 });

/** Just below 1, Fisher–Yates swaps each choice with itself: the choices are shown in the order written. */
const WRITTEN_ORDER = () => 0.999;

const quiz = (args: string[], prompts?: Prompts, now = T0, random = WRITTEN_ORDER) =>
  runCli(['--content', pack, 'quiz', ...args], {
    tty: true,
    columns: 100,
    env: { NO_COLOR: '1', VIRT_STATE_DIR: stateDir },
    now: () => now,
    random,
    ...(prompts ? { prompts } : {}),
  });
/** The pack's row of `quiz status --json`: its topics are under no chapter, apart from the guide's questions. */
const status = async (now: number) =>
  (
    JSON.parse((await quiz(['status', '--json'], undefined, now)).stdout) as {
      chapters: ({ id: string | null; title: string } & Record<string, number>)[];
    }
  ).chapters.find((chapter) => chapter.id === null)!;

describe('virt quiz, asked with scripted answers and a fixed clock', () => {
  test('a choice answered right and a recall rated Again: feedback, summary, and both saved', async () => {
    freshState();
    const { prompts, asked } = scripted([
      pick(/^\d\. KVM in the host kernel$/),
      pick(/^Show the answer$/),
      pick(/^Again/),
      quit,
    ]);
    const result = await quiz(['lab-vm'], prompts);
    expect(result.code).toBe(0);
    expect(asked.map((a) => a.message)).toEqual([
      'Your answer',
      'When you have your answer',
      'How well did you remember it?',
      'Your answer',
    ]);
    expect(result.stdout).toMatch(
      /Question 1 of 4 · Lab virtual machines · pick one\nWhich part runs the lab's guests\?/,
    );
    expect(result.stdout).toMatch(/✔ Right\.\nWhy: The lab's hosts load the kvm module\.\nRead: virt explain lab-vm/);
    expect(result.stdout).toMatch(/Answer: A Linux kernel module that turns Linux into a hypervisor\./);
    expect(result.stdout).toMatch(/✘ Not remembered: it comes back soon\./);
    expect(result.stdout).toMatch(
      /Score: 1 of 2 right \(stopped after 2 of 4 questions\)\.\nRead again: virt explain lab-vm/,
    );
    expect(Object.keys(cards())).toEqual(['lab-vm/host-kernel', 'lab-vm/what-is-kvm']);
    expect(cards()['lab-vm/what-is-kvm']!.due).toBe(new Date(T0 + MINUTE).toISOString());

    expect(await status(T0)).toEqual({
      id: null,
      title: 'Other topics',
      questions: 5,
      seen: 2,
      dueNow: 0,
      dueLater: 2,
      mastered: 0,
    });
    expect(await status(T0 + 2 * MINUTE)).toMatchObject({ seen: 2, dueNow: 1, dueLater: 1 });

    // Two minutes on, --due asks the forgotten question and nothing else.
    const again = scripted([pick(/^Show the answer$/), pick(/^Good/)]);
    const due = await quiz(['--due'], again.prompts, T0 + 2 * MINUTE);
    expect(due.code).toBe(0);
    expect(due.stdout).toMatch(/Question 1 of 1 · Lab virtual machines · answer in your head\nWhat is KVM\?/);
    expect(due.stdout).toMatch(/Score: 1 of 1 right\.\nNothing to read again\./);
  });

  test('several right choices are a checkbox: all of them is Good, one missed is Again, with the answer shown', async () => {
    freshState();
    writeFileSync(
      join(stateDir, 'quiz-state.json'),
      JSON.stringify({
        version: 1,
        cards: Object.fromEntries(
          ['lab-vm/host-kernel', 'lab-vm/what-is-kvm'].map((id) => [id, { ...REVIEWED_IN_APRIL, pack: 'labnotes' }]),
        ),
      }),
    );
    const wrong = scripted([picks(/^\d\. KVM$/), quit]);
    const result = await quiz(['lab-vm'], wrong.prompts);
    expect(result.stdout).toMatch(/pick all that apply/);
    // What was picked, by the numbers the choices were asked with, then each right choice on a line of its own.
    expect(result.stdout).toMatch(/✘ Not quite: you picked 1; the right answers are:\n {2}1\. KVM\n {2}2\. Xen\n/);
    // Shuffled (a random of 0 moves the first choice last), the numbers follow the order shown.
    const shuffled = scripted([picks(/^\d\. Docker$/), quit]);
    const shown = await quiz(['lab-vm'], shuffled.prompts, T0 + 2 * MINUTE, () => 0);
    expect(shuffled.asked[0]!.choices.map((choice) => choice.name)).toEqual(['1. Xen', '2. Docker', '3. KVM']);
    expect(shown.stdout).toMatch(/✘ Not quite: you picked 2; the right answers are:\n {2}1\. Xen\n {2}3\. KVM\n/);
    const right = scripted([picks(/^\d\. Xen$/, /^\d\. KVM$/), quit]);
    expect((await quiz(['lab-vm'], right.prompts, T0 + 4 * MINUTE)).stdout).toMatch(/✔ Right\./);
  });

  test('Ctrl-C mid-quiz exits 130 and keeps the answer already given', async () => {
    freshState();
    const { prompts } = scripted([pick(/^\d\. KVM in the host kernel$/)]);
    const result = await quiz(['lab-vm'], prompts);
    expect(result.code).toBe(130);
    expect(Object.keys(cards())).toEqual(['lab-vm/host-kernel']);
  });

  test('due questions come first, then new ones in guide order, capped by --count', async () => {
    freshState();
    await quiz(['lab-vm'], scripted([pick(/^\d\. A container runtime$/)]).prompts);
    // Twenty minutes on, the wrong answer is due; the pack's files are in guide order, lab-net before lab-vm.
    const later = scripted([pick(/^\d\. KVM in/), pick(/^Show/), pick(/^Good/), pick(/^Show/), pick(/^Good/)]);
    const result = await quiz(['lab-vm', 'lab-net', '--count', '3'], later.prompts, T0 + 20 * MINUTE);
    expect(result.stdout.match(/^Question .*\n.*$/gm)).toEqual([
      "Question 1 of 3 · Lab virtual machines · pick one\nWhich part runs the lab's guests?",
      'Question 2 of 3 · Lab network · answer in your head\nWhat is the lab bridge called?',
      'Question 3 of 3 · Lab virtual machines · answer in your head\nWhat is KVM?',
    ]);
    expect(result.stdout).toMatch(/Score: 3 of 3 right\./);
  });

  test('nothing due with --due says when the next question is due, and exits 0', async () => {
    freshState();
    await quiz(['lab-net'], scripted([pick(/^Show/), pick(/^Easy/)]).prompts);
    const result = await quiz(['lab-net', '--due'], scripted([]).prompts);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^virt: no question is due now; the next is due in \d+ days? \(2026-\d\d-\d\d \d\d:\d\d UTC\)\n$/,
    );
  });
});

describe('the state file, seen from the command line', () => {
  test('a damaged file stops the quiz and the status with exit 2 and one line; reset --yes moves it aside', async () => {
    freshState();
    writeFileSync(stateFile(), '{"version":1,"cards":');
    for (const args of [['lab-vm'], ['status']]) {
      const result = await quiz(args, scripted([]).prompts);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        `virt: the quiz state file ${stateFile()} is damaged (it is not JSON); \`virt quiz reset --yes\` moves it aside and starts afresh\n`,
      );
    }
    const refused = await quiz(['reset']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/add --yes/);
    const reset = await quiz(['reset', '--yes']);
    expect(reset.code).toBe(0);
    expect(reset.stderr).toMatch(/^virt: moved the damaged state file aside to .*quiz-state\.json\.damaged-2\d{3}-/);
    const aside = readdirSync(stateDir).find((name) => name.includes('.damaged-'))!;
    expect(readFileSync(join(stateDir, aside), 'utf8')).toBe('{"version":1,"cards":');
    expect((await status(T0)).seen).toBe(0);
  });

  test('reset <topic> --yes forgets that topic only', async () => {
    freshState();
    await quiz(['lab-vm'], scripted([pick(/^\d\. KVM in/), pick(/^Show/), pick(/^Good/), quit]).prompts);
    await quiz(['lab-net'], scripted([pick(/^Show/), pick(/^Good/)]).prompts);
    expect(Object.keys(cards()).sort()).toEqual(['lab-net/bridge-name', 'lab-vm/host-kernel', 'lab-vm/what-is-kvm']);
    const reset = await quiz(['reset', 'lab-vm', '--yes']);
    expect(reset.stderr).toBe('virt: forgot the schedules of 2 questions of lab-vm\n');
    expect(Object.keys(cards())).toEqual(['lab-net/bridge-name']);
  });

  test('answers prune questions gone from the guide and keep those of packs not loaded', async () => {
    freshState();
    const kept = REVIEWED_IN_APRIL;
    writeFileSync(
      stateFile(),
      JSON.stringify({
        version: 1,
        cards: {
          'kvm/a-question-since-removed': kept,
          'lab-vm/renamed-away': { ...kept, pack: 'labnotes' },
          'course-topic/from-another-pack': { ...kept, pack: 'course' },
        },
      }),
    );
    // Status counts only the card a save keeps: the two whose questions are gone are not "kept for packs".
    expect(JSON.parse((await quiz(['status', '--json'])).stdout).keptForPacksNotLoaded).toBe(1);
    await quiz(['lab-net'], scripted([pick(/^Show/), pick(/^Good/)]).prompts);
    expect(Object.keys(cards()).sort()).toEqual(['course-topic/from-another-pack', 'lab-net/bridge-name']);
    expect(JSON.parse((await quiz(['status', '--json'])).stdout).keptForPacksNotLoaded).toBe(1);
  });

  test('status piped is one tab-separated record per chapter, and a total', async () => {
    freshState();
    const result = await runCli(['--content', pack, 'quiz', 'status'], { env: { VIRT_STATE_DIR: stateDir } });
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('chapter\ttitle\tquestions\tseen\tdue-now\tdue-later\tmastered');
    // The pack's topics have no chapter; the guide's own questions, if any, come by chapter before them.
    expect(lines).toContain('-\tOther topics\t5\t0\t0\t0\t0');
    expect(lines.at(-2)).toMatch(/^all\tAll chapters\t\d+\t0\t0\t0\t0$/);
    expect(lines.every((line) => line === '' || line.split('\t').length === 7)).toBe(true);
    expect(readdirSync(stateDir)).toEqual([]);
  });
});

describe('virt quiz refuses what it cannot do', () => {
  test('without a terminal it exits 2 with a hint to use --list, and writes no state', async () => {
    freshState();
    const result = await runCli(['--content', pack, 'quiz', 'lab-vm'], { env: { VIRT_STATE_DIR: stateDir } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/virt quiz --list/);
    expect(readdirSync(stateDir)).toEqual([]);
  });

  test.each([
    [['status', '--due'], /--count and --due choose what a quiz asks; quiz status takes neither/],
    [['reset', '--count', '3', '--yes'], /quiz reset takes neither/],
    [['lab-vm', '--yes'], /--yes goes with `virt quiz reset`/],
    [['lab-vm', '--json'], /--json goes with `virt quiz --list` and `virt quiz status`/],
  ])('%j is a usage error (exit 2) that asks nothing and writes nothing', async (args, message) => {
    freshState();
    const { prompts, asked } = scripted([]);
    const result = await quiz(args, prompts);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(asked).toEqual([]);
    expect(readdirSync(stateDir)).toEqual([]);
  });

  test('leaving at the first question says nothing was answered, and saves nothing', async () => {
    freshState();
    const result = await quiz(['lab-vm'], scripted([quit]).prompts);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\nNo question answered; nothing was saved\.\n$/);
    expect(readdirSync(stateDir)).toEqual([]);
  });

  test('a state folder others can write to is refused, and nothing is asked', async () => {
    freshState();
    const { chmodSync } = await import('node:fs');
    chmodSync(stateDir, 0o777);
    const { prompts, asked } = scripted([]);
    const result = await quiz(['lab-vm'], prompts);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^virt: cannot keep quiz answers in .*: others can write to it .*set VIRT_STATE_DIR/);
    expect(asked).toEqual([]);
  });
});

describe('the menu', () => {
  test('a page with questions offers "Check yourself (N questions)", which asks them', async () => {
    freshState();
    const { prompts, asked } = scripted([
      () => 'lab-vm',
      pick(/^Check yourself \(4 questions\)$/),
      pick(/^\d\. KVM in the host kernel$/),
      quit,
      pick(/^Quit$/),
    ]);
    const result = await runCli(['--content', pack, 'menu'], {
      tty: true,
      columns: 100,
      env: { NO_COLOR: '1', VIRT_STATE_DIR: stateDir, PAGER: '' },
      now: () => T0,
      random: WRITTEN_ORDER,
      prompts,
    });
    expect(result.code).toBe(0);
    expect(asked[4]!.choices.map((c) => c.name)).toEqual([
      'Back to Lab virtual machines',
      'Search for another topic',
      'Quit',
    ]);
    expect(result.stdout).toMatch(/Score: 1 of 1 right \(stopped after 1 of 4 questions\)/);
    expect(Object.keys(cards())).toEqual(['lab-vm/host-kernel']);
  });
});
