/** Builds the text of a topic file for loader tests; `extra` lines are added to the metadata. */
export function topicFile(
  id: string,
  extra: string[] = [],
  body = 'Some text about the topic.\n\n## How it works\n\nIt works.\n',
): string {
  return [
    '---',
    `id: ${id}`,
    `title: ${id.replace(/-/g, ' ')}`,
    'kind: term',
    `summary: A short summary of ${id}`,
    'sources:',
    '  - title: A source',
    '    url: https://example.org/source',
    ...extra,
    '---',
    '',
    body,
  ].join('\n');
}
