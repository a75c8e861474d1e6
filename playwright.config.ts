import { defineConfig } from '@playwright/test'

// Chromium comes from Debian (/usr/bin/chromium) — test tools may not download browsers here.
export const CHROMIUM_PATH = process.env.SEVA_CHROMIUM ?? '/usr/bin/chromium'

export default defineConfig({
  testDir: 'tests/e2e',
  // Not test-results itself: Playwright empties its output folder, and vitest's JSON report lives there.
  outputDir: 'test-results/playwright',
  // Every spec's server starts from one fresh database cluster made here (tests/pglite-template.ts).
  globalSetup: './tests/pglite-template.ts',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  // Two spec files at once: each has its own stack (ports, data directories), and a stack
  // spends most of its time waiting (polls, event streams), so one file leaves a core idle.
  // The tests inside a file still run in order on the file's stack.
  workers: 2,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    headless: true,
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    },
    trace: 'retain-on-failure',
  },
})
