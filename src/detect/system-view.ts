/**
 * What detection may know of a machine: the files under a root, read with a size cap, and nothing else.
 * Paths are always written as on the machine itself ("/proc/cpuinfo"); the view places them under its root.
 */
export type FileRead =
  { state: 'text'; text: string; truncated: boolean } | { state: 'missing' } | { state: 'unreadable'; reason: string };

export interface SystemView {
  /** The folder that stands for "/" (an absolute path). */
  readonly root: string;
  /** At most `maxBytes` of a regular file (never a device or a pipe), decoded as UTF-8. */
  read(path: string, maxBytes?: number): FileRead;
  /** Whether anything (file, folder, device) is at the path. */
  exists(path: string): boolean;
  /** Up to `max` names in a folder, or undefined when it is missing or cannot be listed. */
  list(path: string, max?: number): string[] | undefined;
}

/** The most read from a small file such as a DMI field; more is garbage, not a vendor name. */
export const SMALL_FILE_BYTES = 256;

/** The first line of a small file, or undefined when the file cannot be read. */
export function firstLine(view: SystemView, path: string, maxBytes = SMALL_FILE_BYTES): string | undefined {
  const read = view.read(path, maxBytes);
  if (read.state !== 'text') return undefined;
  const line = read.text.split('\n', 1)[0] ?? '';
  return line.trim();
}

/** How a file that could not be read shows as evidence: "absent", or why it was unreadable. */
export function describeUnread(read: FileRead): string {
  return read.state === 'missing' ? 'absent' : read.state === 'unreadable' ? `unreadable (${read.reason})` : 'present';
}
