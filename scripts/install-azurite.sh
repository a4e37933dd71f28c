#!/usr/bin/env bash
# Installs the pinned Azurite from npm into .tools/azurite (ignored by git). Safe to run repeatedly.
set -euo pipefail
AZURITE_VERSION="3.35.0"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
prefix="$root/.tools/azurite"
bin="$prefix/node_modules/.bin/azurite"
if [[ -x "$bin" ]] && grep -q "\"version\": \"$AZURITE_VERSION\"" "$prefix/node_modules/azurite/package.json" 2>/dev/null; then
  exit 0
fi
command -v npm >/dev/null || { echo "npm is required to install Azurite (Node.js 18 or later)." >&2; exit 1; }
echo "Installing Azurite $AZURITE_VERSION into .tools/azurite ..."
mkdir -p "$prefix"
npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error "azurite@$AZURITE_VERSION" >/dev/null 2>&1 || npm install --prefix "$prefix" --no-audit --no-fund "azurite@$AZURITE_VERSION"
test -x "$bin"
