import { describe, expect, test } from '@jest/globals';
import { runCli } from '../helpers/run-cli.js';

const order = (await runCli(['list'])).stdout
  .trimEnd()
  .split('\n')
  .map((line) => {
    const [id, title] = line.split('\t');
    return { id: id!, title: title! };
  });

/** The page's last lines, where Next and Previous are, joined so a wrapped line reads as one. */
async function ending(id: string): Promise<string> {
  const { stdout } = await runCli(['explain', id, '--width', '200']);
  const tail = stdout.slice(stdout.lastIndexOf('\n\n') + 2);
  return tail.replace(/\n {2}/g, ' ');
}

describe("the guide's order", () => {
  test('every page ends with Next in the guide and Previous, in the order virt list shows', async () => {
    for (const [index, { id }] of order.entries()) {
      const next = order[index + 1];
      const previous = order[index - 1];
      const expected = [
        ...(next ? [`Next in the guide: ${next.title} (virt explain ${next.id})`] : []),
        ...(previous ? [`Previous: ${previous.title} (virt explain ${previous.id})`] : []),
      ];
      expect([id, await ending(id)]).toEqual([id, `${expected.join('\n')}\n`]);
    }
  });

  test('from Paravirtualization the next chapter is Software virtualization, not a related topic', async () => {
    const { stdout } = await runCli(['explain', 'paravirtualization']);
    expect(stdout).toMatch(
      /\nNext in the guide: Software virtualization \(emulation\)\n {2}\(virt explain software-virtualization\)\n/,
    );
    expect(stdout).toMatch(/\nPrevious: Full virtualization \(virt explain full-virtualization\)\n$/);
  });

  test('--json carries them as next and previous, null at either end', async () => {
    const page = JSON.parse((await runCli(['explain', 'kvm', '--json'])).stdout);
    expect([page.next, page.previous]).toEqual([
      { id: 'qemu', title: 'QEMU' },
      { id: 'virtualization-solutions', title: 'Virtualization Solutions' },
    ]);
    const first = JSON.parse((await runCli(['explain', order[0]!.id, '--json'])).stdout);
    expect(first.previous).toBeNull();
    const last = JSON.parse((await runCli(['explain', order.at(-1)!.id, '--json'])).stdout);
    expect(last.next).toBeNull();
  });

  test('on a terminal too', async () => {
    const { stdout } = await runCli(['explain', 'kvm'], { tty: true, columns: 100, env: { NO_COLOR: '1' } });
    expect(stdout).toMatch(
      /\nNext in the guide: QEMU \(virt explain qemu\)\nPrevious: Virtualization Solutions \(virt explain virtualization-solutions\)\n$/,
    );
  });
});
