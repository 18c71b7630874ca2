import { Command, Option } from 'commander';
import { createContext, type Context } from './context.js';
import type { Io } from './io.js';
import { resolveOutput, type OutputFlags } from './output-mode.js';

interface GlobalFlags extends OutputFlags {
  content?: string[];
  pager?: boolean;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Examples lead every help page; `completion` and the man page read the same definitions. */
export const EXAMPLES: Record<string, string[]> = {
  virt: ['virt explain paravirtualization', 'virt compare full para', 'virt list', 'virt search hypercall', 'virt'],
  explain: ['virt explain paravirtualization', 'virt explain para', 'virt explain "type 2 hypervisor"', 'virt explain kvm --json', 'virt explain sr-iov --plain --width 60'],
  list: ['virt list', 'virt list | grep -i hyper', 'virt list --json'],
  search: ['virt search hypercall', 'virt search shared kernel', 'virt search "live migration" --limit 3', 'virt search iommu --json'],
  menu: ['virt menu', 'virt'],
  compare: ['virt compare full para', 'virt compare @methods', 'virt compare kvm xen --diff', 'virt compare docker kvm --why', 'virt compare @hypervisors --markdown'],
};

function examples(name: string): string {
  return `\nExamples:\n${(EXAMPLES[name] ?? []).map((line) => `  $ ${line}`).join('\n')}\n`;
}

/** Builds the command tree. Each action imports its command module only when it runs. */
export function createProgram(io: Io, version: string): Command {
  const program = new Command('virt');
  program
    .description('Learn virtualization in the terminal: hypervisors, KVM, paravirtualization, emulation and containers.')
    .version(version, '-V, --version', 'print the version and exit')
    .helpOption('-h, --help', 'show help for virt or a command')
    .addHelpCommand(false)
    .option('--plain', 'plain text: no colour, no boxes, one record per line (the default when piped)')
    .option('--json', 'one JSON document with a schemaVersion')
    .addOption(new Option('--color <when>', 'colour: auto, always or never').choices(['auto', 'always', 'never']))
    .option('--width <columns>', 'wrap to this many columns instead of the terminal width')
    .option('--content <dir>', 'add a guide folder (a content pack); repeatable', collect)
    .option('--no-pager', 'never send long pages through a pager')
    .option('--pager', 'page long output on a terminal (the default)')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(text.replace(/^error: /, 'virt: ').replace(/\n?$/, `\n`)),
    })
    .addHelpText('after', `${examples('virt')}
Exit status: 0 ok, 1 not found or no match, 2 usage error or invalid content, 130 interrupted.
Environment: NO_COLOR, FORCE_COLOR, COLUMNS, PAGER, VIRT_CONTENT_PATH, VIRT_DEBUG.
`);

  const context = (command: Command): Context => {
    const flags = command.optsWithGlobals<GlobalFlags>();
    const out = resolveOutput(flags, io.stdout, io.env);
    const fromEnv = (io.env.VIRT_CONTENT_PATH ?? '').split(':').filter(Boolean);
    return createContext(io, out, { packs: [...fromEnv, ...(flags.content ?? [])], pager: flags.pager !== false });
  };

  program
    .command('explain')
    .description('show the page for a topic, found by id, title, alias, prefix or a near spelling')
    .argument('<topic...>', 'the topic (several words are joined)')
    .addHelpText('after', examples('explain'))
    .action(async (words: string[], _options: unknown, command: Command) => {
      const { runExplain } = await import('../commands/explain.js');
      await runExplain(context(command), words);
    });

  program
    .command('list')
    .description("the guide's table of contents as a tree; piped, one id<TAB>title line per topic")
    .addHelpText('after', examples('list'))
    .action(async (_options: unknown, command: Command) => {
      const { runList } = await import('../commands/list.js');
      await runList(context(command));
    });

  program
    .command('compare')
    .description('compare topics side by side, attribute by attribute; @group compares a whole group (@methods, @hypervisors…)')
    .argument('<topics...>', 'two or more topics, or @group')
    .option('--diff', 'show only the rows where the topics differ')
    .option('--why', 'explain each value under the table')
    .option('--markdown', 'print a Markdown table')
    .addHelpText('after', examples('compare'))
    .action(async (names: string[], options: { diff?: boolean; why?: boolean; markdown?: boolean }, command: Command) => {
      const { runCompare } = await import('../commands/compare.js');
      await runCompare(context(command), names, options);
    });

  program
    .command('search')
    .description('find topics by words in their titles, aliases, summaries and pages, best first')
    .argument('<words...>', 'every word must match (case and small typos do not matter)')
    .option('--limit <n>', 'show at most n results on a terminal or in a pipe (default 10)')
    .addHelpText('after', examples('search'))
    .action(async (words: string[], options: { limit?: string }, command: Command) => {
      const { runSearch } = await import('../commands/search.js');
      await runSearch(context(command), words, options);
    });

  program
    .command('menu')
    .description('an interactive picker: type to find a topic, read it, go on to related topics or comparisons')
    .addHelpText('after', examples('menu'))
    .action(async (_options: unknown, command: Command) => {
      const { runMenu } = await import('../commands/menu.js');
      await runMenu(context(command));
    });

  return program;
}
