#!/usr/bin/env bash
# Generates the Prisma client into lib/generated/prisma.
# `prisma generate` needs no schema engine, but the CLI insists on a path to
# one; where Prisma's download host is unreachable any file will do.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -z "${PRISMA_SCHEMA_ENGINE_BINARY:-}" ]]; then
  placeholder="${TMPDIR:-/tmp}/heartlake-no-schema-engine"
  : >"$placeholder"
  export PRISMA_SCHEMA_ENGINE_BINARY="$placeholder"
fi
exec npx --no-install prisma generate
