#!/usr/bin/env bash
# Installs the pinned node-x12 (an X12 parser that is not ours: the Stedi tests check the simulator's interchanges
# with it) from npm into .tools/node-x12 (ignored by git). Safe to run repeatedly.
set -euo pipefail
NODE_X12_VERSION="1.7.1"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
prefix="$root/.tools/node-x12"
if grep -q "\"version\": \"$NODE_X12_VERSION\"" "$prefix/node_modules/node-x12/package.json" 2>/dev/null; then
  exit 0
fi
command -v npm >/dev/null || { echo "npm is required to install node-x12 (Node.js 18 or later)." >&2; exit 1; }
echo "Installing node-x12 $NODE_X12_VERSION into .tools/node-x12 ..."
mkdir -p "$prefix"
npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error "node-x12@$NODE_X12_VERSION" >/dev/null 2>&1 || npm install --prefix "$prefix" --no-audit --no-fund "node-x12@$NODE_X12_VERSION"
test -f "$prefix/node_modules/node-x12/index.js"
