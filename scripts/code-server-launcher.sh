#!/usr/bin/env bash
# The "VS Code executable" that test/integration/runIntegrationTests passes to @vscode/test-electron:
# it accepts VS Code's CLI arguments and runs the extension tests in code-server + headless chromium
# (see test/vscodeServer/launcher.ts). Needs `npm run compile-tests` first.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exec node "$ROOT/out/test/vscodeServer/launcher.js" "$@"
