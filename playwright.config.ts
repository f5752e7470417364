import { defineConfig } from "@playwright/test";

/** The app as a person sees it, against the real stack. */
const APP_PORT = 3100;
/** The same build, told to use a Kafka that is not there: the app must stay up and say so. */
const DEGRADED_PORT = 3101;

export default defineConfig({
  testDir: "e2e",
  forbidOnly: true,
  retries: 0,
  workers: 1,
  timeout: 60_000,
  outputDir: "test-results/e2e",
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }], ["html", { open: "never" }]],
  use: {
    baseURL: `http://127.0.0.1:${APP_PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      // Debian's Chromium; Playwright's own browser download is never used.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: [
    {
      command: "npm start",
      url: `http://127.0.0.1:${APP_PORT}/`,
      env: { PORT: String(APP_PORT), HOST: "127.0.0.1" },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe",
    },
    {
      command: "npm start",
      url: `http://127.0.0.1:${DEGRADED_PORT}/`,
      env: {
        PORT: String(DEGRADED_PORT),
        HOST: "127.0.0.1",
        KAFKA_BROKERS: "127.0.0.1:1",
        KAFKA_PUBLISH_TIMEOUT_MS: "3000",
      },
      reuseExistingServer: false,
      timeout: 120_000,
    },
  ],
});
