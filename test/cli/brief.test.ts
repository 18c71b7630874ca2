import { describe, expect, test } from '@jest/globals';
import { runCli } from '../helpers/run-cli.js';

const ids = (await runCli(['list'])).stdout
  .trimEnd()
  .split('\n')
  .map((line) => line.split('\t')[0]!);
const lineCount = (text: string) => text.trimEnd().split('\n').length;

describe('virt explain --brief', () => {
  test('gives the summary, the key facts, the diagram captions and the Try-it commands, and nothing else', async () => {
    const { stdout, code } = await runCli(['explain', 'kvm', '--brief']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# KVM \(Kernel-based Virtual Machine\)\n\nThe Linux kernel's built-in hypervisor/);
    expect(stdout).toContain('\nLicence: GPL-2.0 (Linux kernel)\n');
    expect(stdout).toMatch(/\n## Diagram\n\n- KVM and QEMU: each guest is a QEMU process/);
    expect(stdout).toContain("\n## Try it\n\n    lsmod | grep -E '^kvm'");
    expect(stdout).not.toContain('## How it works');
    expect(stdout).not.toContain('## Sources');
    expect(stdout).not.toContain('Next in the guide');
  });

  test('at width 80, every page of 40 lines or more shrinks to under 40% of its lines', async () => {
    let long = 0;
    for (const id of ids) {
      const whole = lineCount((await runCli(['explain', id, '--width', '80'])).stdout);
      if (whole < 40) continue;
      long++;
      const brief = await runCli(['explain', id, '--width', '80', '--brief']);
      expect([id, brief.code, lineCount(brief.stdout) < whole * 0.4]).toEqual([id, 0, true]);
    }
    expect(long).toBeGreaterThan(50);
  });

  test('on a terminal too, and with --why the facts keep their reasons', async () => {
    const { stdout } = await runCli(['explain', 'kvm', '--brief', '--why'], {
      tty: true,
      columns: 100,
      env: { NO_COLOR: '1' },
    });
    expect(stdout).toMatch(/KEY FACTS\n\nVendor or project: Linux kernel community\n {4}\S/);
    expect(stdout).toContain('TRY IT');
    expect(stdout).not.toContain('HOW IT WORKS');
  });
});
