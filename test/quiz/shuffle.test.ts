import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { shuffledIndexes } from '../../src/quiz/shuffle.js';

describe("the order a question's choices are shown in", () => {
  test('is every index once, whatever the random numbers', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 8 }),
        fc.infiniteStream(fc.double({ min: 0, max: 0.9999, noNaN: true })),
        (count, numbers) => {
          const stream = numbers[Symbol.iterator]();
          const order = shuffledIndexes(count, () => stream.next().value as number);
          expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: count }, (_, index) => index));
        },
      ),
    );
  });

  test('moves choices: a random of 0 puts the first choice last', () => {
    expect(shuffledIndexes(3, () => 0)).toEqual([1, 2, 0]);
    expect(shuffledIndexes(4, () => 0.999)).toEqual([0, 1, 2, 3]);
  });
});
