import { describe, expect, test } from '@jest/globals';
import { parseTopic } from '../../src/content/parse-topic.js';
import { topicFile } from '../helpers/topic-file.js';

/** topicFile's metadata is lines 1–9 with `extra` lines added, then `---` and a blank line: the body starts after. */
const ATTRIBUTES = [
  'attributes:',
  '  guest-modified:',
  '    value: Yes',
  '    why: The guest kernel makes hypercalls.',
  '  isolation: Strong',
];
const BODY_LINE = 9 + ATTRIBUTES.length + 2;

const parse = (questions: string) =>
  parseTopic(
    topicFile('para', ATTRIBUTES, `Intro text.\n\n## How it works\n\nIt works.\n\n## Check yourself\n\n${questions}`),
    {
      file: 'guide/para.md',
    },
  );
/** The line in the file of the `index`-th line (0-based) of the questions' Markdown. */
const lineOf = (index: number) => BODY_LINE + 8 + index;
const problemsOf = (questions: string) => parse(questions).problems.map((p) => [p.line, p.severity, p.message]);

describe('the "## Check yourself" section', () => {
  test('is recognised in any case, so its answers never print as prose on the page', () => {
    const { topic, problems } = parseTopic(
      topicFile('para', ATTRIBUTES, 'Intro.\n\n## Check Yourself\n\n### pick\nWhich?\n\n- [ ] No\n- [x] Yes\n'),
      { file: 'guide/para.md' },
    );
    expect(problems).toEqual([]);
    expect(topic!.sections).toEqual([]);
    expect(topic!.questions.map((question) => question.id)).toEqual(['para/pick']);
  });

  test('holds the three kinds of question, with their ids, lines and whys, and is not a section of the page', () => {
    const markdown = [
      '### fastest-myth',
      'Which statement about **speed** is closest to the truth?',
      '',
      '- [ ] Full virtualization is always the fastest',
      '- [x] A hardware-assisted guest with `virtio` devices',
      '- [X] Paravirtual I/O helps',
      '',
      'Why: Hardware assistance removed most trapping;',
      'I/O stays fastest through paravirtual drivers.',
      '',
      '### what-is-hypercall',
      'What does a paravirtualized kernel use?',
      '',
      'It is not a system call.',
      '',
      'Answer: Hypercalls: explicit calls into the [hypervisor](https://example.org).',
      '',
      '### guest-modified',
      "In paravirtualization, the guest's {{**kernel**}} is modified.",
      '',
      'Why: attribute:guest-modified',
    ].join('\n');
    const { topic, problems } = parse(markdown);
    expect(problems).toEqual([]);
    expect(topic!.sections.map((section) => section.heading)).toEqual(['How it works']);
    expect(topic!.questions).toEqual([
      {
        id: 'para/fastest-myth',
        topic: 'para',
        kind: 'choice',
        prompt: 'Which statement about speed is closest to the truth?',
        choices: [
          { text: 'Full virtualization is always the fastest', right: false },
          { text: 'A hardware-assisted guest with virtio devices', right: true },
          { text: 'Paravirtual I/O helps', right: true },
        ],
        answer: 'A hardware-assisted guest with virtio devices; Paravirtual I/O helps',
        why: 'Hardware assistance removed most trapping; I/O stays fastest through paravirtual drivers.',
        line: lineOf(0),
      },
      {
        id: 'para/what-is-hypercall',
        topic: 'para',
        kind: 'recall',
        prompt: 'What does a paravirtualized kernel use? It is not a system call.',
        answer: 'Hypercalls: explicit calls into the hypervisor.',
        line: lineOf(10),
      },
      {
        id: 'para/guest-modified',
        topic: 'para',
        kind: 'cloze',
        prompt: "In paravirtualization, the guest's _____ is modified.",
        answer: 'kernel',
        why: 'The guest kernel makes hypercalls.',
        line: lineOf(17),
      },
    ]);
  });

  test('a topic without the section has no questions, and its page is unchanged', () => {
    const { topic, problems } = parseTopic(topicFile('plain'), { file: 'guide/plain.md' });
    expect(problems).toEqual([]);
    expect(topic!.questions).toEqual([]);
    expect(topic!.sections.map((section) => section.heading)).toEqual(['How it works']);
  });

  test('the text of every question is cleaned of control characters and bidi controls, as other one-line fields', () => {
    const { topic } = parse('### evil\nWhat \u001b]0;pwned\u0007is \u202eit?\n\nAnswer: A \u001b[2Jtrap.\n');
    expect(topic!.questions[0]).toMatchObject({ prompt: 'What is it?', answer: 'A trap.' });
  });
});

