/** Cuts text into pieces of `size` characters (code points, so emoji and accents stay whole). */
export function splitIntoChunks(text: string, size: number): string[] {
  const characters = Array.from(text);
  const chunks: string[] = [];
  for (let start = 0; start < characters.length; start += Math.max(1, size)) {
    chunks.push(characters.slice(start, start + Math.max(1, size)).join(''));
  }
  return chunks;
}
