/** How names are compared everywhere: case, spaces, hyphens and underscores do not matter. */
export function normalizeName(name: string): string {
  // NFKC folds compatibility forms (full-width letters and the like); plain ASCII has none to fold.
  const folded = /^[\x00-\x7f]*$/.test(name) ? name : name.normalize('NFKC');
  return folded.toLowerCase().replace(/[\s\-_]+/g, '');
}
