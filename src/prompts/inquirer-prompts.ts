import type { Choice, Prompts } from './prompts.js';

/**
 * The real prompts, from inquirer. It is imported on first use only: it is the heaviest module virt has,
 * and no command but the menu needs it.
 */
export function inquirerPrompts(): Prompts {
  const ask = async <T>(question: Record<string, unknown>): Promise<T> => {
    const { default: inquirer } = await import('inquirer');
    // inquirer's question type is a union per prompt kind; these questions are built per kind below.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- needed under TypeScript 7
    const answers = (await inquirer.prompt([{ name: 'answer', ...question } as never])) as { answer: T };
    return answers.answer;
  };
  return {
    search: (message, source) =>
      ask<string>({
        type: 'search',
        message,
        pageSize: 12,
        source: (term: string | undefined) => Promise.resolve(source(term)),
      }),
    select: (message, choices: Choice[]) =>
      ask<string>({ type: 'select', message, choices, pageSize: 12, loop: false }),
    checkbox: (message, choices: Choice[]) =>
      ask<string[]>({
        type: 'checkbox',
        message,
        choices,
        pageSize: 14,
        loop: false,
        validate: (picked: unknown[]) => (picked.length > 0 ? true : 'Pick at least one topic (Space), then Enter'),
      }),
  };
}
