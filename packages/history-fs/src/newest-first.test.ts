import { describe, expect, it } from 'vitest';
import { newestFirst, newestFirstOfSorted } from './newest-first.js';

const shuffled = (count: number) => {
  const names = Array.from({ length: count }, (_, index) => `name-${String(index).padStart(5, '0')}`);
  // A fixed permutation, so that a failure is reproducible.
  for (let index = names.length - 1; index > 0; index--) {
    const other = (index * 7919) % (index + 1);
    [names[index], names[other]] = [names[other] as string, names[index] as string];
  }
  return names;
};
const descending = (names: readonly string[]) => [...names].sort().reverse();

describe('newestFirst', () => {
  it('yields every name newest first, whether it picks or sorts', () => {
    for (const count of [0, 1, 5, 80, 1000]) {
      const names = shuffled(count);
      for (const wanted of [1, 3, 10, 2000]) {
        expect([...newestFirst(names, wanted)]).toEqual(descending(names));
      }
    }
  });

  it('picks the wanted names first, then continues past them in order', () => {
    const names = shuffled(1000);
    const iterator = newestFirst(names, 10);
    const first = Array.from({ length: 10 }, () => iterator.next().value);
    expect(first).toEqual(descending(names).slice(0, 10));
    expect(iterator.next().value).toBe(descending(names)[10]);
  });

  it('applies the filter, and leaves the input alone', () => {
    const names = shuffled(500);
    const copy = [...names];
    const even = (name: string) => Number(name.slice(-1)) % 2 === 0;
    expect([...newestFirst(names, 10, even)]).toEqual(descending(names.filter(even)));
    expect(names).toEqual(copy);
  });

  it('reads a sorted list backwards with the same filter', () => {
    const sorted = [...shuffled(50)].sort();
    const odd = (name: string) => Number(name.slice(-1)) % 2 === 1;
    expect([...newestFirstOfSorted(sorted, odd)]).toEqual(descending(sorted.filter(odd)));
  });
});
