import { afterEach, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makePack, packTopic } from '../helpers/pack.js';
import { TerminalSession } from '../helpers/tmux.js';

const pack = makePack(
  {
    'lab-vm.md': packTopic('lab-vm', {
      title: 'Lab virtual machines',
      body: `The lab runs its guests under KVM.

## Check yourself

### host-kernel
Which part runs the lab's guests?

- [ ] A container runtime
- [x] KVM in the host kernel
- [ ] An emulator alone, translating every guest instruction in software with no help from the processor's virtualization extensions, as QEMU's TCG does

Why: The lab's hosts load the kvm module.

### what-is-kvm
What is KVM?

Answer: A Linux kernel module that turns Linux into a hypervisor.

### needs
KVM needs {{hardware virtualization extensions}} in the CPU.
`,
    }),
  },
  'labnotes',
);

let session: TerminalSession | undefined;
let stateDir = '';
afterEach(() => {
  session?.close();
  rmSync(stateDir, { recursive: true, force: true });
});

/** virt run later than now by `aheadMs`: Date moved on before virt loads, as if that time had passed. */
const clockAhead = (aheadMs: number) =>
  `--import=data:text/javascript,${encodeURIComponent(
    `const R = Date; globalThis.Date = class extends R { constructor(...a) { super(...(a.length ? a : [R.now() + ${aheadMs}])); } static now() { return R.now() + ${aheadMs}; } };`,
  )}`;

const status = (aheadMs = 0) => {
  const run = spawnSync(
    process.execPath,
    [...(aheadMs ? [clockAhead(aheadMs)] : []), 'bin/virt.js', '--content', pack, 'quiz', 'status', '--json'],
    { encoding: 'utf8', env: { ...process.env, VIRT_STATE_DIR: stateDir } },
  );
  expect(run.status).toBe(0);
  // The pack's topics have no chapter: their row is apart from the guide's own questions.
  const { chapters } = JSON.parse(run.stdout) as { chapters: { id: string | null }[] };
  const row = chapters.find((chapter) => chapter.id === null) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(row).filter(([key]) => key !== 'id' && key !== 'title'));
};

const LONG_CHOICE =
  "An emulator alone, translating every guest instruction in software with no help from the processor's virtualization extensions, as QEMU's TCG does";

const startQuiz = (args: string, node = 'node') =>
  new TerminalSession(`${node} bin/virt.js --content '${pack}' quiz ${args}`, {
    columns: 100,
    rows: 40,
    env: { PAGER: '', VIRT_STATE_DIR: stateDir },
  });

