import { spawn, spawnSync } from 'node:child_process';
import { parse } from 'shell-quote';

const DEFAULT_PAGER = 'less -FRX';

/** The pager command from $PAGER, parsed as shell words; empty means none, unset means less where it exists. */
export function pagerCommand(env: Record<string, string | undefined>): string[] | undefined {
  const spec = env.PAGER ?? DEFAULT_PAGER;
  const words = parse(spec, env).filter((word): word is string => typeof word === 'string');
  if (words.length === 0) return undefined;
  if (env.PAGER === undefined && spawnSync('sh', ['-c', 'command -v less'], { stdio: 'ignore' }).status !== 0)
    return undefined;
  return words;
}

/**
 * Shows text through the pager when it is taller than the screen. Resolves false (so the caller prints it)
 * when no pager applies or it cannot start; quitting the pager early is not an error.
 */
export function pageText(
  text: string,
  env: Record<string, string | undefined>,
  rows: number | undefined,
  always = false,
): Promise<boolean> {
  const height = text.split('\n').length - 1;
  const command = pagerCommand(env);
  if (!command || (!always && (!rows || height < rows))) return Promise.resolve(false);
  const [program, ...args] = command as [string, ...string[]];
  return new Promise((resolve) => {
    const child = spawn(program, args, {
      stdio: ['pipe', 'inherit', 'inherit'],
      env: { LESS: env.LESS ?? '', ...env },
    });
    let started = true;
    child.on('error', () => {
      started = false;
      resolve(false);
    });
    child.stdin.on('error', () => {
      /* the reader quit before the end (q in less): fine */
    });
    child.on('close', () => {
      if (started) resolve(true);
    });
    child.stdin.end(text);
  });
}
