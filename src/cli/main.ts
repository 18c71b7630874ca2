import { CommanderError } from 'commander';
import { cleanText } from '../content/sanitize.js';
import { EXIT, NotFoundError, VirtError } from '../errors.js';
import type { Prompts } from '../prompts/prompts.js';
import type { Io } from './io.js';
import { utf8Locale } from './output-mode.js';
import { createProgram } from './program.js';

/** Runs virt with `argv` (without node and script) and returns the exit status; never throws, never exits. */
export async function main(argv: string[], rawIo: Io, version: string): Promise<number> {
  const prompts = rawIo.prompts;
  // Messages may quote what the user typed; no control character from it may reach the terminal.
  // stdin and stderr are built field by field, not spread: spreading would ask at once whether they are
  // terminals.
  const io: Io = {
    stdout: rawIo.stdout,
    stderr: {
      write: (text) => rawIo.stderr.write(cleanText(text, { keepNewlines: true })),
      get isTTY() {
        return rawIo.stderr.isTTY;
      },
    },
    get stdinIsTTY() {
      return rawIo.stdinIsTTY;
    },
    env: rawIo.env,
    ...(rawIo.page ? { page: rawIo.page } : {}),
    ...(rawIo.now ? { now: rawIo.now } : {}),
    ...(rawIo.random ? { random: rawIo.random } : {}),
    // The prompts are loaded only when the first question is asked.
    prompts: prompts ?? lazyPrompts(rawIo.env.TERM === 'dumb' || !utf8Locale(rawIo.env)),
  };
  const program = createProgram(io, version);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    return report(error, io);
  }
}

/** The terminal's prompts, loaded when the first question is asked; in ASCII where Unicode may not show. */
function lazyPrompts(ascii: boolean): Prompts {
  let loaded: Prompts | undefined;
  const inquirer = async () => (loaded ??= (await import('../lazy/prompts.js')).inquirerPrompts({ ascii }));
  return {
    search: async (...args) => (await inquirer()).search(...args),
    select: async (...args) => (await inquirer()).select(...args),
    checkbox: async (...args) => (await inquirer()).checkbox(...args),
  };
}

function report(error: unknown, io: Io): number {
  if (error instanceof CommanderError) {
    // commander has already printed its message; help and version are successes.
    if (
      error.code === 'commander.helpDisplayed' ||
      error.code === 'commander.version' ||
      error.code === 'commander.help'
    )
      return EXIT.ok;
    if (
      [
        'commander.missingArgument',
        'commander.optionMissingArgument',
        'commander.unknownCommand',
        'commander.unknownOption',
        'commander.excessArguments',
        'commander.invalidArgument',
      ].includes(error.code)
    ) {
      io.stderr.write('virt: run `virt --help` for the commands and options\n');
    }
    return EXIT.usage;
  }
  if ((error as Error | undefined)?.name === 'ExitPromptError') {
    // Ctrl-C in a prompt: leave the terminal as we found it (cursor visible, on a fresh line).
    if (io.stdout.isTTY) io.stdout.write('\u001b[?25h');
    io.stderr.write('\n');
    return EXIT.interrupted;
  }
  if (error instanceof VirtError) {
    io.stderr.write(`virt: ${error.message}\n`);
    if (error instanceof NotFoundError) for (const hint of error.hints) io.stderr.write(`${hint}\n`);
    if (io.env.VIRT_DEBUG === '1' && error.stack) io.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  const message = (error as Error | undefined)?.message ?? String(error);
  io.stderr.write(
    `virt: unexpected error: ${message.split('\n')[0]}${io.env.VIRT_DEBUG === '1' ? '' : ' (set VIRT_DEBUG=1 for details)'}\n`,
  );
  const stack = (error as Error | undefined)?.stack;
  if (io.env.VIRT_DEBUG === '1' && stack) io.stderr.write(`${stack}\n`);
  return EXIT.notFound;
}
