#!/bin/sh
# Lints an OpenAPI document with Spectral (pinned in the repo's package-lock.json) against .spectral.yaml beside
# this script; any warning or error fails.
# Usage: lint.sh <repo-root> <document>
# Runs `npm ci` only when node_modules lacks spectral (a checkout whose node_modules predates it), so repeated
# builds stay fast.
set -eu
ROOT=$(cd "$1" && pwd)
DOC=$2
HERE=$(cd "$(dirname "$0")" && pwd)
if [ ! -x "$ROOT/node_modules/.bin/spectral" ]; then
  echo "lint.sh: node_modules/.bin/spectral missing, running npm ci in $ROOT"
  (cd "$ROOT" && npm ci --no-audit --no-fund)
fi
exec "$ROOT/node_modules/.bin/spectral" lint --ruleset "$HERE/.spectral.yaml" --fail-severity=warn --display-only-failures "$DOC"
