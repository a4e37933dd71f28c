#!/usr/bin/env bash
# The benchmark: installs Azurite into .tools/, then `mlc bench` starts it with its data in a scratch folder (tmpfs), measures its raw ceiling before and after each run,
# runs the engine with an instant and a 100 ms sink and the procurify-x3 flow against the simulators, and prints
# each number beside its target. Options pass through, e.g. `scripts/bench.sh --sizes 3000,20000,100000 --procurify 10000 --json out.json`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
"$root/scripts/install-azurite.sh"
exec dotnet run --project cli/MlConnector.Cli -c Release -- bench "$@"
