import { defineConfig } from 'vitest/config';

// Packages export their TypeScript sources under the "source" condition, so tests run
// against src/ without a build. Slow tests (real Docker engine, real provider SDK servers
// that spawn processes) are named *.int.test.ts and run as their own project.
const sourceConditions = ['source', 'node', 'import', 'default'];

// In CI a JSON report is written too: .ci/run reads its totals for the closing "N passed, N failed" line.
const reporters = process.env.VITEST_JSON_REPORT
  ? ['default', ['json', { outputFile: process.env.VITEST_JSON_REPORT }]]
  : ['default'];

export default defineConfig({
  resolve: { conditions: sourceConditions },
  ssr: { resolve: { conditions: sourceConditions, externalConditions: ['source'] } },
  test: {
    reporters: reporters as never,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'examples/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**', '**/dist/**'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: [
            'packages/*/src/**/*.int.test.ts',
            'packages/*/test/**/*.int.test.ts',
            'examples/**/*.int.test.ts',
          ],
          exclude: ['**/node_modules/**', '**/dist/**'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