describe('virt quiz in a real terminal (tmux)', () => {
  test('a choice answered right and a recall rated Again are both counted, and the Again one comes back', async () => {
    stateDir = mkdtempSync(join(tmpdir(), 'virt-quiz-tmux-'));
    session = startQuiz('lab-vm');
    const asked = await session.waitFor(/Which part runs the lab's guests\?[\s\S]*❯ 1\. /);
    // The choices come in a new order each time, numbered as shown: find where the right one is.
    const right = Number(/^. (\d)\. KVM in the host kernel$/m.exec(asked)![1]);
    // A choice wider than the terminal wraps between words, under its own text, not at the last column.
    const [first, second] = asked.slice(asked.search(/\d\. An emulator alone/) - 2).split('\n');
    expect(first!.length).toBeLessThan(100);
    expect(second).toMatch(/^ {5}\S/);
    expect(`${first!.slice(5)} ${second!.trim()}`).toBe(LONG_CHOICE);
    for (let step = 1; step < right; step++) session.send('Down');
    await session.waitFor(new RegExp(`❯ ${right}\\. KVM in the host kernel`));
    session.send('Enter');
    // The answer line has no check mark of its own: only the verdict under it says right or wrong.
    await session.waitFor(
      new RegExp(
        `› Your answer ${right}\\n✔ Right\\.\\nWhy: The lab's hosts load the kvm module\\.\\nRead: virt explain lab-vm`,
      ),
    );
    await session.waitFor(/What is KVM\?[\s\S]*❯ Show the answer/);
    session.send('Enter');
    await session.waitFor(/Answer: A Linux kernel module[\s\S]*❯ Good/);
    session.send('Up', 'Up');
    await session.waitFor(/❯ Again/);
    session.send('Enter');
    await session.waitFor(/✘ Not remembered: it comes back soon\./);
    await session.waitFor(/KVM needs _____ in the CPU\.[\s\S]*❯ Show the answer/);
    // Esc leaves the quiz early: the summary, and exit 0.
    session.send('Escape');
    const screen = await session.waitFor(/Score: 1 of 2 right \(stopped after 2 of 3 questions\)\./);
    expect(screen).toMatch(/Read again: virt explain lab-vm/);
    expect(await session.exitStatus()).toBe(0);
    session.close();

    expect(status()).toEqual({ questions: 3, seen: 2, dueNow: 0, dueLater: 2, mastered: 0 });
    // Two minutes later the forgotten question is due again, and --due asks it, alone.
    expect(status(2 * 60_000)).toEqual({ questions: 3, seen: 2, dueNow: 1, dueLater: 1, mastered: 0 });
    session = startQuiz('lab-vm --due', `node '${clockAhead(2 * 60_000)}'`);
    await session.waitFor(/Question 1 of 1 · Lab virtual machines · answer in your head\nWhat is KVM\?/);
    session.send('Escape');
    expect(await session.exitStatus()).toBe(0);
  });

  test('Ctrl-C mid-quiz exits 130 with the cursor shown, and keeps the answer given before it', async () => {
    stateDir = mkdtempSync(join(tmpdir(), 'virt-quiz-tmux-'));
    session = startQuiz('lab-vm');
    await session.waitFor(/Which part runs the lab's guests\?[\s\S]*❯ 1\. /);
    session.send('Enter');
    await session.waitFor(/What is KVM\?[\s\S]*❯ Show the answer/);
    session.send('C-c');
    expect(await session.exitStatus()).toBe(130);
    expect(session.cursorVisible()).toBe(true);
    expect(status()).toMatchObject({ seen: 1, dueLater: 1 });
  });
});

describe('what the quiz commands load', () => {
  /** The files of dist/ that virt required while running `args`, from require.cache at exit. */
  const loaded = (args: string[]) => {
    const script = `process.on('exit', () => process.stderr.write('\\nLOADED ' + JSON.stringify(Object.keys(require.cache)) + '\\n'));
      process.argv = [process.execPath, 'virt', ...${JSON.stringify(args)}];
      require('./bin/virt.js');`;
    const run = spawnSync(process.execPath, ['-e', script], {
      encoding: 'utf8',
      env: { ...process.env, VIRT_STATE_DIR: stateDir },
    });
    expect(run.status).toBe(0);
    const files = JSON.parse(/^LOADED (.*)$/m.exec(run.stderr)![1]!) as string[];
    return files.map((file) => file.replace(/^.*\/dist\//, 'dist/')).filter((file) => file.startsWith('dist/'));
  };

  test('quiz status and quiz --list --json load neither the scheduler nor inquirer', () => {
    stateDir = mkdtempSync(join(tmpdir(), 'virt-quiz-loads-'));
    // The way of looking sees a lazy bundle when one is loaded: search loads its own.
    expect(loaded(['search', 'hypercall'])).toContain('dist/lazy/search.cjs');
    for (const args of [
      ['--content', pack, 'quiz', 'status', '--json'],
      ['quiz', '--list', '--json'],
    ]) {
      const files = loaded(args);
      expect(files).toContain('dist/virt.cjs');
      expect(files).not.toContain('dist/lazy/schedule.cjs');
      expect(files).not.toContain('dist/lazy/prompts.cjs');
    }
    // ts-fsrs is in its own bundle, not in the one every command loads.
    expect(readFileSync('dist/virt.cjs', 'utf8')).not.toMatch(/forgetting_curve/);
    expect(readFileSync('dist/lazy/schedule.cjs', 'utf8')).toMatch(/forgetting_curve/);
  });
});
