import { describe, expect, test } from '@jest/globals';
import { buildGuide } from '../../src/content/build-guide.js';
import { builtinContentDir } from '../../src/content/paths.js';
import { readGuideFromMarkdown } from '../../src/content/read-guide.js';
import type { AttributeSchema, Topic } from '../../src/model/topic.js';
import { topicBodyText } from '../../src/model/topic-text.js';
import { topicFile } from '../helpers/topic-file.js';

// A fact goes into the guide only when a source backs it, so these phrases mean a writer kept a fact
// they could not check. "around" alone is fine ("built around a daemon"); "around" before a year is not.
const HEDGES: [string, RegExp][] = [
  ['(unconfirmed)', /\(\s*unconfirmed\s*\)/i],
  ['around <year>', /\baround\s+(?:the\s+)?(?:1[89]|20)\d\d\b/i],
  ['could not confirm', /\bcould\s+not\s+(?:be\s+)?confirm/i],
];

/** Every hedge in a topic's attributes, summary and prose, as "id: where: phrase". */
function hedgesIn(topic: Topic): string[] {
  const places: [string, string][] = [
    ['summary', topic.summary],
    ...Object.entries(topic.attributes).flatMap(([key, attr]): [string, string][] => [
      [`attribute ${key}`, attr.value],
      [`attribute ${key} (why)`, attr.why ?? ''],
    ]),
    ['prose', topicBodyText(topic)],
  ];
  return places.flatMap(([where, text]) =>
    HEDGES.filter(([, pattern]) => pattern.test(text)).map(([name]) => `${topic.id}: ${where}: ${name}`),
  );
}

const { guide } = await readGuideFromMarkdown(builtinContentDir());
const topic = (id: string) => {
  const found = guide.topics.find((t) => t.id === id);
  if (!found) throw new Error(`the guide has no topic "${id}"`);
  return found;
};
const allText = (t: Topic) =>
  [t.summary, ...Object.values(t.attributes).flatMap((a) => [a.value, a.why ?? '']), topicBodyText(t)].join('\n');

describe('hedged facts', () => {
  const schema: AttributeSchema = {
    sets: { product: [{ key: 'first-release', label: 'First release', set: 'product' }] },
  };
  const hedged = buildGuide(
    [
      {
        file: 'a.md',
        text: topicFile(
          'alpha',
          ['attributes:', '  first-release:', '    value: "around 2009 (unconfirmed)"', '    why: A guess.'],
          'Released around\n2010, but the reference behind this guide could not confirm it.\n',
        ),
      },
      {
        file: 'b.md',
        text: topicFile('beta', [], 'A daemon built around a socket; the industry worked around the flaw in 2006.\n'),
      },
    ],
    schema,
  ).guide;

  test('are found in attributes and prose, wherever the line breaks fall', () => {
    expect(hedgesIn(hedged.topics[0]!)).toEqual([
      'alpha: attribute first-release: (unconfirmed)',
      'alpha: attribute first-release: around <year>',
      'alpha: prose: around <year>',
      'alpha: prose: could not confirm',
    ]);
  });

  test('are not confused with ordinary uses of "around"', () => {
    expect(hedgesIn(hedged.topics[1]!)).toEqual([]);
  });

  test('appear nowhere in the built-in guide', () => {
    expect(guide.topics.flatMap(hedgesIn)).toEqual([]);
  });
});

describe('the corrections the 2026 audit asked for stay made', () => {
  test('emulation (TCG) is not presented as a security boundary', () => {
    const isolation = topic('software-virtualization').attributes['isolation'];
    expect(isolation?.value).toMatch(/not a security boundary/i);
    expect(isolation?.value).not.toMatch(/strong/i);
    expect(isolation?.why).toMatch(/TCG/);
  });

  test('RHV: RHEL 8 hosts, past its maintenance phase, OpenShift Virtualization as the way forward', () => {
    const rhv = topic('ovirt-rhv');
    expect(rhv.attributes['host-os']?.value).toMatch(/RHEL 8/);
    expect(rhv.attributes['host-os']?.value).not.toMatch(/RHEL 7/);
    const text = allText(rhv);
    expect(text).toMatch(/past its maintenance phase/i);
    expect(text).toMatch(/Extended Life Phase/i);
    expect(text).toMatch(/OpenShift Virtualization/);
  });

  test('the guest page does not claim the host can always read guest memory', () => {
    const text = allText(topic('guest'));
    expect(text).not.toMatch(/whoever controls the host can read its memory\./i);
    expect(text).toMatch(/confidential VMs/i);
    expect(text).toMatch(/SEV-SNP/);
    expect(text).toMatch(/TDX/);
  });
});
