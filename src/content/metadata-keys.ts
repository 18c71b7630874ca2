/** The keys a topic's metadata block may hold. */
export const METADATA_KEYS = [
  'id',
  'title',
  'kind',
  'parent',
  'aliases',
  'tags',
  'summary',
  'related',
  'sources',
  'attributes',
  'overrides',
] as const;
