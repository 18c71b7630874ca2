/**
 * The indexes 0…count-1 in a random order (Fisher–Yates), so that a question's right choice is not found by
 * where it was written. `random` gives numbers in [0, 1).
 */
export function shuffledIndexes(count: number, random: () => number): number[] {
  const order = Array.from({ length: count }, (_, index) => index);
  for (let last = count - 1; last > 0; last--) {
    const swap = Math.floor(random() * (last + 1));
    [order[last], order[swap]] = [order[swap]!, order[last]!];
  }
  return order;
}
