#!/usr/bin/env bash
# The integration suite runs once per database: always on SQLite, and on PostgreSQL too when
# TEST_DATABASE_URL=postgresql://… names a server where test databases can be created.
set -euo pipefail
TEST_DB_PROVIDER=sqlite npx vitest run --project integration "$@"
if [[ "${TEST_DATABASE_URL:-}" =~ ^postgres(ql)?:// ]]; then
  TEST_DB_PROVIDER=postgresql npx vitest run --project integration "$@"
else
  echo "integration: PostgreSQL skipped (set TEST_DATABASE_URL=postgresql://… to run it)"
fi
