// Shared measuring helpers for every *.bench.js file: timing, medians, percentiles, the table and
// the JSON file. Figures are wall-clock milliseconds from performance.now().
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const resultsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'results');

/** Runs `fn` `warmup` times unmeasured, then `iterations` times; returns the samples in ms. */
export async function sample(fn, { iterations = 200, warmup = 10 } = {}) {
  for (let index = 0; index < warmup; index++) await fn(index);
  const samples = [];
  for (let index = 0; index < iterations; index++) {
    const started = performance.now();
    await fn(index);
    samples.push(performance.now() - started);
  }
  return samples;
}

export function percentile(samples, fraction) {
  const sorted = [...samples].sort((a, b) => a - b);
  const position = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[position];
}

export const median = (samples) => percentile(samples, 0.5);

/**
 * Summarises named sample sets into rows. Each row's ratio is its median over its baseline's
 * median (the baseline was measured in the same run, on the same machine).
 */
export function summarise(cases) {
  const medians = new Map(cases.map((entry) => [entry.name, median(entry.samples)]));
  return cases.map((entry) => {
    const medianMs = medians.get(entry.name);
    const baseline = entry.baseline ? medians.get(entry.baseline) : undefined;
    return {
      ...entry.labels,
      case: entry.case ?? entry.name,
      median_ms: round(medianMs),
      p95_ms: round(percentile(entry.samples, 0.95)),
      runs: entry.samples.length,
      baseline: entry.baseline ?? null,
      ratio_to_baseline: baseline ? round(medianMs / baseline, 3) : null,
      target: entry.target ?? null,
    };
  });
}

export function round(value, digits = 3) {
  return value === undefined ? null : Number(value.toFixed(digits));
}

/** Prints rows as an aligned table. */
export function printTable(title, rows) {
  if (rows.length === 0) return;
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const text = (value) => (value === null || value === undefined ? '-' : String(value));
  const widths = columns.map((column) =>
    Math.max(column.length, ...rows.map((row) => text(row[column]).length)),
  );
  const line = (cells) => cells.map((cell, index) => cell.padEnd(widths[index])).join('  ');
  console.log(`\n${title}`);
  console.log(line(columns));
  console.log(line(widths.map((width) => '-'.repeat(width))));
  for (const row of rows) console.log(line(columns.map((column) => text(row[column]))));
}

/** Writes rows to bench/results/<name>.json. */
export async function writeResults(name, rows) {
  await mkdir(resultsDir, { recursive: true });
  const file = join(resultsDir, `${name}.json`);
  await writeFile(file, `${JSON.stringify(rows, null, 2)}\n`);
  return file;
}
