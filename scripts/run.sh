#!/usr/bin/env bash
# The README's "run the bot" command: builds and starts the bot in local mode (no app id, no channel
# authentication) and the Microsoft 365 Agents Playground pointed at it, prints the URL to open in a browser
# once the bot answers /healthz, and stops both on Ctrl+C. `--help` for the options.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: bash scripts/run.sh [--demo | --playground-only | --help]

Builds and starts the bot on http://127.0.0.1:3978 in local mode (no app id, no channel authentication) and the
Microsoft 365 Agents Playground pointed at it, then prints the address to open in a browser. Ctrl+C stops both.

Options:
  --demo              also seed a demo workshop in the Playground's team channel: four simulated participants
                      join and answer (three submit, one stops halfway), then progress, the summary with its
                      dot vote, and the report are posted. You (the Playground's user) are its facilitator.
  --playground-only   start only the Playground, for a bot you run yourself (e.g. in a debugger) on BOT_PORT
  -h, --help          print this help

Environment:
  BOT_PORT         the bot's port on 127.0.0.1 (default 3978)
  PLAYGROUND_PORT  the Playground's port (default 28150, so a bookmark keeps working)

Examples:
  bash scripts/run.sh
  BOT_PORT=3988 bash scripts/run.sh
  BOT_PORT=3988 PLAYGROUND_PORT=28160 bash scripts/run.sh --demo
USAGE
}

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOGS="$ROOT/.artifacts/run"
BOT_PORT="${BOT_PORT:-3978}"
# Below Linux's ephemeral range (32768+), so no outgoing connection takes it by chance.
PLAYGROUND_PORT="${PLAYGROUND_PORT:-28150}"
# The Playground user's Entra object id (scripts/m365agentsplayground.yml): the demo's facilitator.
PLAYGROUND_USER_AAD="7d3c2f0a-5b1e-4c8d-9f2a-000000000100"
MODE=run
case "${1:-}" in
  "") ;;
  --demo) MODE=demo ;;
  --playground-only) MODE=playground-only ;;
  -h|--help) usage; exit 0 ;;
  *) echo "unknown option: $1 (bash scripts/run.sh --help lists the options)" >&2; exit 2 ;;
esac
[ "$#" -le 1 ] || { echo "one option at a time (bash scripts/run.sh --help)" >&2; exit 2; }
for port_var in BOT_PORT PLAYGROUND_PORT; do
  port_value="${!port_var}"
  if ! [[ "$port_value" =~ ^[0-9]+$ ]] || [ "$port_value" -lt 1 ] || [ "$port_value" -gt 65535 ]; then
    echo "error: $port_var=$port_value is not a port number (1-65535)" >&2
    exit 2
  fi
done
[ "$BOT_PORT" != "$PLAYGROUND_PORT" ] || { echo "error: BOT_PORT and PLAYGROUND_PORT are both $BOT_PORT; choose two ports" >&2; exit 2; }

export NO_PROXY="127.0.0.1,localhost${NO_PROXY:+,$NO_PROXY}"
export no_proxy="$NO_PROXY"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# shellcheck source=lib/node-tools.sh
source "$ROOT/scripts/lib/node-tools.sh"

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The first free port after $1, to suggest when $1 is taken.
next_free_port() {
  local port="$1"
  for _ in $(seq 1 50); do
    port=$((port + 1))
    if ! port_in_use "$port"; then echo "$port"; return 0; fi
  done
  echo "$(( $1 + 10 ))"
}

bot_port_taken() {
  echo "error: 127.0.0.1:$BOT_PORT is already in use (another bot, or an earlier run still stopping?)." >&2
  echo "  Run on another port:              BOT_PORT=$(next_free_port "$BOT_PORT") bash scripts/run.sh${MODE_FLAG}" >&2
  echo "  Or talk to the bot running there: BOT_PORT=$BOT_PORT bash scripts/run.sh --playground-only" >&2
}

playground_port_taken() {
  echo "error: 127.0.0.1:$PLAYGROUND_PORT (the Playground's port) is already in use (an earlier Playground?)." >&2
  echo "  Run it on another port: PLAYGROUND_PORT=$(next_free_port "$PLAYGROUND_PORT") bash scripts/run.sh${MODE_FLAG}" >&2
}

