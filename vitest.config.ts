import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Keep the 2-core CI machine responsive: the browser tests launch Chromium.
    maxWorkers: 2,
    // A global fetch that refuses everything but loopback (test/setup/no-network.ts).
    setupFiles: ['test/setup/no-network.ts'],
    // The conformance corpus is read in place (../shared/conformance or $VB_CONFORMANCE):
    // without it, one clear error instead of a failure in every test that reads it.
    globalSetup: ['test/setup/corpus.ts'],
    // CI prints a one-line "N passed, N failed" summary from the JSON report.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
