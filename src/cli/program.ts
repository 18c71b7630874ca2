import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { closest, distance } from 'fastest-levenshtein';
import { UsageError } from '../errors.js';
import { runExplain } from '../commands/explain.js';
import { runList } from '../commands/list.js';
import { runCompare } from '../commands/compare.js';
import { runSearch } from '../commands/search.js';
import { runMenu } from '../commands/menu.js';
import { runCompletion } from '../commands/completion.js';
import { runLint } from '../commands/lint.js';
import { runCache } from '../commands/cache.js';
import { runDetect } from '../commands/detect.js';
import { runQuiz, type QuizOptions } from '../commands/quiz.js';
import type { Context } from '../context/context.js';
import { createContext } from './context.js';
import type { Io } from './io.js';
import { describeProgram } from './command-spec.js';
import { EXAMPLES } from './examples.js';
import { resolveOutput, type OutputFlags } from './output-mode.js';
import { ENVIRONMENT, EXIT_STATUS } from './reference.js';
import { wrapText } from '../render/text.js';

/** Help is read at 80 columns at most, as git's and gh's is, however wide the terminal. */
const HELP_WIDTH = 80;

interface GlobalFlags extends OutputFlags {
  content?: string[];
  pager?: boolean;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The same folder named twice (by --content and VIRT_CONTENT_PATH, say) is one pack, not a clash with itself. */
function distinctFolders(folders: string[]): string[] {
  const seen = new Set<string>();
  return folders.filter((folder) => {
    const key = resolve(folder);
    return !seen.has(key) && (seen.add(key), true);
  });
}

/** A word where a command was expected, with the nearest command when one is close. */
function unknownCommand(word: string, program: Command): UsageError {
  const names = program.commands.map((command) => command.name());
  const near = closest(word, names);
  const hint = distance(word, near) <= 2 ? ` (did you mean ${near}?)` : '';
  return new UsageError(`unknown command '${word}'${hint}; run \`virt --help\` for the commands`);
}

/** Examples close a help page, after Usage, options and commands, as in git's and gh's help. */
function examples(name: string): string {
  return `\nExamples:\n${(EXAMPLES[name] ?? []).map((line) => `  $ ${line}`).join('\n')}\n`;
}

/** Exit status and environment, wrapped to the help's width with a hanging indent. */
function reference(): string {
  const wrapped = (text: string) => wrapText(text, HELP_WIDTH, '', '  ').join('\n');
  return [
    wrapped(`Exit status: ${EXIT_STATUS.map(([code, name]) => `${code} ${name}`).join(', ')}.`),
    wrapped(`Environment: ${ENVIRONMENT.map(([name]) => name).join(', ')}. See \`man virt\` for details.`),
  ].join('\n');
}

/**
 * Builds the command tree. Command modules are small and imported with it; what is heavy (inquirer, chalk,
 * cli-table3, the Markdown parser, the search engine) is imported by a command only when it runs.
 */
export function createProgram(io: Io, version: string): Command {
  const program = new Command('virt');
  program
    .description(
      'Learn virtualization in the terminal: hypervisors, KVM, paravirtualization, emulation and containers.',
    )
    .version(version, '-V, --version', 'print the version and exit')
    .helpOption('-h, --help', 'show help for virt or a command')
    .helpCommand(false)
    .option('--plain', 'plain text: no colour, no boxes, one record per line (the default when piped)')
    .option('--json', 'one JSON document with a schemaVersion')
    .addOption(new Option('--color <when>', 'when to colour the output').choices(['auto', 'always', 'never']))
    .option('--width <columns>', 'wrap to this many columns instead of the terminal width')
    .option('--content <dir>', 'add a guide folder (a content pack); repeatable', collect)
    .option('--pager', 'always page output on a terminal (by default only pages taller than the screen)')
    .option('--no-pager', 'never send long pages through a pager')
    .option('--no-hyperlinks', 'do not make source titles clickable links on a terminal')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      getOutHelpWidth: () => Math.min(HELP_WIDTH, io.stdout.columns ?? HELP_WIDTH),
      getErrHelpWidth: () => HELP_WIDTH,
      outputError: (text, write) => write(text.replace(/^error: /, 'virt: ').replace(/\n?$/, `\n`)),
    })
    .addHelpText('after', `${examples('virt')}\n${reference()}\n`);

  const context = (command: Command): Context => {
    const flags = command.optsWithGlobals<GlobalFlags>();
    const out = resolveOutput(flags, io.stdout, io.env);
    const fromEnv = (io.env.VIRT_CONTENT_PATH ?? '').split(':').filter(Boolean);
    const pager = flags.pager === undefined ? 'auto' : flags.pager ? 'always' : 'never';
    return createContext(io, out, { packs: distinctFolders([...fromEnv, ...(flags.content ?? [])]), pager }, version);
  };

  program
    .command('explain')
    .description('show the page for a topic, found by id, title, alias, prefix or a near spelling')
    .argument('<topic...>', 'the topic (several words are joined)')
    .option('--brief', 'only the summary, key facts, diagram captions and Try-it commands')
    .option('--why', 'give the reason for each key fact')
    .addHelpText('after', examples('explain'))
    .action(async (words: string[], options: { why?: boolean; brief?: boolean }, command: Command) => {
      await runExplain(context(command), words, options);
    });

  program
    .command('list')
    .description("the guide's table of contents as a tree; piped, one id<TAB>title line per topic")
    .addHelpText('after', examples('list'))
    .action(async (_options: unknown, command: Command) => {
      await runList(context(command));
    });

  program
    .command('compare')
    .description(
      'compare topics side by side, attribute by attribute; @group compares a whole group (@methods, @hypervisors…)',
    )
    .argument('<topics...>', 'two or more topics, or @group')
    .option('--diff', 'show only the rows where the topics differ')
    .option('--why', 'explain each value under the table')
    .option('--markdown', 'print a Markdown table')
    .addHelpText('after', examples('compare'))
    .action(
      async (names: string[], options: { diff?: boolean; why?: boolean; markdown?: boolean }, command: Command) => {
        await runCompare(context(command), names, options);
      },
    );

  program
    .command('search')
    .description('find topics by words in their titles, aliases, summaries and pages, best first')
    .argument('<words...>', 'words or a question; most words must match (case and small typos do not matter)')
    .option('--limit <n>', 'show at most n results on a terminal or in a pipe (default 10)')
    .addHelpText('after', examples('search'))
    .action(async (words: string[], options: { limit?: string }, command: Command) => {
      await runSearch(context(command), words, options);
    });

  program
    .command('menu', { isDefault: true })
    .description('an interactive picker: type to find a topic, read it, go on to related topics or comparisons')
    .addHelpText('after', examples('menu'))
    // As the default command it receives whatever word was not a command: that is a mistyped command.
    .allowExcessArguments(true)
    .action(async (_options: unknown, command: Command) => {
      const [mistyped] = command.args;
      if (mistyped !== undefined) throw unknownCommand(mistyped, program);
      // `virt` alone (or with only options such as --no-pager) opens the menu on a terminal; in a pipe or a
      // script it explains itself on stdout instead of waiting for input.
      const named = program.args.includes('menu');
      if (!named && !(io.stdinIsTTY && io.stdout.isTTY)) return void program.outputHelp();
      await runMenu(context(command));
    });

  program
    .command('quiz')
    .description(
      'check yourself: questions on a topic, a group or the whole guide, asked again as you forget them (kept in quiz-state.json under VIRT_STATE_DIR); `status` shows your progress, `reset` forgets it',
    )
    .argument('[topics...]', 'topics or @groups (the whole guide by default); or status, or reset [topic]')
    .option('--list', 'print the questions and their answers instead of asking (plain text, or --json)')
    .option('--json', 'with --list or status: one JSON document with a schemaVersion')
    .option('--count <n>', 'ask at most n questions (default 10)')
    .option('--due', 'ask only the questions that are due')
    .option('--yes', 'with reset: really forget (a damaged state file is moved aside, never deleted)')
    .addHelpText('after', examples('quiz'))
    .action(async (words: string[], options: QuizOptions & { yes?: boolean }, command: Command) => {
      const [action, ...rest] = words;
      const asking = options.count !== undefined || options.due;
      if ((action === 'status' || action === 'reset') && !options.list && asking)
        throw new UsageError(`--count and --due choose what a quiz asks; quiz ${action} takes neither`);
      if (options.yes && action !== 'reset')
        throw new UsageError('--yes goes with `virt quiz reset`, which it lets forget');
      if (action === 'status' && !options.list) {
        if (rest.length > 0) throw new UsageError('quiz status takes no topic; it shows every chapter');
        return (await import('../lazy/quiz.js')).runQuizStatus(context(command));
      }
      if (action === 'reset' && !options.list) {
        if (rest.length > 1) throw new UsageError('quiz reset takes one topic at most');
        return (await import('../lazy/quiz.js')).runQuizReset(context(command), rest[0], options);
      }
      await runQuiz(context(command), words, options);
    });

  program
    .command('completion')
    .description('print a shell completion script for bash, zsh or fish (see the README to install it)')
    .argument('<shell>', 'bash, zsh or fish')
    .addHelpText('after', examples('completion'))
    .action(async (shell: string, _options: unknown, command: Command) => {
      await runCompletion(context(command), shell, describeProgram(program));
    });

  program
    .command('lint')
    .description('check a guide folder (the built-in guide by default) and report every problem as file:line: message')
    .argument('[dirs...]', 'guide folders to check, each on top of the built-in guide')
    .option('--strict', 'fail (exit 2) on warnings too')
    .addHelpText('after', examples('lint'))
    .action(async (dirs: string[], options: { strict?: boolean }, command: Command) => {
      const ctx = context(command);
      await runLint(ctx, dirs, ctx.packs, options);
    });

  program
    .command('detect')
    .description(
      'tell whether this machine is a VM, a container or both, and whether it can host KVM, with the evidence',
    )
    .option('--root <dir>', 'read a captured system under this folder instead of / (environment and access not tested)')
    .addHelpText('after', examples('detect'))
    .action(async (options: { root?: string }, command: Command) => {
      await runDetect(context(command), options);
    });

  program
    .command('cache')
    .description('show where virt keeps its caches and whether it uses them; `clear` removes what virt wrote there')
    .argument('[action]', 'clear')
    .addHelpText('after', examples('cache'))
    .action(async (action: string | undefined, _options: unknown, command: Command) => {
      await runCache(context(command), action);
    });

  // `virt help compare`, as `git help` and `gh help` do; a command that does not exist is a usage error.
  program
    .command('help')
    .description('show help for virt or a command')
    .argument('[command]', 'the command')
    .addHelpText('after', examples('help'))
    .action((name: string | undefined) => {
      if (name === undefined) return void program.outputHelp();
      const command = program.commands.find((candidate) => candidate.name() === name);
      if (!command) throw unknownCommand(name, program);
      command.outputHelp();
    });

  return program;
}
