import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { buildGuide } from '../../src/content/build-guide.js';
import { MAX_TOPIC_BYTES } from '../../src/content/markdown-limits.js';
import { parseTopic } from '../../src/content/parse-topic.js';
import { PATHOLOGICAL_MARKDOWN } from '../../src/tools/pathological-markdown.js';
import { fixtureSchema } from '../helpers/fixture-guide.js';
import { topicFile } from '../helpers/topic-file.js';

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** A piece of one of the inputs that make Markdown parsers slow, up to a few kilobytes. */
const pathological = fc
  .tuple(fc.constantFrom(...Object.values(PATHOLOGICAL_MARKDOWN)), fc.integer({ min: 1, max: 4000 }))
  .map(([make, bytes]) => make(bytes));

/** Markdown-ish lines: headings, lists, quotes, fences, escapes, raw control characters and pathological runs. */
const markdownLine = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '# T',
    '## Section',
    '###### deep',
    '- item',
    '  - nested',
    '1. one',
    '> quote',
    '```',
    '```bash',
    '| a | b |',
    '<div>',
    '---',
    '\u001b]0;x\u0007',
    '\u001b[2J',
    '[l](http://x)',
    '`code`',
    '**b**',
    '&amp;',
  ),
  fc.string({ unit: 'binary' }),
  pathological,
);
const yamlValue = fc.oneof(
  fc.string(),
  fc.integer().map(String),
  fc.constantFrom('[a, b]', '{value: x, why: y}', '[', '{', 'null', 'true', '- x', '"\\e]0;t\\a"', '*anchor', '&a x'),
);
const metadataLine = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(
        'id',
        'title',
        'kind',
        'summary',
        'aliases',
        'related',
        'parent',
        'tags',
        'sources',
        'attributes',
        'overrides',
        'other',
      ),
      yamlValue,
    )
    .map(([key, value]) => `${key}: ${value}`),
  fc.string(),
);
const topicText = fc
  .tuple(fc.array(metadataLine, { maxLength: 12 }), fc.array(markdownLine, { maxLength: 30 }), fc.boolean())
  .map(([meta, body, fenced]) =>
    fenced ? `---\n${meta.join('\n')}\n---\n${body.join('\n')}` : [...meta, ...body].join('\n'),
  );

function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(allStrings);
  return [];
}

describe('the loader under random input', () => {
  test('parseTopic never throws, locates every problem, and lets no control character through', () => {
    fc.assert(
      fc.property(topicText, (text) => {
        const parsed = parseTopic(text, { file: 'fuzz.md' });
        for (const problem of parsed.problems) {
          expect(problem.line).toBeGreaterThanOrEqual(0);
          expect(problem.message.length).toBeGreaterThan(0);
        }
        if (parsed.topic) {
          const strings = allStrings({ ...parsed.topic, origin: undefined });
          const bad = strings.filter((s) => CONTROL.test(s.replace(/\n/g, '')));
          expect(bad).toEqual([]);
        }
      }),
      { numRuns: 400 },
    );
  });

  test('pathological Markdown up to the size limit, mixed, is read or refused with a limit, never anything else', () => {
    const piece = fc
      .tuple(
        fc.constantFrom(...Object.values(PATHOLOGICAL_MARKDOWN)),
        fc.integer({ min: 1, max: Math.floor(MAX_TOPIC_BYTES / 3) }),
      )
      .map(([make, bytes]) => make(bytes));
    const glue = fc.constantFrom('', ' ', '\n', '\n\n', '\n> ', '\n- ', '\n  1. ', '\n```\n');
    fc.assert(
      fc.property(fc.array(fc.tuple(glue, piece), { minLength: 1, maxLength: 3 }), (parts) => {
        const body = parts.map(([before, text]) => before + text).join('');
        const { topic, problems } = parseTopic(topicFile('mixed', [], body), { file: 'mixed.md' });
        const errors = problems.filter((p) => p.severity === 'error');
        if (!topic)
          expect(errors.map((p) => p.message)).toEqual([
            expect.stringMatching(/at most|more than \d+ levels|is over \d+ KB/),
          ]);
        else expect(errors).toEqual([]);
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  test('valid topics with random text survive a round trip through the guide checks', () => {
    const safeWord = fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/);
    fc.assert(
      fc.property(
        fc.uniqueArray(safeWord, { minLength: 1, maxLength: 8 }),
        fc.array(fc.string(), { maxLength: 5 }),
        (ids, prose) => {
          const files = ids.map((id, index) => ({
            file: `${id}.md`,
            text: `---\nid: ${id}\ntitle: Title ${id}\nkind: term\nsummary: About ${id}\nrelated: [${ids[(index + 1) % ids.length]}]\nsources:\n  - title: S\n    url: https://example.org\n---\n${prose.join('\n\n')}\n`,
          }));
          const { guide, problems } = buildGuide(files, fixtureSchema);
          expect(problems.filter((p) => p.severity === 'error' && !/lists itself/.test(p.message))).toEqual([]);
          expect(guide.topics.map((t) => t.id)).toEqual(ids);
        },
      ),
      { numRuns: 150 },
    );
  });
});
