import { afterEach, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { detectSystem } from '../../src/detect/detect.js';
import { fileSystemView } from '../../src/detect/fs-system-view.js';
import type { SystemView } from '../../src/detect/system-view.js';
import { detectJson, renderDetectPlain } from '../../src/render/detect.js';
import { memorySystem } from '../helpers/memory-system.js';
import { runCli } from '../helpers/run-cli.js';

const temporary: string[] = [];
afterEach(() => {
  for (const folder of temporary.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A captured system in a temporary folder, removed after the test whatever happens. */
function captured(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'virt-detect-'));
  temporary.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, dirname(path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** Records every read of a view, with its size limit. */
function recording(view: SystemView): SystemView & { reads: [string, number][] } {
  const reads: [string, number][] = [];
  return {
    root: view.root,
    reads,
    read: (path, maxBytes) => (reads.push([path, maxBytes ?? 256]), view.read(path, maxBytes)),
    exists: (path) => view.exists(path),
    list: (path, max) => view.list(path, max),
  };
}

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const GUEST_CPU = 'processor\t: 0\nvendor_id\t: GenuineIntel\nflags\t\t: fpu tsc hypervisor\n\n';

describe('garbage and size', () => {
  test('escape sequences, binary and megabytes in DMI files give clean, short evidence', () => {
    const root = captured({
      'proc/cpuinfo': GUEST_CPU,
      'sys/class/dmi/id/product_name': `\u001b]0;owned\u0007\u001b[31mVMware Virtual Platform\u0000${'A'.repeat(200_000)}`,
      'sys/class/dmi/id/sys_vendor': Buffer.from([0xff, 0xfe, 0x00, 0x1b, 0x9b, 0x32, 0x4a, 0x80, 0x81]),
      'sys/class/dmi/id/bios_vendor': '\n\n\n',
    });
    const view = recording(fileSystemView(root));
    const report = detectSystem(view);
    expect(report.vm?.id).toBe('vmware');
    const values = [...(report.vm?.evidence ?? [])].map((row) => row.value);
    for (const value of values) {
      expect(value).not.toMatch(CONTROL);
      expect(value.length).toBeLessThanOrEqual(121);
    }
    expect(renderDetectPlain(report)).not.toMatch(/[\u0000-\u0008\u001b\u007f-\u009f]/);
    for (const [path, limit] of view.reads) expect([path, limit <= 32 * 1024]).toEqual([path, true]);
  });

  test('a huge /proc/cpuinfo is read only as far as the first processor needs', () => {
    const block = (n: number) =>
      `processor\t: ${n}\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC\nflags\t\t: fpu tsc svm ${'x'.repeat(1500)}\n\n`;
    const root = captured({ 'proc/cpuinfo': Array.from({ length: 4000 }, (_, n) => block(n)).join('') });
    const view = recording(fileSystemView(root));
    const report = detectSystem(view);
    expect(report.kvm.checks[0]).toMatchObject({
      id: 'cpu-virtualization',
      status: 'PASS',
      message: 'the CPU offers AMD-V (svm)',
    });
    expect(view.reads.find(([path]) => path === '/proc/cpuinfo')?.[1]).toBe(32 * 1024);
  });

  test('a flags line longer than what is read is not trusted, and says so', () => {
    const root = captured({ 'proc/cpuinfo': `processor\t: 0\nflags\t\t: fpu ${'y '.repeat(40_000)}vmx\n` });
    const check = detectSystem(fileSystemView(root)).kvm.checks[0]!;
    expect(check).toMatchObject({ status: 'WARN' });
    expect(check.message).toMatch(/runs past the 32 KiB/);
  });

  test('reads only the files detection needs', () => {
    const view = recording(fileSystemView(join(process.cwd(), 'test/fixtures/detect/docker-in-kvm')));
    detectSystem(view);
    const allowed = [
      /^\/proc\/cpuinfo$/,
      /^\/proc\/sys\/kernel\/osrelease$/,
      /^\/sys\/class\/dmi\/id\/(product_name|sys_vendor|board_vendor|bios_vendor|product_version)$/,
      /^\/sys\/devices\/system\/clocksource\/clocksource0\/(current|available)_clocksource$/,
      /^\/run\/(host\/container-manager|systemd\/container|\.containerenv)$/,
      /^\/proc\/1\/environ$/,
      /^\/sys\/module\/kvm_(intel|amd)\/parameters\/(nested|sev|tdx)$/,
    ];
    for (const [path] of view.reads)
      expect([path, allowed.some((pattern) => pattern.test(path))]).toEqual([path, true]);
    expect(new Set(view.reads.map(([path]) => path)).size).toBe(view.reads.length);
  });
});

describe('files that are not what they seem', () => {
  test('a pipe where a DMI file should be is refused at once, not waited on', () => {
    const root = captured({ 'proc/cpuinfo': GUEST_CPU, 'sys/class/dmi/id/sys_vendor': 'QEMU\n' });
    expect(spawnSync('mkfifo', [join(root, 'sys/class/dmi/id/product_name')]).status).toBe(0);
    const view = fileSystemView(root);
    expect(view.read('/sys/class/dmi/id/product_name')).toEqual({ state: 'unreadable', reason: 'not a regular file' });
    expect(detectSystem(view).vm?.id).toBe('qemu');
  });

  test('a link that leads out of --root counts as absent', () => {
    const outside = captured({ product_name: 'VMware Virtual Platform\n' });
    const root = captured({ 'proc/cpuinfo': GUEST_CPU });
    mkdirSync(join(root, 'sys/class/dmi/id'), { recursive: true });
    symlinkSync(join(outside, 'product_name'), join(root, 'sys/class/dmi/id/product_name'));
    symlinkSync('/', join(root, 'escape'));
    const view = fileSystemView(root);
    expect(view.read('/sys/class/dmi/id/product_name')).toEqual({ state: 'missing' });
    expect(view.exists('/escape/proc')).toBe(false);
    expect(view.list('/escape')).toBeUndefined();
    expect(detectSystem(view).vm?.id).toBe('vm-other');
  });

  test('files this user may not read are reported as such, and the rest still answers', () => {
    const view = memorySystem({
      '/proc/cpuinfo': { unreadable: 'permission denied' },
      '/proc/1/environ': { unreadable: 'permission denied' },
      '/.dockerenv': '',
    });
    const report = detectSystem(view);
    expect(report.kvm.checks[0]).toMatchObject({ id: 'cpu-virtualization', status: 'WARN' });
    expect(report.kvm.checks[0]!.evidence[0]!.value).toBe('unreadable (permission denied)');
    expect(report.containers.map((layer) => layer.id)).toEqual(['docker']);
    expect(detectJson(report).kvm.usable).toBe(false);
  });

  test('with nothing to read at all, every layer says none', () => {
    const report = detectSystem(memorySystem({}));
    expect([report.vm, report.containers, report.kvm.usable]).toEqual([null, [], false]);
    expect(
      renderDetectPlain(report)
        .split('\n')
        .slice(0, 2)
        .map((line) => line.split('\t').slice(0, 2)),
    ).toEqual([
      ['vm', 'none'],
      ['container', 'none'],
    ]);
  });
});

describe('a bad --root', () => {
  test('is a usage error in one line, exit 2, with nothing on stdout', async () => {
    const file = captured({ 'not-a-folder': 'x' });
    const empty = captured({ 'etc/hostname': 'x' });
    for (const root of ['/no/such/folder', join(file, 'not-a-folder'), empty, '']) {
      const result = await runCli(['detect', '--root', root]);
      expect([root, result.code, result.stdout]).toEqual([root, 2, '']);
      expect(result.stderr).toMatch(/^virt: --root/);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(readdirSync(empty)).toEqual(['etc']);
  });

  test('a missing value or an unknown option is a usage error too', async () => {
    expect((await runCli(['detect', '--root'])).code).toBe(2);
    expect((await runCli(['detect', '--frobnicate'])).code).toBe(2);
    expect((await runCli(['detect', 'extra'])).code).toBe(2);
  });
});
