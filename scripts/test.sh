#!/usr/bin/env bash
# `npm test`: everything CI needs, cheapest first. Integration tests also run on PostgreSQL when
# TEST_DATABASE_URL=postgresql://… is set (.ci/run sets it).
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1

section() { printf '\n=== %s ===\n' "$1"; }

section "typecheck";            npm run --silent typecheck
section "lint";                 npm run --silent lint
section "schema and migrations"; npm run --silent db:check
section "unit tests";           npm run --silent test:unit
section "integration tests";    npm run --silent test:integration
section "end-to-end tests";     npm run --silent test:e2e
