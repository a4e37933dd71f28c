#!/usr/bin/env bash
# The whole test suite: installs Azurite and node-x12 (npm, pinned, into .tools/), restores NuGet packages, lints the Bicep
# templates, runs every test project, and ends with one line: "N passed, N failed[, N skipped]".
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
results="$root/.data/test-results"
rm -rf "$results" && mkdir -p "$results"
rm -f "$root/.data/reliability/figures.txt" # the reliability suite's figures, printed at the end

"$root/scripts/install-azurite.sh" || { echo "0 passed, 1 failed"; exit 1; }
"$root/scripts/install-node-x12.sh" || { echo "0 passed, 1 failed"; exit 1; }

# The operator console's browser tests drive Debian's Chromium (Playwright's own browser download is blocked here).
if [[ ! -x /usr/bin/chromium ]]; then
  echo "Installing Chromium with apt-get for the operator console's browser tests..."
  sudo_cmd=""
  [[ $(id -u) -ne 0 ]] && command -v sudo >/dev/null && sudo_cmd="sudo"
  if ! ($sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium) >"$results/chromium-install.log" 2>&1; then
    echo "Chromium could not be installed (see .data/test-results/chromium-install.log); the browser tests will fail."
  fi
fi

failures=0
if [[ -x "$root/scripts/lint-bicep.sh" ]]; then
  if ! "$root/scripts/lint-bicep.sh"; then
    echo "Bicep lint failed."
    failures=$((failures + 1))
  fi
fi

# Every test project but the reliability suite, in parallel; then the reliability suite alone, as its fault matrix
# holds `mlc run` processes to a deadline that other projects running beside it can make it miss on a small machine.
# (Built again here: the first run built it as a plain library.)
MLC_RELIABILITY_APART=true dotnet test MlConnector.sln --logger "trx" --results-directory "$results" -v quiet --nologo 2>&1 | tee "$results/dotnet-test.log" | grep -vE '^\s*$' | tail -n 200
test_exit=${PIPESTATUS[0]}
dotnet test tests/MlConnector.ReliabilityTests --logger "trx" --results-directory "$results" -v quiet --nologo 2>&1 | tee -a "$results/dotnet-test.log" | grep -vE '^\s*$' | tail -n 50
reliability_exit=${PIPESTATUS[0]}
[[ $test_exit -eq 0 ]] && test_exit=$reliability_exit

# A small benchmark run (seconds, not minutes): every figure beside its target goes to bench.json in the results folder,
# so runs of different commits can be compared. A missed target never fails the suite; a run that breaks does.
if dotnet run --no-build --project "$root/cli/MlConnector.Cli" -- bench --records 300 --procurify 0 --webhooks 0 --quick --json "$results/bench.json" >"$results/bench.log" 2>&1; then
  echo "Bench smoke run (300 records, rough figures): .data/test-results/bench.json"
else
  echo "The bench smoke run failed (see .data/test-results/bench.log)."
  failures=$((failures + 1))
fi

# Count from each test assembly's own summary line ("Passed!  - Failed: 0, Passed: 38, Skipped: 0, Total: 38").
read -r passed failed skipped < <(grep -E '(Passed|Failed)! +- Failed: ' "$results/dotnet-test.log" | sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\2 \1 \3/' |
  awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
failed=$((failed + failures))
if [[ $test_exit -ne 0 && $failed -eq 0 ]]; then
  echo "dotnet test exited with $test_exit (a build error or a crashed test host); counting it as a failure."
  failed=1
fi

if [[ -s "$root/.data/reliability/figures.txt" ]]; then
  echo "Reliability figures (fault matrix, 4 runtimes, bad-input corpus, secret scan):"
  sed 's/^/  /' "$root/.data/reliability/figures.txt"
fi

line="$passed passed, $failed failed"
[[ $skipped -gt 0 ]] && line="$line, $skipped skipped"
echo "$line"
[[ $failed -eq 0 && $passed -gt 0 ]]
