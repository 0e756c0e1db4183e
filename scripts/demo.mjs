// `npm run demo`: VS Code (code-server) in the browser with the built extension and examples/ open.
// `node scripts/demo.mjs --check`: start it, prove the extension works in a headless browser, exit.
// The logic lives in test/vscodeServer/demo.ts, shared with the integration and e2e tests; it is
// bundled here with esbuild (a fraction of a second) because `npm run demo` does not compile tests.
import * as esbuild from 'esbuild';
import * as path from 'path';
import { createRequire } from 'module';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const outfile = path.join(root, 'out', 'scripts', 'demo.cjs');
await esbuild.build({
  entryPoints: [path.join(root, 'test', 'vscodeServer', 'demo.ts')],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // playwright-core and friends load from node_modules as they are.
  packages: 'external',
  outfile,
  logLevel: 'warning',
});
const { runDemo } = createRequire(import.meta.url)(outfile);
// exit() rather than exitCode: a check cut short may leave the headless browser's handles open.
process.exit(await runDemo(process.argv.slice(2)));
