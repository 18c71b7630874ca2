import { describe, expect, test } from '@jest/globals';
import stringWidth from 'string-width';
import { buildGuide } from '../../src/content/build-guide.js';
import { buildComparison } from '../../src/model/comparison.js';
import { renderComparisonTable, tableLayout } from '../../src/render/compare-table.js';
import { renderComparisonStacked } from '../../src/render/compare-text.js';
import { richTheme } from '../../src/render/rich-theme.js';
import { plainTheme } from '../../src/render/theme.js';
import { fixtureSchema } from '../helpers/fixture-guide.js';
import { topicFile } from '../helpers/topic-file.js';
import { ANSI, BOX_DRAWING, runCli } from '../helpers/run-cli.js';

const width = (text: string) =>
  Math.max(
    ...text
      .replace(/\u001b\[[0-9;]*m/g, '')
      .split('\n')
      .map((line) => stringWidth(line)),
  );

describe('virt compare on the real guide', () => {
  test('full para piped: a TSV header, then one line per method attribute', async () => {
    const result = await runCli(['compare', 'full', 'para']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('attribute\tFull virtualization\tParavirtualization');
    expect(lines).toHaveLength(12);
    expect(lines[1]).toMatch(/^Guest OS modified\?\tNo[^\t]*\tYes/);
    expect(lines.every((line) => line.split('\t').length === 3)).toBe(true);
    expect(result.stdout).not.toMatch(ANSI);
    expect(result.stdout).not.toMatch(BOX_DRAWING);
  });

  test.each([
    [
      ['type 1', 'type 2'],
      ['Runs on', 'Relies on', 'Examples', 'Typical use', 'Guest performance', 'KVM and bhyve'],
    ],
    [
      ['vm', 'container'],
      ['Kernel shared with host?', 'Isolation', 'Start time', 'Density', 'Image size'],
    ],
    [
      ['hypervisor', 'host', 'guest'],
      ['Role', 'Controls', 'Answers to', 'What it sees'],
    ],
    [
      ['emulation', 'virtualization'],
      ['Other CPU architecture?', 'Hardware support needed', 'CPU overhead'],
    ],
  ])('concepts learners set side by side have filled rows: %j', async (names, attributes) => {
    const result = await runCli(['compare', ...names, '--json']);
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout).rows as { attribute: string; values: (string | null)[]; why: unknown[] }[];
    expect(rows.map((row) => row.attribute)).toEqual(expect.arrayContaining(attributes));
    for (const row of rows) {
      expect(row.values.every((value) => typeof value === 'string' && value.length > 0)).toBe(true);
      expect(row.why.every((why) => typeof why === 'string' && why.length > 0)).toBe(true);
    }
  });

  test('topics with no attribute in common exit 1 with one line and comparable topics, never an empty table', async () => {
    const result = await runCli(['compare', 'type-1-hypervisor', 'kvm']);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    const [first, ...hints] = result.stderr.trimEnd().split('\n');
    expect(first).toMatch(/^virt: Type 1 hypervisor and KVM .* have no attribute in common to compare$/);
    expect(hints).toContain('type-1-hypervisor compares with type-2-hypervisor');
    expect((await runCli(['compare', 'type-1-hypervisor', 'kvm'], { tty: true, columns: 100 })).stdout).toBe('');
  });

  test('groups that cannot compare are refused and not completed; tags match whatever their case', async () => {
    for (const group of ['@terms', '@chapters', '@sections']) {
      const result = await runCli(['compare', group]);
      expect(result).toMatchObject({ code: 2, stdout: '' });
      expect(result.stderr).toMatch(/share no attribute to compare by; groups that compare are .*@methods/);
    }
    const bash = (await runCli(['completion', 'bash'])).stdout;
    expect(bash).toMatch(/@hypervisors/);
    expect(bash).not.toMatch(/@terms|@chapters|@sections/);
    expect((await runCli(['compare', '@Hypervisors'])).stdout).toBe((await runCli(['compare', '@hypervisors'])).stdout);
  });

  test('products compare on the product attributes; mixed kinds on the union, with a mark for no value', async () => {
    const products = await runCli(['compare', 'kvm', 'xen']);
    expect(products.stdout.split('\n').map((line) => line.split('\t')[0])).toEqual([
      'attribute',
      'Vendor or project',
      'Type',
      'Methods used',
      'Licence',
      'Host OS',
      'First release',
      '',
    ]);
    const mixed = await runCli(['compare', 'vm', 'full', '--json']);
    const document = JSON.parse(mixed.stdout);
    expect(document.rows.map((row: { key: string }) => row.key)).toEqual(
      expect.arrayContaining(['image-size', 'guest-modified']),
    );
    const imageSize = document.rows.find((row: { key: string }) => row.key === 'image-size');
    expect(imageSize.values[1]).toBeNull();
    expect((await runCli(['compare', 'vm', 'full'])).stdout).toMatch(/^Image size\t[^\t]+\t-$/m);
  });

  test('--json: {schemaVersion, topics, rows: [{key, attribute, values}]} with values in topic order', async () => {
    const document = JSON.parse((await runCli(['compare', 'para', 'full', '--json'])).stdout);
    expect(document.schemaVersion).toBe(1);
    expect(document.topics).toEqual([
      { id: 'paravirtualization', title: 'Paravirtualization' },
      { id: 'full-virtualization', title: 'Full virtualization' },
    ]);
    expect(document.rows[0]).toMatchObject({
      key: 'guest-modified',
      attribute: 'Guest OS modified?',
      values: [expect.stringMatching(/^Yes/), expect.stringMatching(/^No/)],
      differs: true,
    });
  });

  test('--markdown: a Markdown table for notes', async () => {
    const lines = (await runCli(['compare', 'full', 'para', '--markdown'])).stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('| Attribute | Full virtualization | Paravirtualization |');
    expect(lines[1]).toBe('| --- | --- | --- |');
    expect(lines).toHaveLength(13);
  });

  test('@group compares every member; --diff keeps only rows that differ', async () => {
    const all = (await runCli(['compare', '@methods'])).stdout.split('\n')[0]!.split('\t');
    expect(all).toHaveLength(6);
    const diff = await runCli(['compare', 'kvm', 'qemu', '--diff', '--json']);
    expect(JSON.parse(diff.stdout).rows.every((row: { differs: boolean }) => row.differs)).toBe(true);
    expect((await runCli(['compare', '@nothing'])).code).toBe(2);
  });

  test('on a terminal: a compact table at 120 columns, highlighted differences, --why notes', async () => {
    const result = await runCli(['compare', 'full', 'para', '--why', '--width', '120'], { tty: true });
    const plain = result.stdout.replace(/\u001b\[[0-9;]*m/g, '');
    expect(plain.split('\n')[0]).toMatch(/^ {2}Attribute +Full virtualization +Paravirtualization$/);
    // A rule under the header, and none between the rows.
    expect(plain.split('\n')[1]).toMatch(/^─+( {2}─+){2}$/);
    expect(plain.split('\n').filter((line) => line.startsWith('─'))).toHaveLength(1);
    expect(width(result.stdout)).toBeLessThanOrEqual(120);
    expect(result.stdout).toContain('\u001b[1m\u001b[33m* Guest OS modified?');
    expect(plain).toMatch(/^WHY$|^Why$/m);
    expect(plain).toMatch(/Paravirtualization: PV kernels|Paravirtualization: /);
  });

  test('columns never break a word: five methods form a table at 140 columns', async () => {
    const wide = await runCli(['compare', '@methods', '--width', '140'], { tty: true, env: { NO_COLOR: '1' } });
    expect(wide.stdout.split('\n').filter((line) => /^─+( {2}─+){5}$/.test(line))).toHaveLength(1);
    expect(wide.stdout).not.toMatch(/Paravirtuali\s/);
    expect(width(wide.stdout)).toBeLessThanOrEqual(140);
  });

  test('compare full para fits an 80×24 screen without the pager', async () => {
    // The pager opens for text as tall as the screen or taller (cli/pager.ts); 23 lines stay below it.
    const result = await runCli(['compare', 'full', 'para'], { tty: true, columns: 80, rows: 24 });
    expect(result.stdout.trimEnd().split('\n').length).toBeLessThanOrEqual(23);
    expect(width(result.stdout)).toBeLessThanOrEqual(80);
  });

  test('without colour, a leading * marks the rows that differ, explained in a legend', async () => {
    const result = await runCli(['compare', 'full', 'para', '--width', '100'], { tty: true, env: { NO_COLOR: '1' } });
    expect(result.stdout).not.toMatch(ANSI);
    expect(result.stdout).toMatch(/^\* Guest OS modified\? /m);
    expect(result.stdout).toMatch(/^ {2}Density /m);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe(
      '* marks rows that differ; --diff shows only those, --why explains each value.',
    );
  });

  test.each([120, 200])(
    '@hypervisors reads as a table at %i columns, one row per topic when needed',
    async (columns) => {
      const result = await runCli(['compare', '@hypervisors', '--width', String(columns)], {
        tty: true,
        env: { NO_COLOR: '1' },
      });
      const lines = result.stdout.split('\n');
      const rule = lines.findIndex((line) => /^─+( {2}─+)+$/.test(line));
      expect(rule).toBeGreaterThan(0);
      expect(width(result.stdout)).toBeLessThanOrEqual(columns);
      // Not the stacked blocks ("  Xen: …"), and every hypervisor is there.
      expect(result.stdout).not.toMatch(/^ {2}Xen: /m);
      for (const title of ['QEMU', 'Xen', 'Firecracker', 'bhyve']) expect(result.stdout).toContain(title);
      expect(result.stdout).not.toMatch(/Hardware-assiste\s/);
    },
  );

  test.each([
    [80, 6],
    [120, 4],
    [200, 2.5],
  ])(
    '@products reads as a table at %i columns: a header, one row per product, whole words, at most %d lines a product',
    async (columns, linesPerProduct) => {
      const { topics, rows } = JSON.parse((await runCli(['compare', '@products', '--json'])).stdout) as {
        topics: { title: string }[];
        rows: { attribute: string; values: (string | null)[] }[];
      };
      const result = await runCli(['compare', '@products', '--width', String(columns)], {
        tty: true,
        env: { NO_COLOR: '1' },
      });
      const lines = result.stdout.trimEnd().split('\n');
      expect(width(result.stdout)).toBeLessThanOrEqual(columns);
      expect(lines.length).toBeLessThanOrEqual(topics.length * linesPerProduct);
      // Tables (bands of attributes at narrow widths), each: a header row starting "Topic", a rule, then
      // one row per product, its title starting the row.
      const rules = lines.flatMap((line, index) => (/^─+( {2}─+)+$/.test(line) ? [index] : []));
      expect(rules.length).toBeGreaterThan(0);
      const legend = lines.findIndex((line) => line.startsWith('* marks attributes that differ'));
      expect(legend).toBeGreaterThan(rules.at(-1)!);
      expect(result.stdout).not.toMatch(/^ {2}Xen: /m);
      for (const [band, rule] of rules.entries()) {
        const start = band === 0 ? 0 : lines.lastIndexOf('', rule) + 1;
        expect(lines[start]).toMatch(/^Topic {2,}\* /);
        const end = rules[band + 1] === undefined ? legend : lines.lastIndexOf('', rules[band + 1]);
        // The topic column, read down, holds every product's title in turn.
        const topicWidth = lines[rule]!.split('  ')[0]!.length;
        const column = lines.slice(rule + 1, end).map((line) => line.slice(0, topicWidth).trim());
        expect(column.filter(Boolean).join(' ')).toBe(topics.map((topic) => topic.title).join(' '));
      }
      // Words are whole, or broken only after a hyphen, a slash or a dot ("Hardware-", "assisted").
      const words = [
        'Topic',
        ...topics.map((topic) => topic.title),
        ...rows.flatMap((row) => [row.attribute, ...row.values]),
      ].flatMap((text) => text?.split(' ') ?? []);
      const broken = lines
        .slice(0, legend)
        .filter((line) => !/^─/.test(line))
        .flatMap((line) => line.split(/\s+/).filter(Boolean))
        .filter(
          (token) =>
            !/^[–*]$/.test(token) &&
            !words.some(
              (word) => word === token || (word.includes(token) && (/[-/.]$/.test(token) || word.endsWith(token))),
            ),
        );
      expect(broken).toEqual([]);
    },
  );

  test('at --width 60 with four methods every line fits, in a stacked layout', async () => {
    const result = await runCli(['compare', 'full', 'para', 'software', 'containerization', '--width', '60'], {
      tty: true,
      env: { NO_COLOR: '1' },
    });
    expect(result.code).toBe(0);
    expect(width(result.stdout)).toBeLessThanOrEqual(60);
    expect(result.stdout).not.toMatch(/[┌┬┐]/);
    expect(result.stdout).toMatch(/^\* Guest OS modified\?\n {2}Full virtualization: /m);
  });

  test('bad input: unknown topic exits 1 with suggestions and nothing on stdout; fewer than two distinct topics exit 2', async () => {
    const unknown = await runCli(['compare', 'full', 'nothing-like-this']);
    expect(unknown).toMatchObject({ code: 1, stdout: '' });
    expect(unknown.stderr).toMatch(/no topic named/);
    const same = await runCli(['compare', 'para', 'paravirtualization']);
    expect(same).toMatchObject({ code: 2, stdout: '' });
    expect(same.stderr).toMatch(/at least two different topics \(got 1\)/);
    expect((await runCli(['compare', 'kvm'])).code).toBe(2);
  });
});

describe('comparison renderers at fixed widths', () => {
  const method = (id: string, title: string, guest: string) =>
    topicFile(id, [
      'attributes:',
      `  guest-modified: {value: "${guest}", why: "Because."}`,
      '  isolation: {value: "Strong", why: "Because."}',
    ])
      .replace(/title: .*/, `title: ${title}`)
      .replace('kind: term', 'kind: method');
  const { guide } = buildGuide(
    [
      { file: 'a.md', text: method('cjk-a', '全虚拟化', '不需要修改客户机操作系统内核就可以直接运行在虚拟机之中') },
      { file: 'b.md', text: method('cjk-b', '半虚拟化', '需要修改客户机内核') },
    ],
    fixtureSchema,
  );
  const comparison = buildComparison(guide.topics, fixtureSchema);

  test.each([40, 50, 72])('CJK cells wrap by display width without losing text at %i columns', (columns) => {
    for (const theme of [richTheme(2, false), plainTheme(false)]) {
      const layout = tableLayout(comparison, columns);
      const text = layout
        ? renderComparisonTable(comparison, theme, layout)
        : renderComparisonStacked(comparison, theme, columns);
      expect(width(text)).toBeLessThanOrEqual(columns);
      const plain = text.replace(/\u001b\[[0-9;]*m/g, '');
      // In a table, read the first topic's column down the rows; stacked, the text runs on.
      const firstColumn = layout
        ? plain
            .split('\n')
            .slice(2)
            .map((line) => line.slice(layout.tables[0]!.widths[0]! + 2).split('  ')[0] ?? '')
            .join('')
        : plain;
      expect(firstColumn.replace(/\s/g, '')).toContain('不需要修改客户机操作系统内核就可以直接运行在虚拟机之中');
    }
  });

  test('colour off means no escape codes; ASCII mode draws with + - |', () => {
    const theme = richTheme(0, true);
    const text = renderComparisonTable(comparison, theme, tableLayout(comparison, 80)!);
    expect(text).not.toMatch(ANSI);
    expect(text).not.toMatch(BOX_DRAWING);
    expect(text.split('\n')[1]).toMatch(/^-+( {2}-+){2}$/);
  });
});
