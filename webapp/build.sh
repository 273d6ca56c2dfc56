#!/bin/sh
# Called by Maven (webapp/pom.xml): installs the locked packages with the machine's own npm when the lock file
# changed since the last install, then runs one npm script (build or test).
set -eu
cd "$(dirname "$0")"
if [ "${2:-false}" = true ]; then
  echo "[webapp] skipped (-Dwebapp.skip=true): the WAR carries no web app"
  exit 0
fi
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
exec npm run --silent "$1"
