import { afterEach, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { TerminalSession } from '../helpers/tmux.js';

/** The built CLI, as a user runs it (npm test builds it first). */
const virt = (args: string[]) =>
  spawnSync(process.execPath, ['bin/virt.js', ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });

let session: TerminalSession | undefined;
afterEach(() => session?.close());

describe('virt detect through bin/virt.js', () => {
  test('--root a captured system: plain lines in a pipe, exit 0', () => {
    const result = virt(['detect', '--root', 'test/fixtures/detect/this-machine']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n').slice(0, 2)).toEqual([
      'vm\tkvm\t/sys/devices/system/clocksource/clocksource0/current_clocksource=kvm-clock; /proc/cpuinfo=flags: hypervisor; /sys/class/dmi/id=absent',
      'container\tdocker\t/.dockerenv=present',
    ]);
  });

  test('--json is one document', () => {
    const result = virt(['detect', '--root', 'test/fixtures/detect/pvm-dev-kvm', '--json']);
    expect(result.status).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect([doc.vm.id, doc.container.id, doc.kvm.usable]).toEqual(['kvm', 'docker', true]);
  });

  test('a bad --root exits 2 with one line and no stack trace', () => {
    const result = virt(['detect', '--root', 'test/fixtures/detect/no-such-case']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^virt: --root: "test\/fixtures\/detect\/no-such-case" does not exist; /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  test('on the machine running the tests it exits 0, whatever it finds', () => {
    const result = virt(['detect']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^vm\t[a-z-]+\t/);
    expect(result.stdout).toMatch(/^container\t[a-z-]+\t/m);
  });

  test('in a real terminal: the coloured report, exit 0', async () => {
    session = new TerminalSession('node bin/virt.js detect --root test/fixtures/detect/docker-in-kvm --no-pager', {
      columns: 100,
      rows: 60,
    });
    expect(await session.exitStatus()).toBe(0);
    expect(session.screen()).toMatch(/^A Docker container inside a KVM virtual machine; /m);
    expect(session.screen(true)).toMatch(/\u001b\[[0-9;]*m/);
  });
});
