import type { AskOptions, Choice, Prompts } from './prompts.js';
import { QUIT_ANSWER } from './prompts.js';

interface Key {
  name?: string;
  ctrl?: boolean;
  meta?: boolean;
}

/** Plain characters where the terminal may not draw Unicode (LANG=C, TERM=dumb). */
const ASCII_THEME = {
  prefix: { idle: '?', done: 'v' },
  icon: { cursor: '>', checked: '[x]', unchecked: '[ ]' },
};

/**
 * The real prompts, from inquirer. It is imported on first use only: it is the heaviest module virt has,
 * and only the menu and the quiz need it. Esc and Ctrl-D leave any prompt, and `q` a list (in the finder `q`
 * is a letter to type); leaving answers QUIT_ANSWER.
 */
export function inquirerPrompts(options: { ascii?: boolean } = {}): Prompts {
  const ask = async <T>(
    question: Record<string, unknown>,
    quitOnQ: boolean,
    quit: T,
    how: AskOptions = {},
  ): Promise<T> => {
    const { default: inquirer } = await import('inquirer');
    const controller = new AbortController();
    const prompt = inquirer.createPromptModule({ signal: controller.signal });
    const onKey = (_text: unknown, key?: Key) => {
      const q = quitOnQ && key?.name === 'q' && !key.ctrl && !key.meta;
      if (key?.name === 'escape' || (key?.ctrl && key.name === 'd') || q) controller.abort();
    };
    process.stdin.on('keypress', onKey);
    try {
      const base = options.ascii ? ASCII_THEME : {};
      const theme = how.judged ? { ...base, prefix: { idle: '?', done: options.ascii ? '>' : '›' } } : base;
      const themed = Object.keys(theme).length ? { theme, ...question } : question;
      // inquirer's question type is a union per prompt kind; these questions are built per kind below.
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- needed under TypeScript 7
      const answers = (await prompt([{ name: 'answer', ...themed } as never])) as { answer: T };
      return answers.answer;
    } catch (error) {
      if (controller.signal.aborted) return quit;
      throw error;
    } finally {
      process.stdin.off('keypress', onKey);
    }
  };
  return {
    search: (message, source) =>
      ask<string>(
        {
          type: 'search',
          message,
          pageSize: 12,
          source: (term: string | undefined) => Promise.resolve(source(term)),
        },
        false,
        QUIT_ANSWER,
      ),
    select: (message, choices: Choice[], start, how) =>
      ask<string>(
        { type: 'select', message, choices, pageSize: 12, loop: false, ...(start ? { default: start } : {}) },
        true,
        QUIT_ANSWER,
        how,
      ),
    checkbox: (message, choices: Choice[], how = {}) =>
      ask<string[]>(
        {
          type: 'checkbox',
          message,
          choices,
          pageSize: 14,
          loop: false,
          validate: (picked: unknown[]) =>
            picked.length > 0 ? true : (how.emptyHint ?? 'Pick at least one topic (Space), then Enter'),
        },
        true,
        [QUIT_ANSWER],
        how,
      ),
  };
}
