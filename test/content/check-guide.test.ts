import { describe, expect, test } from '@jest/globals';
import { buildGuide } from '../../src/content/build-guide.js';
import type { AttributeSchema } from '../../src/model/topic.js';
import { topicFile } from '../helpers/topic-file.js';

const schema: AttributeSchema = {
  sets: {
    method: [{ key: 'isolation', label: 'Isolation', set: 'method' }],
    product: [{ key: 'vendor', label: 'Vendor', set: 'product' }],
  },
};
const build = (...files: [string, string][]) =>
  buildGuide(
    files.map(([file, text]) => ({ file, text })),
    schema,
  );
const messages = (result: ReturnType<typeof build>) => result.problems.map((p) => `${p.file}:${p.line}: ${p.message}`);

describe('checking topics as one guide', () => {
  test('a valid guide keeps reading order and has no problems', () => {
    const result = build(
      ['a.md', topicFile('alpha', ['related: [beta]'])],
      ['b.md', topicFile('beta', ['parent: alpha'])],
    );
    expect(result.problems).toEqual([]);
    expect(result.guide.topics.map((t) => t.id)).toEqual(['alpha', 'beta']);
  });

  test('a duplicate id names both files', () => {
    expect(messages(build(['a.md', topicFile('alpha')], ['b.md', topicFile('alpha')]))).toEqual([
      'b.md:2: duplicate id "alpha": already used by a.md:2',
    ]);
  });

  test('an alias claimed by two topics names both', () => {
    const result = build(
      ['a.md', topicFile('alpha', ['aliases: [shared]'])],
      ['b.md', topicFile('beta', ['aliases: [Shared]'])],
    );
    expect(messages(result)).toEqual([
      'b.md:9: name "Shared" of "beta" is already claimed by "alpha" (a.md:2); drop or change one of them',
    ]);
  });

  test('a related link or parent to an unknown topic, with a suggestion', () => {
    const result = build(
      ['a.md', topicFile('alpha', ['related: [betta]', 'parent: nowhere'])],
      ['b.md', topicFile('beta')],
    );
    expect(messages(result)).toEqual([
      'a.md:9: related topic "betta" does not exist (did you mean "beta"?)',
      'a.md:10: parent topic "nowhere" does not exist',
    ]);
  });

  test('attributes outside the shared set, and incomplete method sets, are warnings', () => {
    const method = topicFile('meth', ['attributes:', '  colour: blue']).replace('kind: term', 'kind: method');
    const result = build(['m.md', method]);
    expect(result.problems.map((p) => [p.severity, p.message])).toEqual([
      ['warning', expect.stringMatching(/attribute "colour" is not in the shared attribute set/)],
      ['warning', 'a method needs attribute "isolation" (Isolation)'],
    ]);
  });
});
