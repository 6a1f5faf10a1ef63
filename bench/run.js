// `pnpm bench [area...]`: runs bench/<area>.bench.js files (all of them by default). Each exports
// `async function bench({ iterations })` that prints its table and writes bench/results/<area>.json.
// Packages are imported from their builds: run `pnpm build` first.
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2).filter((argument) => !argument.startsWith('-'));
const quick = process.argv.includes('--quick');
const files = (await readdir(here)).filter((file) => file.endsWith('.bench.js')).sort();
const selected = files.filter(
  (file) => wanted.length === 0 || wanted.includes(file.replace('.bench.js', '')),
);
if (selected.length === 0) {
  console.error(
    `No benchmark matches ${wanted.join(', ')}; available: ${files.map((f) => f.replace('.bench.js', '')).join(', ')}`,
  );
  process.exit(2);
}
let failed = false;
for (const file of selected) {
  const module = await import(pathToFileURL(join(here, file)).href);
  try {
    await module.bench({ quick });
  } catch (error) {
    failed = true;
    console.error(`\n${file} failed: ${error?.stack ?? error}`);
  }
}
process.exit(failed ? 1 : 0);
