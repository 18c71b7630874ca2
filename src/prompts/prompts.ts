/** The questions the menu and the quiz ask. Tests pass a scripted implementation; the terminal one wraps inquirer. */
export interface Choice {
  name: string;
  value: string;
  description?: string;
  /** What the answer line shows once picked (the name when absent). */
  short?: string;
  disabled?: boolean;
}

/** The answer of a prompt left with a quitting key (Esc, Ctrl-D, or `q` in a list): the same as choosing Quit. */
export const QUIT_ANSWER = 'quit';

/** How a question is put, beyond its choices. */
export interface AskOptions {
  /** The answer is judged afterwards (a quiz): the answered line gets no check mark, which would read as "right". */
  judged?: boolean;
  /** For a checkbox: what to say when Enter is pressed with nothing picked. */
  emptyHint?: string;
}

export interface Prompts {
  /** Type-to-filter picker: `source` is called with what has been typed so far. */
  search(message: string, source: (term: string | undefined) => Choice[]): Promise<string>;
  /** `start`: the value of the choice the cursor starts on. */
  select(message: string, choices: Choice[], start?: string, options?: AskOptions): Promise<string>;
  checkbox(message: string, choices: Choice[], options?: AskOptions): Promise<string[]>;
}
