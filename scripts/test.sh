#!/usr/bin/env bash
# The whole test suite: installs Azurite and node-x12 (npm, pinned, into .tools/), restores NuGet packages, lints the Bicep
# templates, runs every test project, and ends with one line: "N passed, N failed[, N skipped]".
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
results="$root/.data/test-results"
rm -rf "$results" && mkdir -p "$results"

"$root/scripts/install-azurite.sh" || { echo "0 passed, 1 failed"; exit 1; }
"$root/scripts/install-node-x12.sh" || { echo "0 passed, 1 failed"; exit 1; }

failures=0
if [[ -x "$root/scripts/lint-bicep.sh" ]]; then
  if ! "$root/scripts/lint-bicep.sh"; then
    echo "Bicep lint failed."
    failures=$((failures + 1))
  fi
fi

dotnet test MlConnector.sln --logger "trx" --results-directory "$results" -v quiet --nologo 2>&1 | tee "$results/dotnet-test.log" | grep -vE '^\s*$' | tail -n 200
test_exit=${PIPESTATUS[0]}

# Count from each test assembly's own summary line ("Passed!  - Failed: 0, Passed: 38, Skipped: 0, Total: 38").
read -r passed failed skipped < <(grep -E '(Passed|Failed)! +- Failed: ' "$results/dotnet-test.log" | sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\2 \1 \3/' |
  awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
failed=$((failed + failures))
if [[ $test_exit -ne 0 && $failed -eq 0 ]]; then
  echo "dotnet test exited with $test_exit (a build error or a crashed test host); counting it as a failure."
  failed=1
fi

line="$passed passed, $failed failed"
[[ $skipped -gt 0 ]] && line="$line, $skipped skipped"
echo "$line"
[[ $failed -eq 0 && $passed -gt 0 ]]
