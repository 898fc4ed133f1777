import { defineConfig } from 'vitest/config'

/**
 * Three kinds of test (README, "Tests"):
 * - unit: pure functions and in-memory pieces, no I/O;
 * - integration: the real server code over HTTP against a real FerretDB (never mocked);
 * - e2e: the app as `npm start` runs it (h5 build, server, embedded database), driven
 *   in Debian Chromium.
 */
export default defineConfig({
  test: {
    // reports/vitest.json feeds the pass/fail line that .ci/run prints.
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/globalDatabase.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/globalServer.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
