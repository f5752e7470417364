#!/usr/bin/env bash
# Runs every test HeartLake has, against the real stack:
#   lint and types, unit tests, integration tests (Kafka, HDFS, PostgreSQL),
#   a production build, and end-to-end tests in Debian's Chromium.
# Services that were not running are started first and stopped at the end;
# ones already running are left alone. The last line sums up every test.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/stack/lib.sh
set +e # run every phase, then report them all

export NEXT_TELEMETRY_DISABLED=1
RESULTS="test-results"
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
failed_phases=()
started=()

phase() {
  local name="$1"; shift
  say "── $name"
  local t0=$SECONDS
  if "$@"; then say "── $name ok ($((SECONDS - t0)) s)"; else failed_phases+=("$name"); say "── $name FAILED ($((SECONDS - t0)) s)"; fi
}

stop_started() {
  ((${#started[@]})) && bash scripts/stack.sh down "${started[@]}"
}

bash scripts/ensure-deps.sh || exit 1
[[ -x "$CHROMIUM" ]] || die "Chromium not found at $CHROMIUM: install Debian's (apt-get install chromium) or set CHROMIUM_PATH; tests never download a browser"

for s in postgres kafka hdfs; do bash scripts/stack.sh status "$s" >/dev/null 2>&1 || started+=("$s"); done
trap stop_started EXIT
if ((${#started[@]})); then bash scripts/stack.sh up "${started[@]}" || exit 1; fi
npm run --silent db:migrate || exit 1

rm -rf "$RESULTS" && mkdir -p "$RESULTS"
phase "lint and types" npm run --silent lint
phase "unit and integration tests" npx vitest run --reporter=default --reporter=json --outputFile.json="$RESULTS/vitest.json"
phase "production build" npm run --silent build
phase "end-to-end tests" npx playwright test

node scripts/test-summary.mjs "$RESULTS/vitest.json" "$RESULTS/e2e.json"
if ((${#failed_phases[@]})); then
  say "failed: ${failed_phases[*]}"
  exit 1
fi
