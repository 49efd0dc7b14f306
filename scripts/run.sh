#!/usr/bin/env bash
# The README's "run the bot" command: builds and starts the bot on http://127.0.0.1:3978 (local mode: no
# app id, no channel authentication) and the Microsoft 365 Agents Playground pointed at it, prints the URL
# to open in a browser, and stops both on Ctrl+C.
#   bash scripts/run.sh                    # bot + Playground
#   bash scripts/run.sh --playground-only  # Playground only: you run the bot yourself (e.g. in a debugger)
# Environment: BOT_PORT (default 3978), PLAYGROUND_PORT (default: a free port below 32768).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOGS="$ROOT/.artifacts/run"
BOT_PORT="${BOT_PORT:-3978}"
PLAYGROUND_ONLY=false
case "${1:-}" in
  "") ;;
  --playground-only) PLAYGROUND_ONLY=true ;;
  -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
  *) echo "unknown option: $1 (try --help)" >&2; exit 2 ;;
esac

export NO_PROXY="127.0.0.1,localhost${NO_PROXY:+,$NO_PROXY}"
export no_proxy="$NO_PROXY"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# shellcheck source=lib/node-tools.sh
source "$ROOT/scripts/lib/node-tools.sh"

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 12768))
    if ! port_in_use "$port"; then echo "$port"; return 0; fi
  done
  echo "error: no free port found below 32768" >&2
  return 1
}

BOT_PID=""
PLAYGROUND_PID=""
WORKDIR=""

stop_group() {
  # Each child runs in its own session (setsid): signal its whole process group, then insist.
  # Background jobs of a script inherit SIGINT as ignored (and .NET keeps it so): stop the bot with TERM;
  # the Playground handles INT itself (it flushes and exits).
  local pid="$1" name="$2" signal="$3"
  [ -n "$pid" ] || return 0
  kill -0 "$pid" 2>/dev/null || return 0
  kill "-$signal" -- "-$pid" 2>/dev/null || kill "-$signal" "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || { echo "stopped $name"; return 0; }
    sleep 0.2
  done
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  echo "killed $name"
}

cleanup() {
  # Ignore further Ctrl+C while stopping: an impatient second one must not leave the bot orphaned.
  trap '' INT TERM
  trap - EXIT
  echo
  stop_group "$PLAYGROUND_PID" "the Agents Playground" INT
  stop_group "$BOT_PID" "the bot" TERM
  [ -n "$WORKDIR" ] && rm -rf "$WORKDIR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$LOGS"
ensure_node_tools "$ROOT"
PLAYGROUND_CLI="$ROOT/tools/node_modules/@microsoft/m365agentsplayground/cli.js"
[ -f "$PLAYGROUND_CLI" ] || { echo "error: $PLAYGROUND_CLI is missing after npm ci" >&2; exit 1; }

if [ "$PLAYGROUND_ONLY" = false ]; then
  if port_in_use "$BOT_PORT"; then
    echo "error: something already listens on 127.0.0.1:$BOT_PORT (another bot?). Stop it, or use --playground-only to talk to it." >&2
    exit 1
  fi
  echo "building the bot ..."
  dotnet build "$ROOT/src/SocialProtection.Bot.Host" -nologo -v quiet -clp:"ErrorsOnly" >"$LOGS/build.log" 2>&1 ||
    { cat "$LOGS/build.log" >&2; echo "error: build failed" >&2; exit 1; }
  echo "starting the bot on http://127.0.0.1:$BOT_PORT (log: .artifacts/run/bot.log) ..."
  # Local mode (no app id) starts only in Development and on loopback: say both, whatever the shell has set.
  setsid env ASPNETCORE_ENVIRONMENT=Development dotnet run --project "$ROOT/src/SocialProtection.Bot.Host" --no-build --launch-profile bot -- --urls "http://127.0.0.1:$BOT_PORT" \
    > >(tee "$LOGS/bot.log") 2>&1 &
  BOT_PID=$!
  for _ in $(seq 1 240); do
    kill -0 "$BOT_PID" 2>/dev/null || { echo "error: the bot exited during start (see above / .artifacts/run/bot.log)" >&2; BOT_PID=""; exit 1; }
    status="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$BOT_PORT/healthz" || true)"
    [ "$status" != "000" ] && break
    sleep 0.5
  done
  [ "$status" = "200" ] || echo "warning: GET /healthz answered ${status:-nothing}: the bot may not be ready." >&2
elif ! port_in_use "$BOT_PORT"; then
  echo "note: nothing listens on 127.0.0.1:$BOT_PORT yet; start your bot there, the Playground will wait for it."
fi

PLAYGROUND_PORT="${PLAYGROUND_PORT:-$(free_port)}"
WORKDIR="$(mktemp -d)"
cp "$ROOT/scripts/m365agentsplayground.yml" "$WORKDIR/.m365agentsplayground.yml"
echo "starting the Agents Playground on port $PLAYGROUND_PORT (log: .artifacts/run/playground.log) ..."
(
  cd "$WORKDIR"
  # No browser spawn (it kills the Playground where xdg-open is missing), no telemetry, nothing but loopback.
  exec setsid env TEAMSAPPTESTER_BROWSER=none APPLICATION_INSIGHTS_NO_STATSBEAT=1 \
    M365_AGENTS_PLAYGROUND_LOGFILE="$LOGS/playground.log" \
    node "$PLAYGROUND_CLI" --app-endpoint "http://127.0.0.1:$BOT_PORT/api/messages" --channel-id msteams \
      --port "$PLAYGROUND_PORT" --service-url "http://127.0.0.1:$PLAYGROUND_PORT/_connector" --disable-telemetry
) >"$LOGS/playground.out" 2>&1 &
PLAYGROUND_PID=$!
for _ in $(seq 1 120); do
  kill -0 "$PLAYGROUND_PID" 2>/dev/null || { cat "$LOGS/playground.out" >&2; echo "error: the Playground exited during start" >&2; PLAYGROUND_PID=""; exit 1; }
  if grep -q "^Listening on" "$LOGS/playground.out"; then
    listening="$(sed -n 's/^Listening on \([0-9]*\).*/\1/p' "$LOGS/playground.out" | head -1)"
    if [ "$listening" != "$PLAYGROUND_PORT" ]; then
      echo "error: the Playground took port $listening instead of $PLAYGROUND_PORT (was it in use?). Try again." >&2
      exit 1
    fi
    curl -sf "http://127.0.0.1:$PLAYGROUND_PORT/_debug/ping" >/dev/null && break
  fi
  sleep 0.5
done

cat <<MSG

  Bot:         http://127.0.0.1:$BOT_PORT/api/messages   (health: http://127.0.0.1:$BOT_PORT/healthz)
  Playground:  open  http://127.0.0.1:$PLAYGROUND_PORT/  in your browser to talk to the bot as a Teams user

  Press Ctrl+C to stop.

MSG

# Run until Ctrl+C, or until either process ends on its own.
set +e
if [ -n "$BOT_PID" ]; then
  wait -n "$BOT_PID" "$PLAYGROUND_PID"
else
  wait "$PLAYGROUND_PID"
fi
echo "one of the processes ended; stopping the rest." >&2
exit 1
