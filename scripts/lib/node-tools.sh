# Shared by scripts/test.sh and scripts/run.sh (sourced, not run).
# ensure_node_tools: installs tools/node_modules with `npm ci` when it is missing or was installed from
# another package-lock.json (a hash of the lock file is kept in tools/node_modules/.package-lock.sha256).

ensure_node_tools() {
  local root="$1"
  local tools="$root/tools"
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "error: node and npm are required (Node.js 20 or newer): the test tools run on them." >&2
    return 1
  fi

  local major
  major="$(node -p 'process.versions.node.split(".")[0]')"
  if [ "$major" -lt 20 ]; then
    echo "error: Node.js $(node --version) is too old: 20 or newer is required." >&2
    return 1
  fi

  local wanted stamp
  wanted="$(sha256sum "$tools/package-lock.json" | cut -d' ' -f1)"
  stamp="$tools/node_modules/.package-lock.sha256"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ]; then
    echo "node tools: up to date (tools/node_modules matches package-lock.json)"
    return 0
  fi

  # Installed without our stamp (e.g. by a plain `npm ci`): keep it if it satisfies package.json, whose
  # versions are exact pins. Reinstalling would delete node_modules under anything that uses it right now.
  if [ -d "$tools/node_modules" ] && (cd "$tools" && npm ls --depth=0 >/dev/null 2>&1); then
    echo "$wanted" > "$stamp"
    echo "node tools: up to date (tools/node_modules satisfies package.json)"
    return 0
  fi

  echo "node tools: npm ci in tools/ ..."
  local started=$SECONDS
  (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error) || return 1
  echo "$wanted" > "$stamp"
  echo "node tools: installed in $((SECONDS - started)) s"
}
