import { CommanderError } from 'commander';
import { cleanText } from '../content/sanitize.js';
import { EXIT, NotFoundError, VirtError } from '../errors.js';
import type { Io } from './io.js';
import { createProgram } from './program.js';

/** Runs virt with `argv` (without node and script) and returns the exit status; never throws, never exits. */
export async function main(argv: string[], rawIo: Io, version: string): Promise<number> {
  // Messages may quote what the user typed; no control character from it may reach the terminal.
  const io: Io = { ...rawIo, stderr: { ...rawIo.stderr, write: (text) => rawIo.stderr.write(cleanText(text, { keepNewlines: true })) } };
  const program = createProgram(io, version);
  try {
    if (argv.length === 0) {
      // Alone on a terminal, virt opens the menu; in a pipe or a script it explains itself instead of waiting.
      if (!(io.stdinIsTTY && io.stdout.isTTY)) {
        program.outputHelp();
        return EXIT.ok;
      }
      argv = ['menu'];
    }
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    return report(error, io);
  }
}

function report(error: unknown, io: Io): number {
  if (error instanceof CommanderError) {
    // commander has already printed its message; help and version are successes.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
    if (error.code === 'commander.missingArgument' || error.code === 'commander.unknownCommand' || error.code === 'commander.unknownOption' || error.code === 'commander.excessArguments') {
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
  io.stderr.write(`virt: unexpected error: ${message.split('\n')[0]}${io.env.VIRT_DEBUG === '1' ? '' : ' (set VIRT_DEBUG=1 for details)'}\n`);
  const stack = (error as Error | undefined)?.stack;
  if (io.env.VIRT_DEBUG === '1' && stack) io.stderr.write(`${stack}\n`);
  return EXIT.notFound;
}
