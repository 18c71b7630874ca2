import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext } from '../../src/cli/context.js';
import type { Io } from '../../src/cli/io.js';
import { resolveOutput } from '../../src/cli/output-mode.js';
import { runDetect } from '../../src/commands/detect.js';
import { ANSI, BOX_DRAWING, runCli } from '../helpers/run-cli.js';

const fixture = (name: string) => join(process.cwd(), 'test', 'fixtures', 'detect', name);
const DOCKER_IN_KVM = ['detect', '--root', fixture('docker-in-kvm')];

describe('virt detect output', () => {
  test('on a terminal: the verdict first, then each layer with its evidence and the page to read', async () => {
    const result = await runCli(DOCKER_IN_KVM, { tty: true, columns: 100 });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(ANSI);
    const text = result.stdout.replace(/\u001b\[[0-9;]*m/g, '');
    expect(text.split('\n')[0]).toBe(
      'A Docker container inside a KVM virtual machine; it cannot run KVM guests as it is',
    );
    expect(text).toMatch(/^Virtual machine: KVM$/m);
    expect(text).toMatch(/^ {2}\/sys\/class\/dmi\/id\/sys_vendor → QEMU → starts with "QEMU"/m);
    expect(text).toMatch(/^Container: Docker$/m);
    expect(text).toMatch(/^ {2}\/\.dockerenv → present → Docker creates this file/m);
    for (const topic of ['kvm', 'docker', 'dev-kvm', 'nested-virtualization'])
      expect(text).toContain(`Read: virt explain ${topic}`);
    expect(text).toMatch(/^ {2}FAIL {2}\/dev\/kvm does not exist$/m);
    expect(text).toMatch(/^ {8}Hint: /m);
    for (const line of text.trimEnd().split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    expect(result.stderr).toBe('');
  });

  test('on a terminal without UTF-8, arrows are ASCII', async () => {
    const result = await runCli(DOCKER_IN_KVM, { tty: true, env: { LANG: 'C' } });
    expect(result.stdout.replace(/\u001b\[[0-9;]*m/g, '')).toContain(' -> present -> ');
    expect(result.stdout).not.toContain('→');
  });

  test('piped: layer<TAB>id<TAB>evidence lines, then check<TAB>status<TAB>message lines', async () => {
    const result = await runCli(DOCKER_IN_KVM);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(ANSI);
    expect(result.stdout).not.toMatch(BOX_DRAWING);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.slice(0, 2)).toEqual([
      'vm\tkvm\t/sys/devices/system/clocksource/clocksource0/current_clocksource=kvm-clock; /sys/class/dmi/id/sys_vendor=QEMU; /proc/cpuinfo=flags: hypervisor',
      'container\tdocker\t/.dockerenv=present',
    ]);
    for (const line of lines.slice(2)) expect(line).toMatch(/^check\t(PASS|WARN|FAIL|INFO)\t[^\t]+$/);
    expect(lines).toContain(
      'check\tFAIL\t/dev/kvm does not exist; a container sees /dev/kvm only when it is passed in (docker run --device /dev/kvm, for one)',
    );
  });

  test('piped, with no layer found: vm none and container none, with what was looked at', async () => {
    const lines = (await runCli(['detect', '--root', fixture('laptop-vtx-disabled')])).stdout.split('\n');
    expect(lines[0]).toMatch(
      /^vm\tnone\t\/proc\/cpuinfo=no hypervisor flag; \/sys\/class\/dmi\/id\/sys_vendor=LENOVO$/,
    );
    expect(lines[1]).toMatch(/^container\tnone\t\/run\/host\/container-manager=absent; /);
  });

  test('several containers are one line each, outermost first', async () => {
    const lines = (await runCli(['detect', '--root', fixture('wsl2')])).stdout.split('\n');
    expect(lines.slice(0, 2).map((line) => line.split('\t').slice(0, 2))).toEqual([
      ['vm', 'microsoft'],
      ['container', 'wsl'],
    ]);
  });

  test('--json: one document in the shape issue 20 fixes, with a schemaVersion', async () => {
    const result = await runCli([...DOCKER_IN_KVM, '--json']);
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(Object.keys(doc)).toEqual(['schemaVersion', 'root', 'vm', 'container', 'containers', 'kvm']);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.root).toBe(fixture('docker-in-kvm'));
    expect(Object.keys(doc.vm)).toEqual(['id', 'name', 'evidence']);
    expect(doc.vm.id).toBe('kvm');
    expect(doc.vm.evidence[0]).toEqual({
      path: '/sys/devices/system/clocksource/clocksource0/current_clocksource',
      value: 'kvm-clock',
      rule: "the kernel keeps time with KVM's paravirtual clock",
    });
    expect(doc.container).toEqual(doc.containers.at(-1));
    expect(doc.containers.map((c: { id: string }) => c.id)).toEqual(['docker']);
    expect(Object.keys(doc.kvm)).toEqual(['usable', 'checks']);
    expect(doc.kvm.usable).toBe(false);
    for (const check of doc.kvm.checks) {
      expect(Object.keys(check)).toEqual(['id', 'status', 'message', 'evidence', 'topic']);
      expect(['PASS', 'WARN', 'FAIL', 'INFO']).toContain(check.status);
    }
  });

  test('--json with nothing found: vm and container are null, containers empty', async () => {
    const doc = JSON.parse((await runCli(['detect', '--root', fixture('kvm-host-nested'), '--json'])).stdout);
    expect([doc.vm, doc.container, doc.containers, doc.kvm.usable]).toEqual([null, null, [], true]);
  });

  test('exit 0 whatever it finds, on the machine running the tests too', async () => {
    for (const name of ['laptop-vtx-disabled', 'xen-dom0', 'this-machine']) {
      expect([name, (await runCli(['detect', '--root', fixture(name)])).code]).toEqual([name, 0]);
    }
    const live = await runCli(['detect', '--json']);
    expect(live.code).toBe(0);
    const doc = JSON.parse(live.stdout);
    expect(doc.root).toBe('/');
    expect(typeof doc.kvm.usable).toBe('boolean');
  });
});

describe('virt detect on macOS, Windows and other systems', () => {
  const run = async (platform: string, args: { root?: string } = {}, json = false) => {
    let stdout = '';
    const io: Io = {
      stdout: { write: (text) => void (stdout += text), isTTY: false },
      stderr: { write: () => {}, isTTY: false },
      stdinIsTTY: false,
      env: {},
    };
    const ctx = createContext(io, resolveOutput({ json }, io.stdout, {}), { packs: [], pager: 'never' });
    await runDetect(ctx, args, { platform });
    return stdout;
  };

  test('one line saying what the platform tells, and the pages to read', async () => {
    const mac = await run('darwin');
    expect(mac.split('\n')).toHaveLength(2);
    expect(mac).toMatch(
      /^This is macOS.*Apple's Hypervisor and Virtualization frameworks.*virt explain type-2-hypervisor/,
    );
    const windows = await run('win32');
    expect(windows.split('\n')).toHaveLength(2);
    expect(windows).toMatch(/^This is Windows.*Hyper-V.*WSL 2.*virt explain hyper-v/);
    expect(await run('freebsd')).toMatch(/virt explain bhyve/);
  });

  test('--json there is one document that says the same', async () => {
    const doc = JSON.parse(await run('darwin', {}, true));
    expect(doc).toMatchObject({ schemaVersion: 1, platform: 'darwin', vm: null, containers: [] });
    expect(doc.note).toMatch(/^This is macOS/);
  });

  test('--root still reads a captured Linux system there', async () => {
    expect(await run('darwin', { root: fixture('gce') })).toMatch(/^vm\tgoogle\t/);
  });
});

describe('virt detect in help, completion and the man page', () => {
  test('--help starts with Usage and ends with examples', async () => {
    const result = await runCli(['detect', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('Usage: virt detect [options]');
    expect(result.stdout).toMatch(/Examples:\n {2}\$ virt detect\n/);
    expect(result.stdout).toMatch(/--root <dir>/);
  });

  test('the man page lists it with --root', () => {
    const page = readFileSync('man/virt.1', 'utf8');
    expect(page).toMatch(/^\.B virt detect \[options\]$/m);
    expect(page).toMatch(/^\.B \\-\\-root <dir>$/m);
  });

  test('bash completes the command, its option, and folders after --root', () => {
    const complete = (line: string) => {
      const words = line.split(' ');
      const script = `source <(node bin/virt.js completion bash); COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _virt; printf '%s\\n' "\${COMPREPLY[@]}"`;
      return spawnSync('bash', ['-c', script], { encoding: 'utf8' }).stdout.trim().split('\n').sort();
    };
    expect(complete('virt det')).toEqual(['detect']);
    expect(complete('virt detect --r')).toEqual(['--root']);
    expect(complete('virt detect --root tes')).toEqual(['test']);
  });
});
