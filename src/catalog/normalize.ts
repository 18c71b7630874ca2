/** How names are compared everywhere: case, spaces, hyphens and underscores do not matter. */
export function normalizeName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[\s\-_]+/g, '');
}
