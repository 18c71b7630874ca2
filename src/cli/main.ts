import { CommanderError } from 'commander';
import { cleanText } from '../content/sanitize.js';
import { EXIT, NotFoundError, PackCacheDamagedError, VirtError } from '../errors.js';
import type { Prompts } from '../prompts/prompts.js';
import type { Io } from './io.js';
import { createProgram } from './program.js';

/** Runs virt with `argv` (without node and script) and returns the exit status; never throws, never exits. */
export async function main(argv: string[], rawIo: Io, version: string): Promise<number> {
  const messages: string[] = [];
  const first = await runOnce(argv, rawIo, version, { messages });
  if (!first.retry) return first.status;
  // A pack cache was found damaged before anything was shown (see PackCacheDamagedError): running again
  // answers from the pack itself, without the cache if it could not be cleared, and the user never sees
  // the damage. The messages the first run wrote to stderr are not written twice.
  // Said once a run while the damaged cache cannot be cleared: otherwise every run would quietly parse the pack.
  if (!first.retry.cleared) rawIo.stderr.write(cleanText(`virt: ${first.retry.message}\n`, { keepNewlines: true }));
  const env = first.retry.cleared ? rawIo.env : { ...rawIo.env, VIRT_CACHE_DIR: '' };
  return (await runOnce(argv, { ...rawIo, env }, version, { repeating: messages })).status;
}

type Attempt = { messages: string[] } | { repeating: string[] };

async function runOnce(
  argv: string[],
  rawIo: Io,
  version: string,
  attempt: Attempt,
): Promise<{ status: number; retry?: PackCacheDamagedError }> {
  // Whether a result, a page or a question has been shown: after that, running again would repeat it.
  let shown = false;
  const noteShown = () => void (shown = true);
  const page = rawIo.page;
  const prompts = rawIo.prompts;
  let repeated = 0;
  const writeMessage = (text: string) => {
    if ('messages' in attempt) attempt.messages.push(text);
    else if (attempt.repeating[repeated] === text) return void repeated++;
    else repeated = Infinity;
    rawIo.stderr.write(cleanText(text, { keepNewlines: true }));
  };
  // Messages may quote what the user typed; no control character from it may reach the terminal.
  // stdin and stderr are built field by field, not spread: spreading would ask at once whether they are
  // terminals. stdout and the pager note that a result has been written.
  const io: Io = {
    stdout: {
      ...rawIo.stdout,
      write: (text) => {
        noteShown();
        rawIo.stdout.write(text);
      },
    },
    stderr: {
      write: writeMessage,
      get isTTY() {
        return rawIo.stderr.isTTY;
      },
    },
    get stdinIsTTY() {
      return rawIo.stdinIsTTY;
    },
    env: rawIo.env,
    ...(page ? { page: (text, env, always) => (noteShown(), page(text, env, always)) } : {}),
    // inquirer is loaded only when the first question is asked, as before.
    prompts: {
      search: async (...args) => (noteShown(), (prompts ?? (await inquirer())).search(...args)),
      select: async (...args) => (noteShown(), (prompts ?? (await inquirer())).select(...args)),
      checkbox: async (...args) => (noteShown(), (prompts ?? (await inquirer())).checkbox(...args)),
    },
  };
  const program = createProgram(io, version);
  try {
    if (!namesACommand(argv)) {
      // Without a command (alone, or with only options such as --no-pager), virt opens the menu on a
      // terminal; in a pipe or a script it explains itself on stdout instead of waiting for input.
      if (!(io.stdinIsTTY && io.stdout.isTTY)) {
        program.outputHelp();
        return { status: EXIT.ok };
      }
      argv = [...argv, 'menu'];
    }
    await program.parseAsync(argv, { from: 'user' });
    return { status: EXIT.ok };
  } catch (error) {
    if (error instanceof PackCacheDamagedError && !shown && 'messages' in attempt)
      return { status: error.exitCode, retry: error };
    return { status: report(error, io) };
  }
}

let inquirerPrompts: Prompts | undefined;
const inquirer = async () => (inquirerPrompts ??= (await import('../lazy/prompts.js')).inquirerPrompts());

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

/** virt's own options: those that take a value (so the value is not taken for a command), and the rest. */
const VALUE_OPTIONS = new Set(['--color', '--width', '--content']);
const FLAGS = new Set(['--plain', '--json', '--pager', '--no-pager']);

/**
 * Whether argv is more than virt's own options: a command, help, the version, or anything commander should
 * judge (an unknown option is its usage error to report).
 */
function namesACommand(argv: string[]): boolean {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (VALUE_OPTIONS.has(arg)) i++;
    else if (!FLAGS.has(arg) && !VALUE_OPTIONS.has(arg.split('=')[0]!)) return true;
  }
  return false;
}
