/** The questions the menu asks. Tests pass a scripted implementation; the terminal one wraps inquirer. */
export interface Choice {
  name: string;
  value: string;
  description?: string;
  disabled?: boolean;
}

export interface Prompts {
  /** Type-to-filter picker: `source` is called with what has been typed so far. */
  search(message: string, source: (term: string | undefined) => Choice[]): Promise<string>;
  select(message: string, choices: Choice[]): Promise<string>;
  checkbox(message: string, choices: Choice[]): Promise<string[]>;
}
