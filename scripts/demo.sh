#!/usr/bin/env bash
# The demo: installs Azurite into .tools/, then `mlc demo` starts it (data kept in .data/azurite), starts the
# simulators and the local runtime, runs every wired flow once, and prints what was written, rejected and poisoned.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
"$root/scripts/install-azurite.sh"
exec dotnet run --project cli/MlConnector.Cli -c Release -- demo "$@"
