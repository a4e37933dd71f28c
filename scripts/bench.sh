#!/usr/bin/env bash
# The benchmark: installs Azurite into .tools/, then `mlc bench` starts it with its data in a scratch folder (tmpfs), measures its raw ceiling,
# runs the engine with an instant and a 100 ms sink and the procurify-x3 flow against the simulators, and prints
# each number beside its target. Options pass through, e.g. `scripts/bench.sh --memory-sweep --procurify 10000`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
"$root/scripts/install-azurite.sh"
exec dotnet run --project cli/MlConnector.Cli -c Release -- bench "$@"
