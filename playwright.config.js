// Playwright e2e against the release build in dist/ (`trunk build --release`), served by
// scripts/spa_server.py (SPA fallback for client-side routes). Uses Debian's /usr/bin/chromium:
// NEVER run `npx playwright install` (it downloads from a CDN that is unreachable here).
const { defineConfig } = require('@playwright/test');
const { execFileSync } = require('child_process');

// A free port, chosen once in the main process and inherited by the workers through the env.
if (!process.env.E2E_PORT) {
  process.env.E2E_PORT = execFileSync('python3', ['-c',
    'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])',
  ]).toString().trim();
}
// A second free port for tests/server/feed_server.py (failure modes of the feed, issue 7).
if (!process.env.E2E_FEED_PORT) {
  process.env.E2E_FEED_PORT = execFileSync('python3', ['-c',
    'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])',
  ]).toString().trim();
}
const PORT = process.env.E2E_PORT;
const DIST = process.env.DIST_DIR || 'dist';

module.exports = defineConfig({
  testDir: './tests/e2e',
  outputDir: 'test-results',           // screenshots/traces of failed tests land here
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: Number(process.env.E2E_WORKERS || 1),  // 2-core machine (see docs/tooling.md)
  reporter: [
    ['list'],
    ['json', { outputFile: process.env.E2E_JSON || 'playwright-report/results.json' }],
  ],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      // Fixed fonts (tests/fonts/fonts.conf): the same text metrics and screenshots on every machine.
      env: { ...process.env, FONTCONFIG_FILE: require('path').join(__dirname, 'tests/fonts/fonts.conf') },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: [{
    command: `python3 scripts/spa_server.py ${PORT} ${DIST}`,
    url: `http://127.0.0.1:${PORT}/`,
    // tests/e2e/embed.spec.js embeds the app from a host page on another local port
    env: { VEIKART_FRAME_ANCESTORS: "'self' http://127.0.0.1:*" },
    reuseExistingServer: false,
    timeout: 20_000,
    stdout: 'ignore',
    stderr: 'pipe',
  }, {
    command: `python3 tests/server/feed_server.py ${process.env.E2E_FEED_PORT} ${DIST}`,
    url: `http://127.0.0.1:${process.env.E2E_FEED_PORT}/__test/stats`,
    reuseExistingServer: false,
    timeout: 20_000,
    stdout: 'ignore',
    stderr: 'pipe',
  }],
});
