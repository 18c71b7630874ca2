/** Errors that carry their exit code; cli/main.ts is the one place that turns them into one line and a status. */

export const EXIT = { ok: 0, notFound: 1, usage: 2, interrupted: 130 } as const;

export class VirtError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The command line was wrong: exit 2. */
export class UsageError extends VirtError {
  constructor(message: string) {
    super(message, EXIT.usage);
  }
}

/** A topic or search had no answer: exit 1. Hints go to stderr on further lines. */
export class NotFoundError extends VirtError {
  constructor(
    message: string,
    readonly hints: string[] = [],
  ) {
    super(message, EXIT.notFound);
  }
}

/**
 * Part of a pack's cache was missing or unreadable when a page was shown (a cleaner removed files, say).
 * The pack's cache index has been removed by then if it could be (`cleared`), so running again parses the
 * pack afresh; cli/main.ts does that itself when nothing has been shown yet (without the cache, if it could
 * not be cleared), and otherwise says so in one line: exit 2.
 */
export class PackCacheDamagedError extends VirtError {
  constructor(
    pack: string,
    readonly cleared: boolean,
    indexFile: string,
  ) {
    super(
      cleared
        ? `part of the cache of pack "${pack}" was missing, so it has been cleared; run the command again`
        : `part of the cache of pack "${pack}" is missing; remove ${indexFile}, or run with VIRT_CACHE_DIR= (no cache)`,
      EXIT.usage,
    );
  }
}

/** One problem in a content file, located for its author. */
export interface ContentProblem {
  file: string;
  /** 1-based; 0 when the problem is with the file or folder as a whole. */
  line: number;
  message: string;
}

export function formatProblem(p: ContentProblem): string {
  return p.line > 0 ? `${p.file}:${p.line}: ${p.message}` : `${p.file}: ${p.message}`;
}

/** Content that cannot be loaded: exit 2, naming the first problem and counting the rest. */
export class ContentError extends VirtError {
  constructor(readonly problems: ContentProblem[]) {
    const first = problems[0];
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem(s); run \`virt lint\` to see all)` : '';
    super(`invalid content: ${first ? formatProblem(first) : 'unknown problem'}${more}`, EXIT.usage);
  }
}
