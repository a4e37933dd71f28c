#!/usr/bin/env bash
# The fault matrix's long variant: `scripts/chaos.sh --records 10000` runs that many records (seven in ten polled from
# Procurify, three in ten Adobe Commerce webhooks) through `mlc run` processes on Azurite while X3 throttles, fails,
# times out and drops connections after applying writes, tokens are revoked, Azurite restarts and runtimes are killed
# with SIGKILL. Prints lost / duplicated / stuck and the faults injected; exits non-zero unless all are 0.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
records=10000
while [[ $# -gt 0 ]]; do
  case "$1" in
    --records) records="$2"; shift 2 ;;
    *) echo "usage: scripts/chaos.sh [--records N]" >&2; exit 2 ;;
  esac
done

cd "$root"
"$root/scripts/install-azurite.sh"
mkdir -p "$root/.data/reliability"
rm -f "$root/.data/reliability/figures.txt"
status=0
MLC_CHAOS_RECORDS="$records" dotnet test tests/MlConnector.ReliabilityTests --nologo -v quiet \
  --filter "FullyQualifiedName~FaultMatrixTests.The_long_variant" --logger "console;verbosity=normal" || status=$?
cat "$root/.data/reliability/figures.txt" 2>/dev/null || echo "no figures were written (did the build fail?)"
exit $status