describe('lint rules of questions, each at its line', () => {
  const cases: [string, string, number, RegExp][] = [
    [
      'an id that is not lowercase',
      '### Fastest Myth\nQ?\n\nAnswer: A.\n',
      0,
      /expected a question id after "###".*found "Fastest Myth"/,
    ],
    ['an id that is too short', '### q\nQ?\n\nAnswer: A.\n', 0, /expected a question id/],
    ['an id that is too long', `### ${'a'.repeat(49)}\nQ?\n\nAnswer: A.\n`, 0, /2–48 lowercase letters/],
    [
      'a duplicate id',
      '### same\nQ?\n\nAnswer: A.\n\n### same\nR?\n\nAnswer: B.\n',
      5,
      /"same" is used twice in this topic \(first at line \d+\)/,
    ],
    ['no prompt', '### bare\nAnswer: A.\n', 0, /"bare" has no prompt/],
    ['an empty question', '### empty\n\n### other\nQ?\n\nAnswer: A.\n', 0, /"empty" has no prompt/],
    ['one choice', '### one\nQ?\n\n- [x] Only\n', 3, /has 1 choice; give at least 2/],
    ['no right choice', '### none\nQ?\n\n- [ ] A\n- [ ] B\n', 3, /has no right choice/],
    ['a duplicate choice', '### twice\nQ?\n\n- [x] A\n- [ ] A\n', 3, /has the choice "A" twice/],
    [
      'two task lists',
      '### lists\nQ?\n\n- [x] A\n- [ ] B\n\nThen:\n\n- [x] C\n- [ ] D\n',
      6,
      /expected only "Why:" after the answer/,
    ],
    ['a task list after text', '### lists\nQ?\n\n- [x] A\n- [ ] B\n\n* [x] C\n* [ ] D\n', 6, /more than one task list/],
    ['a recall with an empty Answer', '### blank\nQ?\n\nAnswer:\n', 3, /has an empty "Answer:"/],
    [
      'no answer at all',
      '### open\nWhat is it?\n',
      0,
      /has no answer: add a task list \(choice\), an "Answer:" paragraph \(recall\) or one \{\{blank\}\}/,
    ],
    ['two answers', '### two\nQ?\n\nAnswer: A.\n\nAnswer: B.\n', 5, /more than one "Answer:"/],
    [
      'a cloze with two blanks',
      '### two-blanks\nThe {{guest}} calls the {{hypervisor}}.\n',
      1,
      /has 2 \{\{blanks\}\}; a cloze has exactly one/,
    ],
    ['a cloze with an empty blank', '### empty-blank\nThe {{ }} calls.\n', 1, /has an empty \{\{\}\}/],
    ['a cloze with an Answer', '### both\nThe {{guest}} calls.\n\nAnswer: guest\n', 1, /"Answer:" and a \{\{blank\}\}/],
    [
      'a cloze of two paragraphs',
      '### long\nSome context.\n\nThe {{guest}} calls.\n',
      3,
      /its prompt is one paragraph/,
    ],
    ['a list that is not a task list', '### bullets\nQ?\n\n- A\n- B\n', 3, /found a list that is not a task list/],
    ['a code block', '### code\nQ?\n\n```\nx\n```\n\nAnswer: A.\n', 3, /found a code block/],
    ['a numbered list', '### numbered\nQ?\n\n1. A\n2. B\n', 3, /found a numbered list/],
    ['a quote', '### quoted\nQ?\n\n> A\n\nAnswer: A.\n', 3, /found a quote/],
    [
      'a paragraph after Why',
      '### late\nQ?\n\nAnswer: A.\n\nWhy: B.\n\nMore.\n',
      7,
      /expected "Why:" to be the last paragraph/,
    ],
    ['an empty Why', '### no-why\nQ?\n\nAnswer: A.\n\nWhy:\n', 5, /has an empty "Why:"/],
    [
      'a why of a missing attribute',
      '### missing\nQ?\n\nAnswer: A.\n\nWhy: attribute:speed\n',
      5,
      /reuses the why of attribute "speed", but this topic has no such attribute with a why/,
    ],
    [
      'a why of an attribute without a why',
      '### bare-why\nQ?\n\nAnswer: A.\n\nWhy: attribute:isolation\n',
      5,
      /attribute "isolation", but this topic has no such attribute with a why/,
    ],
    [
      'text before the first question',
      'Test yourself.\n\n### ok\nQ?\n\nAnswer: A.\n',
      0,
      /found a paragraph before the first one/,
    ],
    ['a #### heading in a question', '### deep\nQ?\n\n#### More\n\nAnswer: A.\n', 3, /found a "####" heading/],
  ];
  test.each(cases)('%s', (_name, markdown, line, message) => {
    const { topic, problems } = parse(markdown);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: lineOf(line), severity: 'error' });
    expect(problems[0]!.message).toMatch(message);
    // The topic is still built (a broken question is left out), so lint can check the rest of the guide.
    expect(topic).toBeDefined();
  });

  test('a section after "## Check yourself" is an error at its heading, and stays a section', () => {
    const { topic, problems } = parse('### ok\nQ?\n\nAnswer: A.\n\n## Afterwards\n\nText.\n');
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [lineOf(5), expect.stringMatching(/expected "## Check yourself" to be the last section of the file/)],
    ]);
    expect(topic!.questions.map((q) => q.id)).toEqual(['para/ok']);
    expect(topic!.sections.map((section) => section.heading)).toEqual(['How it works', 'Afterwards']);
  });

  test('an empty section is a warning', () => {
    expect(problemsOf('')).toEqual([[lineOf(-2), 'warning', expect.stringMatching(/holds no questions/)]]);
  });

  test('every broken question is reported, and the good ones are kept', () => {
    const { topic, problems } = parse('### good\nQ?\n\nAnswer: A.\n\n### bad-one\nQ?\n\n### BAD\nQ?\n\nAnswer: B.\n');
    expect(topic!.questions.map((q) => q.id)).toEqual(['para/good']);
    expect(problems.map((p) => p.line)).toEqual([lineOf(5), lineOf(8)]);
  });
});