# True once /healthz answers 200.
healthy() { [ "$(curl -s -o /dev/null -m 5 -w '%{http_code}' "http://127.0.0.1:$BOT_PORT/healthz" || true)" = "200" ]; }

BOT_PID=""
PLAYGROUND_PID=""
DEMO_PID=""
WORKDIR=""
MODE_FLAG=""
[ "$MODE" = demo ] && MODE_FLAG=" --demo"

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
  stop_group "$DEMO_PID" "the demo driver" TERM
  stop_group "$PLAYGROUND_PID" "the Agents Playground" INT
  stop_group "$BOT_PID" "the bot" TERM
  [ -n "$WORKDIR" ] && rm -rf "$WORKDIR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Starts the bot and waits for its /healthz. A port taken between our check and the bot's bind (another process was
# quicker) shows as a bind failure in the log: then it is tried again, a few times, saying so.
start_bot() {
  local attempt status
  local -a demo_settings=()
  # The demo's facilitator is the Playground's user.
  [ "$MODE" = demo ] && demo_settings=("Workshop__Facilitators__0=$PLAYGROUND_USER_AAD")
  for attempt in 1 2 3; do
    if port_in_use "$BOT_PORT"; then bot_port_taken; exit 1; fi
    echo "starting the bot on http://127.0.0.1:$BOT_PORT (log: .artifacts/run/bot.log) ..."
    # Local mode (no app id) starts only in Development and on loopback: say both, whatever the shell has set.
    setsid env ASPNETCORE_ENVIRONMENT=Development "${demo_settings[@]}" \
      dotnet run --project "$ROOT/src/SocialProtection.Bot.Host" --no-build --launch-profile bot -- --urls "http://127.0.0.1:$BOT_PORT" \
      > >(tee "$LOGS/bot.log") 2>&1 &
    BOT_PID=$!
    for _ in $(seq 1 240); do
      if ! kill -0 "$BOT_PID" 2>/dev/null; then
        BOT_PID=""
        break
      fi
      if healthy; then return 0; fi
      sleep 0.5
    done
    if [ -n "$BOT_PID" ]; then
      echo "error: the bot did not answer http://127.0.0.1:$BOT_PORT/healthz within 2 minutes (see .artifacts/run/bot.log)" >&2
      exit 1
    fi
    sleep 0.3 # let tee flush the last lines
    if grep -qiE "address already in use|failed to bind" "$LOGS/bot.log"; then
      if [ "$attempt" -lt 3 ]; then
        echo "note: 127.0.0.1:$BOT_PORT was taken between the check and the bot's start; trying again ($((attempt + 1)) of 3) ..." >&2
        sleep 1
        continue
      fi
      bot_port_taken
      exit 1
    fi
    echo "error: the bot exited during start (see above / .artifacts/run/bot.log)" >&2
    exit 1
  done
}

if [ "$MODE" != playground-only ]; then
  if port_in_use "$BOT_PORT"; then bot_port_taken; exit 1; fi
fi
if port_in_use "$PLAYGROUND_PORT"; then playground_port_taken; exit 1; fi

mkdir -p "$LOGS"
ensure_node_tools "$ROOT"
PLAYGROUND_CLI="$ROOT/tools/node_modules/@microsoft/m365agentsplayground/cli.js"
[ -f "$PLAYGROUND_CLI" ] || { echo "error: $PLAYGROUND_CLI is missing after npm ci" >&2; exit 1; }

if [ "$MODE" != playground-only ]; then
  echo "building the bot ..."
  dotnet build "$ROOT/src/SocialProtection.Bot.Host" -nologo -v quiet -clp:"ErrorsOnly" >"$LOGS/build.log" 2>&1 ||
    { cat "$LOGS/build.log" >&2; echo "error: build failed" >&2; exit 1; }
  start_bot
else
  echo "waiting for your bot at http://127.0.0.1:$BOT_PORT/healthz (start it there; Ctrl+C to give up) ..."
  until healthy; do sleep 1; done
fi
echo "the bot answers at http://127.0.0.1:$BOT_PORT/healthz"

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
ready=false
for _ in $(seq 1 120); do
  kill -0 "$PLAYGROUND_PID" 2>/dev/null || { cat "$LOGS/playground.out" >&2; echo "error: the Playground exited during start" >&2; PLAYGROUND_PID=""; exit 1; }
  if grep -q "^Listening on" "$LOGS/playground.out"; then
    listening="$(sed -n 's/^Listening on \([0-9]*\).*/\1/p' "$LOGS/playground.out" | head -1)"
    if [ "$listening" != "$PLAYGROUND_PORT" ]; then
      # The Playground silently moves to a random port when its own is taken: that would break the bookmark.
      playground_port_taken
      exit 1
    fi
    if curl -sf "http://127.0.0.1:$PLAYGROUND_PORT/_debug/ping" >/dev/null; then ready=true; break; fi
  fi
  sleep 0.5
done
[ "$ready" = true ] || { echo "error: the Playground did not answer on port $PLAYGROUND_PORT within a minute (see .artifacts/run/playground.log)" >&2; exit 1; }

DEMO_NOTE=""
if [ "$MODE" = demo ]; then
  node_flags=()
  # Node 20 has WebSocket (the driver waits on the Playground's log stream) behind a flag; Node 22 has it built in.
  [ "$(node -e 'process.stdout.write(typeof WebSocket)')" = function ] || node_flags=(--experimental-websocket)
  setsid node "${node_flags[@]}" "$ROOT/scripts/demo/demo-driver.mjs" --bot "http://127.0.0.1:$BOT_PORT" --playground "http://127.0.0.1:$PLAYGROUND_PORT" \
    > >(tee "$LOGS/demo.log") 2>&1 &
  DEMO_PID=$!
  for _ in $(seq 1 60); do
    kill -0 "$DEMO_PID" 2>/dev/null || { echo "error: the demo driver stopped (see above / .artifacts/run/demo.log)" >&2; DEMO_PID=""; exit 1; }
    grep -q "^demo: waiting" "$LOGS/demo.log" 2>/dev/null && break
    sleep 0.5
  done
  DEMO_NOTE="
  Demo:        click \"My Team - General\" in the Playground: the demo starts there. A workshop is created with
               you as its facilitator, four simulated participants join and answer in their own chats (three
               submit, one stops halfway), then progress, each group's summary and dot vote, and the report
               appear, all within a minute. Then @mention the bot with progress, summary or report; press
               Refresh on the progress card to see who is where, or \"Remind those who have not finished\";
               press Answer on the kickoff card to join a group yourself and vote.
"
fi

# Printed only now: this bot answered /healthz, and the Playground answers on its port.
cat <<MSG

  Bot:         http://127.0.0.1:$BOT_PORT/api/messages   (health: http://127.0.0.1:$BOT_PORT/healthz)
  Playground:  open  http://127.0.0.1:$PLAYGROUND_PORT/  in your browser to talk to the bot as a Teams user
$DEMO_NOTE
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
