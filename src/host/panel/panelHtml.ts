import { randomBytes } from 'crypto';

/** Where the page loads its files from, as the webview sees them (asWebviewUri strings in VS Code). */
export interface PanelPageSources {
  /** The webview's `cspSource`: the only origin styles, images and fonts may come from. */
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  /** The bundle's own stylesheet (uPlot's chart styles), loaded before the panel's. */
  bundleStyleUri?: string;
  /** The document's title (the panel, the sidebar's Training view and the comparison share this shell). */
  title?: string;
}

/**
 * The Content Security Policy of the panel page. vscode-elements styles its components with
 * constructable stylesheets (adoptedStyleSheets), which CSP does not govern, and sets element styles
 * through the CSSOM rather than `style` attributes, so no `'unsafe-inline'` is needed.
 */
export function panelCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
  ].join('; ');
}

/**
 * The HTML of every page of the extension (training panel, Training view, comparison): a shell that loads its bundle. It holds no run data; the run arrives as messages
 * after the page says `ready`, so nothing from a model file is ever parsed as HTML.
 */
export function panelHtml(sources: PanelPageSources, nonce: string = newNonce()): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${escapeAttribute(panelCsp(sources.cspSource, nonce))}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
${sources.bundleStyleUri ? `  <link rel="stylesheet" href="${escapeAttribute(sources.bundleStyleUri)}">
` : ''}  <link rel="stylesheet" href="${escapeAttribute(sources.styleUri)}">
  <title>${escapeAttribute(sources.title ?? 'Training')}</title>
</head>
<body>
  <main id="panel"></main>
  <script nonce="${nonce}" src="${escapeAttribute(sources.scriptUri)}"></script>
</body>
</html>
`;
}

function newNonce(): string {
  return randomBytes(18).toString('base64url');
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
