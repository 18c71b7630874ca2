import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { currentManPage } from '../../src/cli/man.js';
import { pagerCommand, pageText } from '../../src/cli/pager.js';
import { makeTemporaryFolder } from '../helpers/pack.js';
import { runCli } from '../helpers/run-cli.js';

const { version, releaseDate } = JSON.parse(readFileSync('package.json', 'utf8')) as {
  version: string;
  releaseDate: string;
};
const sh = (script: string) => spawnSync('bash', ['-c', script], { encoding: 'utf8' });

describe('the pager', () => {
  const pages: boolean[] = [];
  const page = async (_text: string, _env: unknown, always: boolean) => {
    pages.push(always);
    return true;
  };

  test('a page on a terminal is offered to the pager; --no-pager and pipes never page', async () => {
    pages.length = 0;
    const paged = await runCli(['explain', 'para'], { tty: true, page });
    expect(paged.stdout).toBe('');
    expect(pages).toEqual([false]);
    expect((await runCli(['explain', 'para', '--pager'], { tty: true, page })).stdout).toBe('');
    expect(pages).toEqual([false, true]);
    expect((await runCli(['explain', 'para', '--no-pager'], { tty: true, page })).stdout).toMatch(/Paravirtualization/);
    expect((await runCli(['explain', 'para'], { tty: false, page })).stdout).toMatch(/Paravirtualization/);
    expect(pages).toEqual([false, true]);
  });

  test('$PAGER is a shell command; empty or cat means none; the default is less -FRSX', () => {
    expect(pagerCommand({ PAGER: 'less -R "-j 3"' })).toBe('less -R "-j 3"');
    expect(pagerCommand({ PAGER: '' })).toBeUndefined();
    expect(pagerCommand({ PAGER: '   ' })).toBeUndefined();
    expect(pagerCommand({ PAGER: 'cat' })).toBeUndefined();
    expect(pagerCommand({})).toBe('less -FRSX');
  });

  /** explain on a terminal of 40 rows, paged through $PAGER as virt does it outside tests. */
  const explainThrough = (pager: string) =>
    runCli(['explain', 'para', '--pager'], {
      tty: true,
      env: { PATH: process.env.PATH, PAGER: pager },
      page: (text, env, always) => pageText(text, env, 40, always),
    });

  test('$PAGER runs through the shell, so a pipeline in it works', async () => {
    const out = join(makeTemporaryFolder(), 'paged.txt');
    const result = await explainThrough(`cat | sed 's/^/paged: /' > '${out}'`);
    expect(result).toMatchObject({ code: 0, stdout: '' });
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines.filter((line) => !line.startsWith('paged: '))).toEqual([]);
    expect(lines.join('\n')).toMatch(/Paravirtualization/);
  });

  test.each([
    ['a pager that fails', 'false'],
    ['a pager that exits with an error', 'sh -c "exit 3"'],
    ['a pager that cannot be found', 'virt-no-such-pager --quiet'],
  ])('%s: the page is printed directly', async (_name, pager) => {
    const result = await explainThrough(pager);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Paravirtualization/);
  });
});

describe('pipes', () => {
  test('explain | head -3 and list | head -1 exit 0, silent on stderr', () => {
    for (const command of [
      'node bin/virt.js explain paravirtualization | head -3',
      'node bin/virt.js list | head -1',
      'node bin/virt.js compare @products | head -1',
    ]) {
      const result = sh(`set -o pipefail; ${command}`);
      expect([command, result.status, result.stderr]).toEqual([command, 0, '']);
    }
  });

  test('large output is never truncated', () => {
    const result = sh(
      'node bin/virt.js list --json | wc -c; node bin/virt.js list --json | node -e "JSON.parse(require(\'fs\').readFileSync(0))" && echo valid',
    );
    expect(result.stdout).toMatch(/valid/);
  });
});

