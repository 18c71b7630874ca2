/**
 * English function words are left out of the index and of queries: they match nearly every page, so they
 * rank nothing, and their postings were half the index that every search has to load.
 */
export const STOP_WORDS = new Set(
  'a an and are as at be been between but by can could define difference do does explain for from had has have how i if in into is it its me may my need not of on or our should so than that the their them then there these they this those to versus vs want was we were what when where which while who why will with would you your'.split(
    ' ',
  ),
);

/** Whether every word of a query is one that search ignores. */
export const onlyStopWords = (query: string) =>
  query
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .every((word) => STOP_WORDS.has(word.toLowerCase()));
