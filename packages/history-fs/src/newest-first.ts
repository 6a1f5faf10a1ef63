/** Up to this many newest names are picked without sorting the whole folder. */
const maxPicked = 256;

/**
 * Names in descending order (newest first, since names start with the date and time), produced
 * lazily: the usual listing wants ten of a large folder, so the first `wanted` are picked in one
 * pass, and the rest are sorted only if the caller reads past them (skipped corrupt files, a
 * filter). `names` is not modified.
 */
export function* newestFirst(
  names: readonly string[],
  wanted: number,
  keep: (name: string) => boolean = () => true,
): Generator<string, void, undefined> {
  let below: string | undefined;
  if (wanted <= maxPicked && wanted * 8 < names.length) {
    const picked = pickGreatest(names, wanted, keep);
    for (let index = picked.length - 1; index >= 0; index--) yield picked[index] as string;
    if (picked.length < wanted) return;
    below = picked[0];
  }
  const rest = names.filter((name) => keep(name) && (below === undefined || name < below)).sort();
  for (let index = rest.length - 1; index >= 0; index--) yield rest[index] as string;
}

/** The `count` greatest kept names, ascending, in one pass with a small sorted buffer. */
function pickGreatest(names: readonly string[], count: number, keep: (name: string) => boolean): string[] {
  const picked: string[] = [];
  if (count <= 0) return picked;
  for (const name of names) {
    if (picked.length === count && name <= (picked[0] as string)) continue;
    if (!keep(name)) continue;
    let position = picked.length === count ? 1 : 0;
    while (position < picked.length && (picked[position] as string) < name) position++;
    if (picked.length === count) {
      picked.copyWithin(0, 1, position);
      picked[position - 1] = name;
    } else {
      picked.splice(position, 0, name);
    }
  }
  return picked;
}

/** Names already sorted ascending, newest first. */
export function* newestFirstOfSorted(
  sorted: readonly string[],
  keep: (name: string) => boolean = () => true,
): Generator<string, void, undefined> {
  for (let index = sorted.length - 1; index >= 0; index--) {
    const name = sorted[index] as string;
    if (keep(name)) yield name;
  }
}
