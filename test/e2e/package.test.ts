import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Jest's workers may carry FORCE_COLOR, which now colours piped output; the checks here read plain output.
const run = (command: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(command, args, {
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: undefined, ...env },
    timeout: 180_000,
  });

describe('the npm package', () => {
  test('npm pack has what a user needs and nothing else; installed globally, virt and man virt work', () => {
    const dir = mkdtempSync(join(tmpdir(), 'virt-pack-'));
    // --ignore-scripts: npm test has just built dist/, and prepack rebuilding it would pull it from under the test files running beside this one.
    const packed = run('npm', ['pack', '--pack-destination', dir, '--silent', '--ignore-scripts']);
    expect(packed.status).toBe(0);
    const tarball = join(
      dir,
      readdirSync(dir).find((name) => name.endsWith('.tgz'))!,
    );
    const files = run('tar', ['tzf', tarball]).stdout.split('\n').filter(Boolean);
    for (const needed of [
      'package/bin/virt.js',
      'package/bin/package.json',
      'package/dist/virt.cjs',
      'package/dist/lazy/rich.cjs',
      'package/dist/guide.json',
      'package/dist/search.json',
      'package/dist/compile-cache.cjs',
      'package/dist/topics/kvm.json',
      'package/man/virt.1',
      'package/content/attributes.yaml',
      'package/README.md',
    ]) {
      expect(files).toContain(needed);
    }
    expect(files.filter((file) => /^package\/(test|src|\.ci|node_modules)\//.test(file))).toEqual([]);

    const prefix = join(dir, 'prefix');
    const installed = run('npm', [
      'install',
      '-g',
      '--prefix',
      prefix,
      tarball,
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
    ]);
    expect(installed.status).toBe(0);
    // The bundles hold every library they use, so installing virt installs nothing else.
    const root = join(prefix, 'lib', 'node_modules', 'virt');
    expect(existsSync(join(root, 'node_modules'))).toBe(false);
    const tree = JSON.parse(run('npm', ['ls', '-g', '--prefix', prefix, '--all', '--json']).stdout) as {
      dependencies?: Record<string, { dependencies?: object }>;
    };
    expect(Object.keys(tree.dependencies ?? {})).toEqual(['virt']);
    expect(tree.dependencies?.virt?.dependencies ?? {}).toEqual({});
    const explained = run(join(prefix, 'bin', 'virt'), ['explain', 'kvm']);
    expect(explained.status).toBe(0);
    expect(explained.stdout.split('\n')[0]).toBe('# KVM (Kernel-based Virtual Machine)');
    // An installed bundle edited in place at the same length runs as edited, compile cache or not.
    const env = { VIRT_CACHE_DIR: join(prefix, 'cache') };
    expect(run(join(prefix, 'bin', 'virt'), ['search', 'zzzzqqq'], env).stderr).toMatch(/^virt: nothing matches/);
    const bundle = join(prefix, 'lib', 'node_modules', 'virt', 'dist', 'virt.cjs');
    writeFileSync(bundle, readFileSync(bundle, 'utf8').replace('nothing matches', 'NOTHING MATCHES'));
    expect(run(join(prefix, 'bin', 'virt'), ['search', 'zzzzqqq'], env).stderr).toMatch(/^virt: NOTHING MATCHES/);
    const man = run('man', ['virt'], { MANPATH: join(prefix, 'share', 'man'), MANPAGER: 'cat', MANWIDTH: '80' });
    expect(man.status).toBe(0);
    expect(man.stdout).toMatch(/EXIT STATUS/);
  }, 240_000);
});
