import type { AskOptions, Choice, Prompts } from './prompts.js';
import { QUIT_ANSWER } from './prompts.js';
import { listPrompt, type ListConfig } from './list-prompt.js';

interface Key {
  name?: string;
  ctrl?: boolean;
  meta?: boolean;
}

/**
 * The real prompts: lists built on inquirer's core (list-prompt.ts), reached through lazy/prompts.ts on
 * first use only, as only the menu and the quiz need them. Esc and Ctrl-D leave any prompt, and `q` a list (in
 * the finder `q` is a letter to type); leaving answers QUIT_ANSWER. The keys are heard on stdin ahead of the prompt's readline,
 * which closes itself on Ctrl-D.
 */
export function inquirerPrompts(options: { ascii?: boolean } = {}): Prompts {
  const ask = async (config: ListConfig, quitOnQ: boolean): Promise<string[] | undefined> => {
    const controller = new AbortController();
    const onKey = (_text: unknown, key?: Key) => {
      const q = quitOnQ && key?.name === 'q' && !key.ctrl && !key.meta;
      if (key?.name === 'escape' || (key?.ctrl && key.name === 'd') || q) controller.abort();
    };
    process.stdin.on('keypress', onKey);
    try {
      return await listPrompt({ ascii: options.ascii ?? false, ...config }, { signal: controller.signal });
    } catch (error) {
      if (controller.signal.aborted) return undefined;
      throw error;
    } finally {
      process.stdin.off('keypress', onKey);
    }
  };
  const one = async (config: ListConfig, quitOnQ: boolean) => (await ask(config, quitOnQ))?.[0] ?? QUIT_ANSWER;
  return {
    search: (message, source) =>
      one({ message, choices: (term: string) => source(term || undefined), pageSize: 12 }, false),
    select: (message, choices: Choice[], start, how: AskOptions = {}) =>
      one({ message, choices, pageSize: 12, judged: how.judged ?? false, ...(start ? { start } : {}) }, true),
    checkbox: async (message, choices: Choice[], how: AskOptions = {}) =>
      (await ask(
        {
          message,
          choices,
          multiple: true,
          pageSize: 14,
          judged: how.judged ?? false,
          validate: (picked) =>
            picked.length > 0 ? true : (how.emptyHint ?? 'Pick at least one topic (Space), then Enter'),
        },
        true,
      )) ?? [QUIT_ANSWER],
  };
}
