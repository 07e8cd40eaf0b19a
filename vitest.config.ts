import { defineConfig } from 'vitest/config';

// Three suites (DESIGN.md "Tests"): unit (pure functions, fakes), integration (the core on real files, the real
// ML host), e2e (the built renderer in Debian's Chromium against `selfie-lab serve`). `npm test` runs all three.
export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], testTimeout: 30_000 } },
      { test: { name: 'integration', include: ['test/integration/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 60_000 } },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // Builds the demo project once; page tests copy it (test/support/demo-session.ts).
          globalSetup: ['./test/support/e2e-global-setup.ts'],
          testTimeout: 240_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
