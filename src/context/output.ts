/** How everything is printed, decided once by the CLI (see cli/output-mode.ts). */
export type OutputMode = 'rich' | 'plain' | 'json';

export interface OutputSettings {
  mode: OutputMode;
  colorLevel: 0 | 1 | 2 | 3;
  ascii: boolean;
  /** Source titles are OSC 8 hyperlinks: rich output on a terminal that is not dumb, unless turned off. */
  hyperlinks: boolean;
  /** Columns available for tables and lists. */
  width: number;
  /** Columns for running text: the width, capped at a comfortable reading measure. */
  readingWidth: number;
}
