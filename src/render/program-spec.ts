/**
 * What the command definitions say, as data (made by cli/command-spec.ts): the man page, the completion
 * scripts and the help's reference lines are rendered from it.
 */
export interface OptionSpec {
  flags: string;
  long?: string;
  description: string;
  /** Fixed values the option takes, for completion. */
  choices?: string[];
  takesValue: boolean;
}

interface CommandSpec {
  name: string;
  usage: string;
  description: string;
  options: OptionSpec[];
  examples: string[];
}

export interface CliSpec {
  description: string;
  globalOptions: OptionSpec[];
  commands: CommandSpec[];
  examples: string[];
  /** Each variable virt reads, and what it does. */
  environment: [name: string, meaning: string][];
  /** The files virt keeps outside a guide, and what each holds. */
  files: [path: string, meaning: string][];
  /** Each exit status: its code, a short name and what it means. */
  exitStatus: [code: number, name: string, meaning: string][];
}
