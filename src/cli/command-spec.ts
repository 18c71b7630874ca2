import type { Command } from 'commander';
import type { CliSpec, OptionSpec } from '../render/program-spec.js';
import { EXAMPLES } from './examples.js';
import { ENVIRONMENT, EXIT_STATUS, FILES } from './reference.js';

function optionSpec(option: Command['options'][number]): OptionSpec {
  return {
    flags: option.flags,
    ...(option.long ? { long: option.long } : {}),
    description: option.description,
    ...(option.argChoices ? { choices: option.argChoices } : {}),
    takesValue: option.required || option.optional,
  };
}

/** What the command definitions say, as data: the man page and the completion scripts are made from it. */
export function describeProgram(program: Command): CliSpec {
  return {
    description: program.description(),
    globalOptions: [
      ...program.options.map(optionSpec),
      { flags: '-h, --help', long: '--help', description: 'show help for virt or a command', takesValue: false },
    ],
    commands: program.commands.map((command) => ({
      name: command.name(),
      usage: `virt ${command.name()} ${command.usage()}`,
      description: command.description(),
      options: command.options.map(optionSpec),
      examples: EXAMPLES[command.name()] ?? [],
    })),
    examples: EXAMPLES.virt ?? [],
    environment: ENVIRONMENT.map(([name, meaning]) => [name, meaning]),
    files: FILES.map(([path, meaning]) => [path, meaning]),
    exitStatus: EXIT_STATUS.map(([code, name, meaning]) => [code, name, meaning]),
  };
}
