import { afterEach, describe, expect, test } from '@jest/globals';
import { TerminalSession } from '../helpers/tmux.js';

let session: TerminalSession | undefined;
afterEach(() => session?.close());

describe('virt in a real terminal (tmux)', () => {
  test('virt → type "para" → Enter shows the page; the next steps follow; Ctrl-C exits 130 with the cursor shown', async () => {
    session = new TerminalSession('node bin/virt.js', { columns: 100, rows: 40, env: { PAGER: '' } });
    await session.waitFor(/Find a topic/);
    session.send('para');
    await session.waitFor(/❯ Paravirtualization — /);
    session.send('Enter');
    const screen = await session.waitFor(/Paravirtualization: what next\?/);
    expect(screen).toMatch(/❯ Next in the guide: Software virtualization/);
    expect(screen).toMatch(/Compare Paravirtualization with /);
    session.send('Down', 'Enter');
    await session.waitFor(/Guest OS modified\?/);
    await session.waitFor(/What next\?/);
    session.send('C-c');
    expect(await session.exitStatus()).toBe(130);
    expect(session.cursorVisible()).toBe(true);
  });

  test.each([['Escape'], ['C-d']])('%s at the finder quits with exit 0', async (key) => {
    session = new TerminalSession('node bin/virt.js menu', { columns: 100, rows: 40, env: { PAGER: '' } });
    await session.waitFor(/Find a topic/);
    session.send(key);
    expect(await session.exitStatus()).toBe(0);
  });

  test('q quits a list menu with exit 0', async () => {
    session = new TerminalSession('node bin/virt.js menu', { columns: 60, rows: 40, env: { PAGER: '' } });
    await session.waitFor(/Find a topic/);
    session.send('kvm');
    await session.waitFor(/❯ KVM/);
    session.send('Enter');
    await session.waitFor(/what next\?/);
    session.send('q');
    expect(await session.exitStatus()).toBe(0);
  });

  test('End and Home move to the last and first choice in the finder, the next-step menu and the compare picker', async () => {
    session = new TerminalSession('node bin/virt.js menu', { columns: 100, rows: 40, env: { PAGER: '' } });
    const highlighted = (screen: string) => screen.split('\n').find((line) => line.startsWith('❯'));
    await session.waitFor(/Find a topic/);
    session.send('para');
    await session.waitFor(/❯ Paravirtualization — /);
    session.send('End');
    const screen = await session.waitFor(/^❯ (?!Paravirtualization)/m);
    // The last match: the bottom line of the list, and Down goes no further.
    const last = highlighted(screen)!;
    const lines = screen.split('\n');
    expect(lines[lines.indexOf(last) + 1]!.trim()).toBe('');
    session.send('Down');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(highlighted(session.screen())).toBe(last);
    session.send('Home');
    await session.waitFor(/❯ Paravirtualization — /);
    // What was typed is untouched, and typing still goes at its end.
    session.send('v');
    await session.waitFor(/Find a topic \(type to filter, Enter to open\) parav$/m);
    await session.waitFor(/❯ Paravirtualization — /);
    session.send('Enter');
    await session.waitFor(/Paravirtualization: what next\?/);
    await session.waitFor(/❯ Next in the guide: /);
    session.send('End');
    await session.waitFor(/❯ Quit/);
    session.send('Home');
    await session.waitFor(/❯ Next in the guide: /);
    session.send('End', 'Up', 'Up', 'Up', 'Enter');
    await session.waitFor(/Compare Paravirtualization with… \(Space to pick/);
    const first = highlighted(await session.waitFor(/^❯ ◯ /m))!;
    session.send('End', 'Space');
    await session.waitFor(/^❯ ◉ /m);
    expect(highlighted(session.screen())).not.toBe(first.replace('◯', '◉'));
    session.send('Home');
    await session.waitFor(new RegExp(`^${first.replace(/[()?*+.[\]\\|^$]/g, '\\$&')}$`, 'm'));
    session.send('Escape');
    expect(await session.exitStatus()).toBe(0);
  });

  test('under LANG=C the menu draws in ASCII', async () => {
    session = new TerminalSession('node bin/virt.js menu', { columns: 100, rows: 40, env: { PAGER: '', LANG: 'C' } });
    await session.waitFor(/Find a topic/);
    session.send('para');
    const screen = await session.waitFor(/> Paravirtualization - /);
    expect(screen).not.toMatch(/[❯—…]/);
    session.send('Escape');
    expect(await session.exitStatus()).toBe(0);
  });

  test('choosing Quit exits 0', async () => {
    session = new TerminalSession('node bin/virt.js menu', { columns: 100, rows: 40, env: { PAGER: '' } });
    await session.waitFor(/Find a topic/);
    session.send('kvm');
    await session.waitFor(/❯ KVM/);
    session.send('Enter');
    await session.waitFor(/what next\?/);
    // Quit is the last choice, however many come before it (related pages, Check yourself…).
    for (let i = 0; i < 30 && !/❯ Quit/.test(session.screen()); i++) {
      session.send('Down');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await session.waitFor(/❯ Quit/);
    session.send('Enter');
    expect(await session.exitStatus()).toBe(0);
  });

  test('a page taller than the screen opens the pager; q leaves it with exit 0', async () => {
    session = new TerminalSession('node bin/virt.js explain para', { columns: 80, rows: 10 });
    const screen = await session.waitFor(/^:\s*$/m);
    expect(screen).toMatch(/Paravirtualization/);
    session.send('q');
    expect(await session.exitStatus()).toBe(0);
  });

  test('with NO_COLOR=1 no colour escapes reach the terminal', async () => {
    session = new TerminalSession('node bin/virt.js explain kvm --no-pager', {
      columns: 80,
      rows: 30,
      env: { NO_COLOR: '1' },
    });
    expect(await session.exitStatus()).toBe(0);
    const screen = session.screen(true);
    expect(screen).toMatch(/^SOURCES$/m);
    expect(screen).not.toMatch(/\u001b\[[0-9;]*m/);
    session.close();
    session = new TerminalSession('node bin/virt.js explain kvm --no-pager', { columns: 80, rows: 30 });
    expect(await session.exitStatus()).toBe(0);
    expect(session.screen(true)).toMatch(/\u001b\[[0-9;]*m/);
  });
});
