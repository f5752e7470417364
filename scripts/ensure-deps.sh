#!/usr/bin/env bash
# Installs npm packages when node_modules is missing or older than the lock file.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v node >/dev/null 2>&1 || { echo "[deps] Node.js 20.19+ is required (https://nodejs.org or apt-get install nodejs)" >&2; exit 1; }
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "[deps] installing npm packages"
  # Not `npm ci`: npm 11.19 writes lock files with only this platform's
  # optional binaries (next, tailwind) and `npm ci` then refuses the very
  # lock file it wrote. `npm install` installs the locked versions all the same.
  npm install --no-audit --no-fund
fi
