/**
 * How learners ask about a topic in words rather than by name: `virt explain what is a hypervisor`,
 * `virt explain kvm vs xen`. Pure string work; the catalog resolves what is left.
 */

/** Openings of a question, longest first, each dropped (with the articles after it) before a name is resolved. */
const OPENINGS = [
  'what is the difference between',
  'difference between',
  'tell me about',
  'what are',
  "what's",
  'what is',
  'how does',
  'how do',
  'explain',
  'define',
];
const ARTICLES = ['the', 'a', 'an'];

const dropLeading = (words: string[], phrase: string) => {
  const wanted = phrase.split(' ');
  return wanted.every((word, at) => words[at]?.toLowerCase() === word) ? words.slice(wanted.length) : words;
};

/** The name in a question: `what is a hypervisor?` → `hypervisor`. Unchanged when nothing is a question word. */
export function stripQuestion(text: string): string {
  let words = text.trim().replace(/\?+$/, '').split(/\s+/).filter(Boolean);
  for (const opening of OPENINGS) {
    const rest = dropLeading(words, opening);
    if (rest !== words) {
      words = rest;
      break;
    }
  }
  while (words.length > 1 && ARTICLES.includes(words[0]!.toLowerCase())) words = words.slice(1);
  // "how does kvm work": the last word asks how, it names nothing.
  if (words.length > 1 && /^(work|works|mean)$/i.test(words.at(-1)!)) words = words.slice(0, -1);
  return words.join(' ');
}

/**
 * The two names a question sets side by side: `kvm vs xen`, `kvm versus xen`, `difference between kvm and
 * xen`; undefined when it is not such a question.
 */
export function comparedNames(text: string): [string, string] | undefined {
  const trimmed = text.trim().replace(/\?+$/, '');
  const between = /^(?:what(?:'s| is) the )?difference between (.+?) and (.+)$/i.exec(trimmed);
  const versus = /^(.+?)\s+(?:vs\.?|versus)\s+(.+)$/i.exec(trimmed);
  const pair = between ?? versus;
  if (!pair) return undefined;
  const first = stripQuestion(pair[1]!);
  const second = stripQuestion(pair[2]!);
  return first && second ? [first, second] : undefined;
}
