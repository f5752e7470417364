// Adds up the Vitest and Playwright JSON reports into one closing line,
// "tests: N passed, N failed, N skipped", which CI reads.
// Usage: node scripts/test-summary.mjs <vitest.json> <playwright.json>
import { existsSync, readFileSync } from "node:fs";

const [vitestPath, playwrightPath] = process.argv.slice(2);
const totals = { passed: 0, failed: 0, skipped: 0 };

function read(path) {
  return path && existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : undefined;
}

const vitest = read(vitestPath);
if (vitest) {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests;
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
}

const playwright = read(playwrightPath);
if (playwright) {
  totals.passed += playwright.stats.expected + playwright.stats.flaky;
  totals.failed += playwright.stats.unexpected;
  totals.skipped += playwright.stats.skipped;
}

for (const [name, report] of [
  ["vitest", vitest],
  ["playwright", playwright],
]) {
  if (!report) console.log(`(no ${name} report: that phase did not run to the end)`);
}
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
