import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let counter = 0;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * virt in a real terminal: a private tmux server running one command, driven with send-keys and read
 * with capture-pane. The command's exit status is written to a file when it ends.
 */
export class TerminalSession {
  private readonly socket = `virt-test-${process.pid}-${++counter}`;
  private readonly statusFile = join(mkdtempSync(join(tmpdir(), 'virt-tmux-')), 'status');

  constructor(command: string, options: { columns?: number; rows?: number; env?: Record<string, string> } = {}) {
    const env = Object.entries({ TERM: 'xterm-256color', LANG: 'C.UTF-8', ...options.env })
      .map(([key, value]) => `${key}='${value}'`)
      .join(' ');
    const script = `cd '${process.cwd()}' && env ${env} ${command}; echo $? > '${this.statusFile}'; sleep 60`;
    const started = this.tmux([
      'new-session',
      '-d',
      '-x',
      String(options.columns ?? 100),
      '-y',
      String(options.rows ?? 40),
      'sh',
      '-c',
      script,
    ]);
    if (started.status !== 0)
      throw new Error(`tmux could not start (is it installed? .ci/run installs it): ${started.stderr}`);
  }

  private tmux(args: string[]) {
    return spawnSync('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
  }

  /** Keys as tmux names them: text, `Enter`, `Down`, `C-c`… */
  send(...keys: string[]): void {
    this.tmux(['send-keys', '-t', '0', ...keys]);
  }

  /** The screen as text; with `escapes`, including colour escape codes. */
  screen(escapes = false): string {
    return this.tmux(['capture-pane', '-p', '-t', '0', ...(escapes ? ['-e'] : [])]).stdout;
  }

  async waitFor(pattern: RegExp, timeoutMs = 10000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (pattern.test(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern} on screen:\n${screen}`);
      await sleep(100);
    }
  }

  async exitStatus(timeoutMs = 10000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    while (!existsSync(this.statusFile) || readFileSync(this.statusFile, 'utf8').trim() === '') {
      if (Date.now() > deadline) throw new Error(`the command did not end; screen:\n${this.screen()}`);
      await sleep(100);
    }
    return Number(readFileSync(this.statusFile, 'utf8').trim());
  }

  /** Whether the terminal's cursor is visible (a program that hid it must show it again before leaving). */
  cursorVisible(): boolean {
    return this.tmux(['display-message', '-p', '-t', '0', '#{cursor_flag}']).stdout.trim() === '1';
  }

  close(): void {
    this.tmux(['kill-server']);
  }
}
