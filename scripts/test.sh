#!/usr/bin/env bash
# THE test command (README, CI): installs what the tests need, builds once, runs every test project,
# and ends with the line "N passed, N failed[, N skipped]". Exit status 0 only if nothing failed and
# at least one test ran. Logs, screenshots and .trx results go to .artifacts/.
#   bash scripts/test.sh                 # everything
#   bash scripts/test.sh --filter Name~X # extra arguments go to every `dotnet test`
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ARTIFACTS="$ROOT/.artifacts"
RESULTS="$ARTIFACTS/test-results"
CONFIGURATION="${CONFIGURATION:-Release}"
# A hung test is killed (and reported failed) instead of eating CI's 90 minutes.
HANG_TIMEOUT="${TEST_HANG_TIMEOUT:-5m}"

export NO_PROXY="127.0.0.1,localhost${NO_PROXY:+,$NO_PROXY}"
export no_proxy="$NO_PROXY"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export TEST_ARTIFACTS_DIR="$ARTIFACTS"

# shellcheck source=lib/node-tools.sh
source "$ROOT/scripts/lib/node-tools.sh"

summary_and_exit() {
  # The summary line must stay the last line of output.
  echo "$1"
  exit "$2"
}

cd "$ROOT"
mkdir -p "$ARTIFACTS"
# Evidence of this run only: results, server logs, screenshots.
rm -rf "$RESULTS" "$ARTIFACTS/playground" "$ARTIFACTS/browser" "$ARTIFACTS/screenshots" "$ARTIFACTS"/test-*.log
mkdir -p "$RESULTS"
RUN_STARTED=$SECONDS
echo "== test run: $(date -u +%Y-%m-%dT%H:%M:%SZ), dotnet $(dotnet --version 2>/dev/null || echo missing), node $(node --version 2>/dev/null || echo missing), CI=${CI:-}"

# (a) npm test tools: Azurite, Agents Playground, Adaptive Cards, playwright-core.
if ! ensure_node_tools "$ROOT"; then
  echo "error: could not install the node test tools (see above)." >&2
  summary_and_exit "0 passed, 0 failed" 1
fi

# (b) Debian packages: Chromium for the browser tests (never `playwright install`), LibreOffice, poppler, Thai fonts.
as_root=""
if [ "$(id -u)" != "0" ] && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root="sudo -n"
fi
# Debian packages the tests use: Chromium (browser tests), LibreOffice headless and poppler (the Word report is
# converted to PDF and read back), and the TLWG Thai fonts (Thai in screenshots and PDFs instead of empty boxes;
# Laksaman is metric-compatible with TH Sarabun New).
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
{ command -v pdftotext && command -v pdftoppm && command -v pdffonts; } >/dev/null 2>&1 || missing+=(poppler-utils)
[ -f /usr/share/fonts/truetype/tlwg/Laksaman.ttf ] || missing+=(fonts-thai-tlwg)
if [ "${#missing[@]}" -eq 0 ]; then
  echo "debian tools: chromium, libreoffice, poppler, fonts-thai-tlwg present"
elif { [ "$(id -u)" = "0" ] || [ -n "$as_root" ]; } && command -v apt-get >/dev/null 2>&1; then
  echo "debian tools: installing ${missing[*]} with apt-get (takes a few minutes) ..."
  started=$SECONDS
  if $as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >"$ARTIFACTS/apt-get.log" 2>&1 &&
     $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" fonts-thai-tlwg >>"$ARTIFACTS/apt-get.log" 2>&1; then
    echo "debian tools: installed in $((SECONDS - started)) s"
  else
    echo "warning: apt-get could not install ${missing[*]} (log: .artifacts/apt-get.log)." >&2
  fi
else
  echo "warning: ${missing[*]} missing and apt-get cannot run here (not root, no password-less sudo)." >&2
  echo "         Install them with: sudo apt-get install chromium libreoffice-writer-nogui poppler-utils fonts-thai-tlwg" >&2
fi
for tool in chromium soffice pdftotext; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    if [ "${CI:-}" = "true" ]; then
      echo "warning: CI=true, so the tests that need $tool will FAIL without it (they never pass silently)." >&2
    else
      echo "note: the tests that need $tool will be reported as skipped (outside CI only)." >&2
    fi
  fi
done

# (c) Build once.
echo "== dotnet build ($CONFIGURATION)"
if ! dotnet build "$ROOT/SocialProtection.Bot.sln" -c "$CONFIGURATION" -nologo -clp:"ErrorsOnly;Summary" \
     >"$ARTIFACTS/build.log" 2>&1; then
  grep -E "error [A-Z]+[0-9]+|error:" "$ARTIFACTS/build.log" | sort -u | head -50 >&2
  echo "error: build failed (full log: .artifacts/build.log)." >&2
  summary_and_exit "0 passed, 0 failed" 1
fi
echo "build: ok"

# (d) Test each test project of the solution, one after the other (they start servers and browsers:
# running them side by side on a 2-core machine only makes timing-sensitive waits flaky).
mapfile -t projects < <(dotnet sln "$ROOT/SocialProtection.Bot.sln" list | grep -E '\.Tests\.csproj$' | tr '\\' '/')
if [ "${#projects[@]}" -eq 0 ]; then
  echo "error: no test projects (*.Tests.csproj) in the solution." >&2
  summary_and_exit "0 passed, 0 failed" 1
fi

crashed=0
for project in "${projects[@]}"; do
  name="$(basename "$project" .csproj)"
  echo "== dotnet test $name"
  started=$SECONDS
  dotnet test "$ROOT/$project" -c "$CONFIGURATION" --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
    --results-directory "$RESULTS" \
    --blame-hang-timeout "$HANG_TIMEOUT" --blame-hang-dump-type none \
    "$@" >"$ARTIFACTS/test-$name.log" 2>&1
  status=$?
  log="$ARTIFACTS/test-$name.log"
  # Each failed test with the first lines of its error, then the project's totals.
  grep -E -A 3 "^  Failed [A-Za-z_]" "$log" | head -200
  grep -E "^  Skipped [A-Za-z_]|^Total tests:|^ +(Passed|Failed|Skipped): |^Test Run (Successful|Failed|Aborted)|The active test run was aborted|Test host process crashed|inactivity time|No test is available|No test matches" "$log" | head -50
  echo "   ($((SECONDS - started)) s, exit $status, full log .artifacts/test-$name.log)"
  failed_in_trx=0
  if [ -f "$RESULTS/$name.trx" ]; then
    failed_in_trx="$(grep -oE '<UnitTestResult [^>]*outcome="(Failed|Error|Timeout|Aborted)"' "$RESULTS/$name.trx" | wc -l)"
  fi
  if [ "$status" -ne 0 ] && [ "$failed_in_trx" -eq 0 ]; then
    # Non-zero exit with no failed test on record: the run crashed, hung or did not start.
    hung="$(grep -A 1 "The test running when the crash occurred" "$log" | tail -1)"
    echo "error: $name did not complete (exit $status${hung:+; running: $hung}); counted as one failure." >&2
    crashed=$((crashed + 1))
  fi
done

# (e) Sum the .trx results; the last line is the summary.
echo "== total time $((SECONDS - RUN_STARTED)) s; artifacts in .artifacts/"
node "$ROOT/tools/trx-summary.mjs" "$RESULTS" "$crashed"
exit $?
