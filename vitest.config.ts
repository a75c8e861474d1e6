import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Every embedded database starts from one fresh cluster made here (tests/pglite-template.ts).
    globalSetup: ['tests/pglite-template.ts'],
    pool: 'forks',
    // Two cores: integration suites start servers and databases.
    maxWorkers: 2,
    // The JSON report lets .ci/run print one honest "N passed, N failed" line.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
})
