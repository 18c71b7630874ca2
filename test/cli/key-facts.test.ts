import { describe, expect, test } from '@jest/globals';
import { runCli } from '../helpers/run-cli.js';

const stripAnsi = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

describe('key facts on the page', () => {
  test('`virt explain kvm | grep -i licence` finds the licence, in the facts block before the prose', async () => {
    const { stdout } = await runCli(['explain', 'kvm']);
    const lines = stdout.split('\n');
    expect(lines.filter((line) => /licence/i.test(line))).toContain('Licence: GPL-2.0 (Linux kernel)');
    const facts = lines.indexOf('## Key facts');
    expect(facts).toBeGreaterThan(0);
    expect(facts).toBeLessThan(lines.findIndex((line) => line.startsWith('KVM is the hypervisor')));
    expect(lines.slice(facts + 2, facts + 4)).toEqual([
      'Vendor or project: Linux kernel community',
      'Type: kernel hypervisor',
    ]);
  });

  test("a method's attributes are on its page too", async () => {
    const { stdout } = await runCli(['explain', 'paravirtualization']);
    expect(stdout).toMatch(/\nGuest OS modified\?: .+\nKernel shared with host\?: .+\nIsolation: .+\n/);
  });

  test('on a terminal they are shown the same way, label: value', async () => {
    const { stdout } = await runCli(['explain', 'kvm'], { tty: true, columns: 100 });
    expect(stdout).toMatch(ANSI_BOLD);
    expect(stripAnsi(stdout)).toMatch(/KEY FACTS\n\nVendor or project: Linux kernel community\n/);
    expect(stripAnsi(stdout)).toContain('\nLicence: GPL-2.0 (Linux kernel)\n');
  });

  test('--why adds the one-line justification under each fact; without it there is none', async () => {
    const why = 'KVM is part of the kernel, which is licensed GPL-2.0 only.';
    const withWhy = await runCli(['explain', 'kvm', '--why']);
    expect(withWhy.stdout).toContain(`\nLicence: GPL-2.0 (Linux kernel)\n    ${why}\n`);
    expect((await runCli(['explain', 'kvm'])).stdout).not.toContain(why);
  });

  test('a topic without attributes has no facts block', async () => {
    const { stdout } = await runCli(['explain', 'why-use-virtualization']);
    expect(stdout).not.toContain('Key facts');
  });
});

const ANSI_BOLD = /\u001b\[1m/;