describe('shell completion', () => {
  test('bash: valid syntax, completes commands, options, topics and groups', () => {
    const script = 'source <(node bin/virt.js completion bash)';
    expect(sh(`bash -n <(node bin/virt.js completion bash) && echo ok`).stdout).toBe('ok\n');
    const complete = (line: string) => {
      const words = line.split(' ');
      const result = sh(
        `${script}; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _virt; printf '%s\\n' "\${COMPREPLY[@]}"`,
      );
      return result.stdout.trim().split('\n').sort();
    };
    expect(complete('virt ex')).toEqual(['explain']);
    expect(complete('virt explain paravirt')).toEqual([
      'paravirt',
      'paravirtualisation',
      'paravirtualization',
      'paravirtualized-devices',
    ]);
    expect(complete('virt explain sr-')).toEqual(['sr-iov']);
    expect(complete('virt compare @hyp')).toEqual(['@hypervisors']);
    expect(complete('virt --color a')).toEqual(['always', 'auto']);
    expect(complete('virt compare full --d')).toEqual(['--diff']);
    expect(complete('virt quiz @meth')).toEqual(['@methods']);
    expect(complete('virt quiz sr-')).toEqual(['sr-iov']);
    expect(complete('virt quiz --l')).toEqual(['--list']);
    expect(complete('virt quiz stat')).toEqual(['status']);
    expect(complete('virt quiz rese')).toEqual(['reset']);
    expect(complete('virt completion f')).toEqual(['fish']);
  });

  test('zsh and fish scripts have valid syntax and carry the topics', () => {
    expect(sh('zsh -n <(node bin/virt.js completion zsh) && echo ok').stdout).toBe('ok\n');
    expect(sh('node bin/virt.js completion fish | fish --no-execute && echo ok').stdout).toBe('ok\n');
    for (const shell of ['zsh', 'fish']) {
      const script = sh(`node bin/virt.js completion ${shell}`).stdout;
      expect(script).toContain('paravirtualization');
      expect(script).toContain('@methods');
    }
  });

  test('fish completes topic names', () => {
    const result = sh(`fish -c 'source (node bin/virt.js completion fish | psub); complete -C "virt explain kata"'`);
    expect(result.stdout).toMatch(/^kata(-containers)?/m);
  });

  test('an unknown shell is a usage error', async () => {
    expect((await runCli(['completion', 'tcsh'])).code).toBe(2);
  });
});

describe('the man page', () => {
  test('man/virt.1 is what the command definitions generate (run `npm run man` after changing them)', () => {
    expect(readFileSync('man/virt.1', 'utf8')).toBe(currentManPage(version, releaseDate));
  });

  test('renders with man, with every section', () => {
    const page = sh('MANWIDTH=80 man -l man/virt.1 2>/dev/null | col -b').stdout;
    for (const heading of [
      'NAME',
      'SYNOPSIS',
      'DESCRIPTION',
      'COMMANDS',
      'OPTIONS',
      'ENVIRONMENT',
      'EXIT STATUS',
      'EXAMPLES',
    ]) {
      expect(page).toMatch(new RegExp(`^${heading}$`, 'm'));
    }
    expect(page).toMatch(/130 +interrupted/);
  });

  test('passes mandoc -Tlint -W warning and groff -man -ww -z with no output at all', () => {
    const mandoc = sh('mandoc -Tlint -W warning man/virt.1 2>&1');
    expect([mandoc.status, mandoc.stdout]).toEqual([0, '']);
    const groff = sh('groff -man -ww -z man/virt.1 2>&1');
    expect([groff.status, groff.stdout]).toEqual([0, '']);
  });

  test('is dated with the release date in package.json, and holds only ASCII', () => {
    const page = readFileSync('man/virt.1', 'utf8');
    expect(page).toMatch(new RegExp(`^\\.TH VIRT 1 ${releaseDate} "virt ${version}"`, 'm'));
    expect(releaseDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(page).toMatch(/^[\x00-\x7f]*$/);
    expect(page).not.toMatch(/^\.SH .*\n\.PP$/m);
  });
});

describe('help and version', () => {
  test('every command has --help, Usage first and examples last, on stdout with exit 0', async () => {
    for (const command of ['explain', 'list', 'compare', 'search', 'menu', 'completion']) {
      const result = await runCli([command, '--help']);
      expect([command, result.code, result.stdout.split('\n')[0]!.split(' [')[0]]).toEqual([
        command,
        0,
        `Usage: virt ${command}`,
      ]);
      expect(result.stdout).toMatch(/\nExamples:\n( {2}\$ virt.*\n)+\n?$/);
    }
  });

  test('--version prints the package version', async () => {
    expect(await runCli(['--version'])).toEqual({ code: 0, stdout: '0.0.0-test\n', stderr: '' });
    expect(sh('node bin/virt.js --version').stdout).toBe(`${version}\n`);
  });
});
