#!/usr/bin/env bash
# Every check the README promises: lint, types, unit + integration tests, build, bundle budget,
# Playwright end-to-end in Chromium. Fails on the first failing step; prints a plain
# "N passed, N failed" line at the end for CI.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf reports && mkdir -p reports

step() { printf '\n\033[1m== %s\033[0m\n' "$1"; }

step "lint"
npx eslint --max-warnings=0 .
step "format"
npx prettier --check . >/dev/null || { npx prettier --check . | tail -20; exit 1; }
step "typecheck"
# One command per project: under `set -e` a failure inside an `a && b && c` list (not its last command)
# does not stop the script, which once let type errors through this step.
npx tsc -p tsconfig.web.json
npx tsc -p tsconfig.node.json
npx tsc -p tsconfig.test.json
npx tsc -p tsconfig.tools.json
step "unit and integration tests (vitest)"
npx vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json
step "build"
npx vite build --logLevel warn
npx vite build --config vite.server.config.ts
if [ -f scripts/check-bundle.mjs ]; then
  step "bundle budget"
  node scripts/check-bundle.mjs
fi
step "end-to-end tests (Playwright, Chromium)"
PLAYWRIGHT_JSON_OUTPUT_NAME=reports/e2e.json npx playwright test --reporter=list,json
step "summary"
node scripts/summarize-tests.mjs
