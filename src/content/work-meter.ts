/**
 * Counts the loader's units of work (Markdown tokens visited, names and links checked), so a test can check
 * that loading grows linearly with the content without timing anything.
 */
export interface WorkMeter {
  steps: number;
}
