import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // One temporary folder per run, removed at its end (test/support/temp-root.ts).
    globalSetup: ['test/support/temp-root.ts'],
    // The JSON report feeds the plain "N passed, N failed" line CI reads (scripts/test-summary.mjs).
    reporters: ['default', ['json', { outputFile: 'test/artifacts/vitest.json' }]],
  },
});
