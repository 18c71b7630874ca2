import { afterEach, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { QuizCard, QuizState } from '../../src/model/quiz-card.js';
import { cardKeeper } from '../../src/quiz/prune.js';
import { withLockFile } from '../../src/store/lock-file.js';
import {
  loadQuizState,
  readQuizState,
  resetQuizState,
  STATE_FILE,
  updateQuizState,
} from '../../src/store/quiz-state.js';
import { openStateFolder, stateFolderPath } from '../../src/store/state-folder.js';
import { cardInReview } from '../helpers/card-in-review.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});
const scratch = () => {
  const folder = mkdtempSync(join(tmpdir(), 'virt-state-'));
  folders.push(folder);
  return folder;
};

const card = cardInReview;
const withCard = (id: string, value: QuizCard) => (state: QuizState) => ({
  ...state,
  cards: { ...state.cards, [id]: value },
});
const fileText = (folder: string) => readFileSync(join(folder, STATE_FILE), 'utf8');

describe('where the state is kept', () => {
  test('VIRT_STATE_DIR, then an absolute XDG_STATE_HOME, then ~/.local/state/virt', () => {
    expect(stateFolderPath({ VIRT_STATE_DIR: '/s', XDG_STATE_HOME: '/x', HOME: '/h' })).toEqual({ path: '/s' });
    expect(stateFolderPath({ VIRT_STATE_DIR: 'rel' }, () => '/work')).toEqual({ path: '/work/rel' });
    expect(stateFolderPath({ XDG_STATE_HOME: '/x', HOME: '/h' })).toEqual({ path: '/x/virt' });
    expect(stateFolderPath({ XDG_STATE_HOME: 'relative', HOME: '/h' })).toEqual({ path: '/h/.local/state/virt' });
    // The command adds the way out (set VIRT_STATE_DIR) once, to every reason alike.
    expect(stateFolderPath({})).toEqual({ reason: 'HOME is not set' });
  });

  test('the folder is made private with its missing parents; one others can write to is refused', () => {
    const root = scratch();
    const made = openStateFolder({ HOME: root }, { create: true });
    expect(made).toEqual({ path: join(root, '.local', 'state', 'virt'), usable: true });
    expect(statSync(join(root, '.local', 'state', 'virt')).mode & 0o777).toBe(0o700);
    expect(statSync(join(root, '.local')).mode & 0o777).toBe(0o700);
    const open = join(root, 'open');
    mkdirSync(open, { mode: 0o777 });
    chmodSync(open, 0o777); // mkdir's mode is masked by the umask
    expect(openStateFolder({ VIRT_STATE_DIR: open }, { create: true })).toEqual({
      path: open,
      usable: false,
      reason: expect.stringContaining('others can write to it'),
    });
    expect(openStateFolder({ VIRT_STATE_DIR: join(root, 'none') }, { create: false })).toMatchObject({
      usable: false,
      missing: true,
    });
  });
});

describe('saving answers', () => {
  test('a state file is versioned JSON, readable by its owner only, and leaves no temporary file', () => {
    const folder = scratch();
    updateQuizState(folder, withCard('kvm/type-debate', card()));
    expect(statSync(join(folder, STATE_FILE)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(fileText(folder))).toEqual({ version: 1, cards: { 'kvm/type-debate': card() } });
    expect(readdirSync(folder).sort()).toEqual([STATE_FILE]);
  });

  test('a change that fails writes nothing and frees the lock', () => {
    const folder = scratch();
    updateQuizState(folder, withCard('kvm/one', card()));
    const before = fileText(folder);
    expect(() =>
      updateQuizState(folder, () => {
        throw new Error('interrupted');
      }),
    ).toThrow('interrupted');
    expect(fileText(folder)).toBe(before);
    updateQuizState(folder, withCard('kvm/two', card()));
    expect(Object.keys(loadQuizState(folder).cards)).toEqual(['kvm/one', 'kvm/two']);
  });

  test('a reader never sees a half-written file while another process saves', async () => {
    const folder = scratch();
    const writer = startWriter(folder, 'writer', 150);
    writeFileSync(join(folder, 'go'), '');
    const reads: string[] = [];
    const exited = exitOf(writer);
    let done = false;
    void exited.then(() => (done = true));
    while (!done) {
      const read = readQuizState(folder);
      reads.push(read.kind);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await exited).toBe(0);
    expect(reads).not.toContain('damaged');
    expect(reads.filter((kind) => kind === 'ok').length).toBeGreaterThan(0);
    expect(Object.keys(loadQuizState(folder).cards)).toHaveLength(150);
  });

  test('two processes saving at once keep every answer of both', async () => {
    const folder = scratch();
    const first = startWriter(folder, 'alpha', 60);
    const second = startWriter(folder, 'beta', 60);
    writeFileSync(join(folder, 'go'), '');
    expect(await Promise.all([exitOf(first), exitOf(second)])).toEqual([0, 0]);
    const ids = Object.keys(loadQuizState(folder).cards);
    expect(ids.filter((id) => id.startsWith('alpha/'))).toHaveLength(60);
    expect(ids.filter((id) => id.startsWith('beta/'))).toHaveLength(60);
    expect(readdirSync(folder).sort()).toEqual(['go', STATE_FILE]);
  }, 60000);

  test('each save applies to the file as it is then, not to what this quiz read when it began', () => {
    const folder = scratch();
    const atStart = loadQuizState(folder);
    updateQuizState(folder, withCard('xen/other-quiz', card({ reps: 7 })));
    updateQuizState(folder, withCard('kvm/this-quiz', card()));
    expect(atStart.cards).toEqual({});
    expect(loadQuizState(folder).cards).toEqual({ 'xen/other-quiz': card({ reps: 7 }), 'kvm/this-quiz': card() });
  });

  test('a lock left by a killed virt is broken once stale; a live one is waited for, then given up', () => {
    const folder = scratch();
    const lock = join(folder, `${STATE_FILE}.lock`);
    writeFileSync(lock, 'dead\n');
    const old = (Date.now() - 60_000) / 1000;
    utimesSync(lock, old, old);
    updateQuizState(folder, withCard('kvm/after-crash', card()));
    expect(Object.keys(loadQuizState(folder).cards)).toEqual(['kvm/after-crash']);
    expect(readdirSync(folder)).toEqual([STATE_FILE]);

    writeFileSync(lock, 'alive\n');
    let clock = Date.now();
    const waits: number[] = [];
    expect(() =>
      updateQuizState(folder, withCard('kvm/blocked', card()), undefined, {
        now: () => clock,
        sleep: (ms) => {
          waits.push(ms);
          clock += 1000;
        },
        staleAfterMs: 1e9,
        giveUpAfterMs: 5000,
      }),
    ).toThrow(/another virt has been saving quiz answers .*quiz-state\.json\.lock/);
    expect(waits.length).toBeGreaterThan(3);
    expect(readFileSync(lock, 'utf8')).toBe('alive\n');
    expect(Object.keys(loadQuizState(folder).cards)).toEqual(['kvm/after-crash']);
  });

  test('a folder where the lock goes, however old, is refused at once: no endless retry, nothing removed', () => {
    const folder = scratch();
    const lock = join(folder, `${STATE_FILE}.lock`);
    mkdirSync(lock);
    const old = (Date.now() - 3_600_000) / 1000;
    utimesSync(lock, old, old);
    const sleeps: number[] = [];
    expect(() =>
      updateQuizState(folder, withCard('kvm/blocked', card()), undefined, { sleep: (ms) => sleeps.push(ms) }),
    ).toThrow(/another virt has been saving quiz answers .*quiz-state\.json\.lock/);
    expect(sleeps).toEqual([]);
    expect(statSync(lock).isDirectory()).toBe(true);
  });

  test('releasing a lock does not remove a lock that another virt took over', () => {
    const folder = scratch();
    const lock = join(folder, 'x.lock');
    withLockFile(lock, () => writeFileSync(lock, 'someone else\n'));
    expect(readFileSync(lock, 'utf8')).toBe('someone else\n');
  });

  test('temporary files abandoned an hour ago are removed; fresh ones (a save under way) are not', () => {
    const folder = scratch();
    const abandoned = join(folder, `${STATE_FILE}.4242-abc123.tmp`);
    const fresh = join(folder, `${STATE_FILE}.4243-def456.tmp`);
    writeFileSync(abandoned, '{"version":1,"cards":{}');
    writeFileSync(fresh, '{');
    const old = (Date.now() - 2 * 60 * 60 * 1000) / 1000;
    utimesSync(abandoned, old, old);
    updateQuizState(folder, withCard('kvm/one', card()));
    expect(readdirSync(folder).sort()).toEqual([STATE_FILE, `${STATE_FILE}.4243-def456.tmp`]);
  });
});

describe('a damaged state file', () => {
  const damaged: [string, string][] = [
    ['not JSON', '{"version":1,"cards":{'],
    ['a JSON array', '[]'],
    ['no version', '{"cards":{}}'],
    ['a newer version', '{"version":2,"cards":{}}'],
    ['fields virt does not write', '{"version":1,"cards":{},"extra":true}'],
    ['cards that are a list', '{"version":1,"cards":[]}'],
    ['an id that is not a question id', '{"version":1,"cards":{"__proto__":{}}}'],
    ['a due time that is not a time', JSON.stringify({ version: 1, cards: { 'a/b': { ...card(), due: 'soon' } } })],
    ['a negative stability', JSON.stringify({ version: 1, cards: { 'a/b': { ...card(), stability: -1 } } })],
    ['a fractional count', JSON.stringify({ version: 1, cards: { 'a/b': { ...card(), reps: 1.5 } } })],
    ['an unknown state', JSON.stringify({ version: 1, cards: { 'a/b': { ...card(), state: 'forgotten' } } })],
    ['a missing field', JSON.stringify({ version: 1, cards: { 'a/b': { ...card(), lapses: undefined } } })],
    [
      'a pack name with a control character',
      JSON.stringify({ version: 1, cards: { 'a/b': card({ pack: 'x\u001b' }) } }),
    ],
  ];

  test.each(damaged)(
    '%s stops the quiz with exit 2 and one line naming the file; the file is left as it was',
    (_, text) => {
      const folder = scratch();
      writeFileSync(join(folder, STATE_FILE), text);
      const attempt = () => updateQuizState(folder, withCard('kvm/one', card()));
      expect(attempt).toThrow(expect.objectContaining({ exitCode: 2 }));
      let message = '';
      try {
        loadQuizState(folder);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toContain(join(folder, STATE_FILE));
      expect(message).toContain('virt quiz reset --yes');
      expect(message).not.toContain('\n');
      expect(fileText(folder)).toBe(text);
      expect(readdirSync(folder)).toEqual([STATE_FILE]);
    },
  );

  test('a link in the place of the state file is damaged, never followed', () => {
    const folder = scratch();
    writeFileSync(join(folder, 'elsewhere.json'), '{"version":1,"cards":{}}');
    symlinkSync(join(folder, 'elsewhere.json'), join(folder, STATE_FILE));
    expect(readQuizState(folder)).toEqual({ kind: 'damaged', reason: 'it is a symbolic link' });
  });

  test('reset moves it aside as .damaged-<time>, never deleting it, and starts a new file', () => {
    const folder = scratch();
    writeFileSync(join(folder, STATE_FILE), 'garbage');
    const now = Date.parse('2026-05-04T03:02:01.500Z');
    const result = resetQuizState(folder, { now });
    const aside = join(folder, `${STATE_FILE}.damaged-2026-05-04T03-02-01Z`);
    expect(result).toEqual({ forgotten: 0, movedAside: aside });
    expect(readFileSync(aside, 'utf8')).toBe('garbage');
    expect(readQuizState(folder)).toEqual({ kind: 'ok', state: { version: 1, cards: {} } });
    // A second damaged file the same second gets a name of its own.
    writeFileSync(join(folder, STATE_FILE), 'more garbage');
    expect(resetQuizState(folder, { now }).movedAside).toBe(`${aside}-2`);
    expect(readFileSync(aside, 'utf8')).toBe('garbage');
  });

  test('a topic cannot be reset in a damaged file', () => {
    const folder = scratch();
    writeFileSync(join(folder, STATE_FILE), 'garbage');
    expect(() => resetQuizState(folder, { topic: 'kvm' })).toThrow(/damaged/);
    expect(fileText(folder)).toBe('garbage');
  });
});

describe('forgetting and pruning', () => {
  test('resetting a topic forgets its questions only; resetting all forgets everything', () => {
    const folder = scratch();
    for (const id of ['kvm/a', 'kvm/b', 'kvm-intro/c', 'xen/d']) updateQuizState(folder, withCard(id, card()));
    expect(resetQuizState(folder, { topic: 'kvm' })).toEqual({ forgotten: 2 });
    expect(Object.keys(loadQuizState(folder).cards)).toEqual(['kvm-intro/c', 'xen/d']);
    expect(resetQuizState(folder)).toEqual({ forgotten: 2 });
    expect(loadQuizState(folder).cards).toEqual({});
  });

  test('a save drops questions gone from the guide and from loaded packs, and keeps those of packs not loaded and of built-in topics a pack overrides', () => {
    const folder = scratch();
    const cards: Record<string, QuizCard> = {
      'kvm/still-here': card(),
      'kvm/removed': card(),
      'notes-topic/in-loaded-pack': card({ pack: 'notes' }),
      'notes-topic/gone-from-loaded-pack': card({ pack: 'notes' }),
      'lab-topic/pack-not-loaded': card({ pack: 'lab' }),
      // The notes pack overrides the built-in slat topic this time: its built-in questions are not in use.
      'slat/built-in-question': card(),
    };
    writeFileSync(join(folder, STATE_FILE), JSON.stringify({ version: 1, cards }));
    const keep = cardKeeper({
      questionIds: new Set(['kvm/still-here', 'notes-topic/in-loaded-pack', 'kvm/new']),
      loadedPacks: new Set(['notes']),
      packTopics: new Set(['notes-topic', 'slat']),
    });
    updateQuizState(folder, withCard('kvm/new', card()), keep);
    expect(Object.keys(loadQuizState(folder).cards).sort()).toEqual([
      'kvm/new',
      'kvm/still-here',
      'lab-topic/pack-not-loaded',
      'notes-topic/in-loaded-pack',
      'slat/built-in-question',
    ]);
  });
});

function startWriter(folder: string, topic: string, count: number) {
  return spawn(
    process.execPath,
    ['--import', 'tsx', 'test/helpers/quiz-writer-process.ts', folder, topic, String(count)],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
}

function exitOf(child: ReturnType<typeof spawn>): Promise<number | null> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}
