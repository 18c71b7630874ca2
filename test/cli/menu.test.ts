import { describe, expect, test } from '@jest/globals';
import type { Choice, Prompts } from '../../src/prompts/prompts.js';
import { runCli } from '../helpers/run-cli.js';

/** Prompts that answer from a script and record what was asked, so the menu's flow runs without a terminal. */
function scripted(answers: ((choices: Choice[]) => string | string[])[]) {
  const asked: { message: string; choices: Choice[]; start?: string }[] = [];
  const next = (message: string, choices: Choice[], start?: string) => {
    asked.push({ message, choices, ...(start ? { start } : {}) });
    const answer = answers.shift();
    if (!answer) {
      const error = new Error('User force closed the prompt with SIGINT');
      error.name = 'ExitPromptError';
      return Promise.reject(error);
    }
    return Promise.resolve(answer(choices));
  };
  const prompts: Prompts = {
    search: (message, source) => next(message, source('para')) as Promise<string>,
    select: (message, choices, start) => next(message, choices, start) as Promise<string>,
    checkbox: (message, choices) => next(message, choices) as Promise<string[]>,
  };
  return { prompts, asked };
}

const tty = { tty: true, columns: 100, env: { NO_COLOR: '1' } };
const pick = (label: RegExp) => (choices: Choice[]) => {
  const found = choices.find((choice) => label.test(choice.name));
  if (!found) throw new Error(`no choice ${label} in ${choices.map((c) => c.name).join(' | ')}`);
  return found.value;
};

describe('the interactive menu, with scripted prompts', () => {
  test('type "para", open it, go on to the next chapter of the guide, then quit: exit 0', async () => {
    const { prompts, asked } = scripted([(choices) => choices[0]!.value, pick(/^Next in the guide/), pick(/^Quit/)]);
    const result = await runCli(['menu'], { ...tty, prompts });
    expect(asked[0]!.choices[0]!.value).toBe('paravirtualization');
    expect(asked[0]!.choices[0]!.name).toMatch(/^Paravirtualization — The guest kernel/);
    expect(result.stdout).toMatch(/│ Paravirtualization +│/);
    expect(asked[1]!.choices.slice(0, 2).map((c) => c.name)).toEqual([
      'Next in the guide: Software virtualization (emulation)',
      'Compare Paravirtualization with Hybrid virtualization (hardware-assisted + virtio)',
    ]);
    expect(result.stdout).toMatch(/│ Software virtualization \(emulation\) +│/);
    expect(result.code).toBe(0);
  });

  test('a comparison is the second choice after a page, and shows the table', async () => {
    const { prompts, asked } = scripted([
      (choices) => choices[0]!.value,
      (choices) => choices[1]!.value,
      pick(/^Quit/),
    ]);
    const result = await runCli(['menu'], { ...tty, prompts });
    expect(asked[1]!.choices[1]!.value).toBe('compare:hybrid-virtualization');
    expect(result.stdout).toMatch(/^\* Guest OS modified\? +Yes: kernel ported.* +Drivers only/m);
    expect(result.code).toBe(0);
  });

  test('compare with picked topics, then browse the guide in order', async () => {
    const { prompts, asked } = scripted([
      (choices) => choices[0]!.value,
      pick(/^Compare Paravirtualization with other topics/),
      () => ['software-virtualization', 'containerization'],
      pick(/^Back to Paravirtualization/),
      pick(/^Browse the guide/),
      pick(/Containerization/),
      pick(/^Quit/),
    ]);
    const result = await runCli(['menu'], { ...tty, columns: 160, prompts });
    expect(asked[2]!.choices[0]!.value).toBe('full-virtualization');
    // The picker offers only topics that share attributes with Paravirtualization: no glossary term like Host.
    expect(asked[2]!.choices.map((choice) => choice.value)).not.toContain('host');
    expect(asked[2]!.choices.map((choice) => choice.value)).toContain('virtual-machine');
    expect(result.stdout).toMatch(/Software virtualization/);
    expect(asked[5]!.choices[0]!.name).toMatch(/^What is virtualization\?/);
    expect(result.stdout).toMatch(/^ {2}Attribute .*Containerization/m);
    expect(result.code).toBe(0);
  });

  test('Browse the guide starts at the page being read', async () => {
    const { prompts, asked } = scripted([() => 'kvm', pick(/^Browse the guide/), pick(/^Quit/)]);
    await runCli(['menu'], { ...tty, prompts });
    expect(asked[2]!.message).toMatch(/reading order/);
    expect(asked[2]!.start).toBe('kvm');
  });

  test('a key that quits (Esc, Ctrl-D, q) answers Quit, and the menu exits 0', async () => {
    for (const answers of [
      [() => 'quit'],
      [() => 'kvm', () => 'quit'],
      [() => 'kvm', pick(/with other topics/), () => ['quit']],
    ]) {
      const { prompts } = scripted(answers);
      expect((await runCli(['menu'], { ...tty, prompts })).code).toBe(0);
    }
  });

  test('choices are cut at a word boundary with …, and descriptions wrap to the width', async () => {
    const { prompts, asked } = scripted([pick(/^Quit/)]);
    await runCli(['menu'], { ...tty, columns: 50, prompts });
    const choices = asked[0]!.choices.filter((choice) => choice.name.endsWith('…'));
    expect(choices.length).toBeGreaterThan(5);
    for (const choice of choices.slice(0, 20)) {
      const { title, summary } = JSON.parse((await runCli(['explain', choice.value, '--json'])).stdout);
      const whole = `${title} — ${summary}`;
      const kept = choice.name.trim().slice(0, -1);
      expect(whole.startsWith(kept)).toBe(true);
      // What follows the cut is not the rest of a word.
      expect(whole.slice(kept.length)).toMatch(/^[\s,;:—-]/);
      for (const line of choice.description!.split('\n')) expect(line.length).toBeLessThanOrEqual(46);
    }
  });

  test('a page with nothing to compare with offers no comparison', async () => {
    const { prompts, asked } = scripted([() => 'checking-a-host', pick(/^Quit/)]);
    const result = await runCli(['menu'], { ...tty, prompts });
    expect(result.code).toBe(0);
    expect(asked[1]!.choices.map((choice) => choice.name)).not.toContainEqual(expect.stringMatching(/^Compare/));
  });

  test('Ctrl-C at any prompt exits 130 and shows the cursor again', async () => {
    const { prompts } = scripted([(choices) => choices[0]!.value]);
    const result = await runCli(['menu'], { ...tty, prompts });
    expect(result.code).toBe(130);
    expect(result.stdout.endsWith('\u001b[?25h')).toBe(true);
  });

  test('without a terminal the menu refuses with a hint (exit 2) and never prompts', async () => {
    const { prompts, asked } = scripted([]);
    const result = await runCli(['menu'], { tty: false, prompts });
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toMatch(/needs an interactive terminal.*virt list/);
    expect(asked).toEqual([]);
  });

  test('virt alone opens the menu on a terminal, and prints help in a pipe', async () => {
    const { prompts, asked } = scripted([]);
    expect((await runCli([], { ...tty, prompts })).code).toBe(130);
    expect(asked[0]!.message).toMatch(/Find a topic/);
    const piped = await runCli([]);
    expect(piped.code).toBe(0);
    expect(piped.stdout).toMatch(/^Usage: virt (.*\n)*Examples:\n/);
  });
});
