#!/usr/bin/env bash
# Builds and lints every .bicep file under infra/ with the Bicep CLI pinned in Directory.Packages.props,
# obtained by NuGet restore (infra/tools/BicepCli.csproj). Fails on any warning or error.
# Works offline: the templates use no registry modules and infra/bicepconfig.json turns off the
# analyzer rules that would consult the network or today's date (use-recent-module-versions,
# use-recent-api-versions), so the same commit always lints the same way.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
package_id="azure.bicep.commandline.linux-x64"

version="$(sed -n 's/.*Include="Azure.Bicep.CommandLine.linux-x64" Version="\([^"]*\)".*/\1/p' "$root/Directory.Packages.props")"
if [[ -z "$version" ]]; then
  echo "lint-bicep: no Azure.Bicep.CommandLine.linux-x64 version pinned in Directory.Packages.props" >&2
  exit 2
fi

packages="${NUGET_PACKAGES:-}"
if [[ -z "$packages" ]]; then
  packages="$(dotnet nuget locals global-packages --list | sed -n 's/^global-packages: *//p')"
fi
bicep="${packages%/}/$package_id/$version/tools/bicep"

if [[ ! -x "$bicep" ]]; then
  echo "lint-bicep: restoring Bicep CLI $version from NuGet..."
  dotnet restore "$root/infra/tools/BicepCli.csproj" --nologo --verbosity quiet
  chmod +x "$bicep" 2>/dev/null || true
fi
if [[ ! -x "$bicep" ]]; then
  echo "lint-bicep: Bicep CLI not found at $bicep after restore" >&2
  exit 2
fi

file_count="$(find "$root/infra" -name '*.bicep' -not -path '*/obj/*' -not -path '*/bin/*' | wc -l)"
if [[ "$file_count" -eq 0 ]]; then
  echo "lint-bicep: no .bicep files under infra/" >&2
  exit 2
fi

# One process per command (the CLI takes a few seconds to start); diagnostics go to stderr.
out_dir="$(mktemp -d)"
trap 'rm -rf "$out_dir"' EXIT
cd "$root"
failed=0
report=""
for command in build lint; do
  args=("$command" --no-restore --pattern 'infra/**/*.bicep')
  if [[ "$command" == build ]]; then
    args+=(--outdir "$out_dir")
  fi
  set +e
  output="$("$bicep" "${args[@]}" 2>&1 >/dev/null)"
  status=$?
  set -e
  if [[ $status -ne 0 || -n "$output" ]]; then
    echo "lint-bicep: bicep $command (exit $status):"
    printf '%s\n' "$output"
    failed=1
    report+="$output"$'\n'
  fi
done

if [[ $failed -ne 0 ]]; then
  warnings="$(grep -cE ' : Warning ' <<<"$report" || true)"
  errors="$(grep -cE ' : Error ' <<<"$report" || true)"
  echo "lint-bicep: FAILED: $file_count file(s), Bicep $version, $warnings warning(s), $errors error(s)"
  exit 1
fi
echo "lint-bicep: OK: $file_count file(s) built and linted with Bicep $version, 0 warnings, 0 errors"
