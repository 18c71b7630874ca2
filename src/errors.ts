/** Errors that carry their exit code; cli/main.ts is the one place that turns them into one line and a status. */

export const EXIT = { ok: 0, notFound: 1, usage: 2, interrupted: 130 } as const;

/** A registered symbol per error class: the same in every bundle (see VirtError's Symbol.hasInstance). */
const brand = (name: string) => Symbol.for(`virt.error.${name}`);

export class VirtError extends Error {
  /** Each subclass declares its own. */
  static readonly brand: symbol = brand('VirtError');

  constructor(
    message: string,
    readonly exitCode: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
    for (
      let type = new.target as { brand?: symbol } | null;
      type?.brand;
      type = Object.getPrototypeOf(type) as { brand?: symbol } | null
    ) {
      (this as unknown as Record<symbol, boolean>)[type.brand] = true;
    }
  }

  /**
   * `instanceof` by brand, not by class: each bundle of the build (dist/virt.cjs, dist/lazy/*.cjs) has its
   * own copy of these classes, and an error thrown in one is caught and judged in another (cli/main.ts).
   */
  static override [Symbol.hasInstance](this: { brand: symbol }, value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[this.brand] === true;
  }
}

/** The command line was wrong: exit 2. */
export class UsageError extends VirtError {
  static override readonly brand = brand('UsageError');
  constructor(message: string) {
    super(message, EXIT.usage);
  }
}

/** A topic or search had no answer: exit 1. Hints go to stderr on further lines. */
export class NotFoundError extends VirtError {
  static override readonly brand = brand('NotFoundError');
  constructor(
    message: string,
    readonly hints: string[] = [],
  ) {
    super(message, EXIT.notFound);
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
  static override readonly brand = brand('ContentError');
  constructor(readonly problems: ContentProblem[]) {
    const first = problems[0];
    const more =
      problems.length > 1
        ? ` (and ${problems.length - 1} more problem${problems.length === 2 ? '' : 's'}; run \`virt lint\` to see all)`
        : '';
    super(`invalid content: ${first ? formatProblem(first) : 'unknown problem'}${more}`, EXIT.usage);
  }
}
