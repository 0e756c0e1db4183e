/**
 * The getting-started walkthrough of package.json points at things that exist: its media files, the
 * commands its buttons run, and the commands and context keys that complete its steps. VS Code
 * shows a broken reference as an empty picture or a button that does nothing, and says nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../helpers/tempDir';

interface Step {
  id: string;
  title: string;
  description: string;
  media: { svg?: string; image?: string; markdown?: string; altText?: string };
  completionEvents: string[];
}

const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const [walkthrough] = pkg.contributes.walkthroughs as Array<{ id: string; featuredFor: string[]; steps: Step[] }>;
const contributed = new Set<string>(pkg.contributes.commands.map((c: { command: string }) => c.command));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(file) : file.endsWith('.ts') ? [readFileSync(file, 'utf8')] : [];
  });
}
const hostSource = sources(path.join(repoRoot, 'src')).join('\n');

test('the walkthrough has the five steps of the issue, featured for model files', () => {
  assert.deepEqual(
    walkthrough.steps.map((s) => s.title),
    ['Open the examples', 'Train XOR', 'Watch the curves', 'Import a Keras script', 'Compare two runs'],
  );
  assert.deepEqual(walkthrough.featuredFor, ['**/*.nn.yaml']);
  // workbench.action.openWalkthrough takes `publisher.name#id`; the host opens it by that name.
  assert.match(hostSource, new RegExp(`'${pkg.publisher}\\.${pkg.name}#${walkthrough.id}'`));
});

test('each step is one action: one command link, to a command the extension contributes', () => {
  for (const step of walkthrough.steps) {
    const links = [...step.description.matchAll(/\]\(command:([\w.]+)/g)].map((m) => m[1]);
    assert.equal(links.length, 1, `${step.id}: ${links.join(', ')}`);
    assert.ok(contributed.has(links[0]), `${step.id} links to ${links[0]}, which package.json does not contribute`);
    assert.match(hostSource, new RegExp(`registerCommand\\('${links[0].replace(/\./g, '\\.')}'|register\\('${links[0].replace('nnTrainer.', '')}'`), `${links[0]} is never registered`);
  }
});

test('each step is completed by a command that exists or a context key the extension sets', () => {
  for (const step of walkthrough.steps) {
    assert.ok(step.completionEvents.length > 0, step.id);
    for (const event of step.completionEvents) {
      const [kind, name] = event.split(/:(.*)/);
      if (kind === 'onCommand') assert.ok(contributed.has(name), `${step.id}: ${event} is not a contributed command`);
      else {
        assert.equal(kind, 'onContext', `${step.id}: ${event}`);
        assert.ok(hostSource.includes(`'${name}'`), `${step.id}: no code sets the context key ${name}`);
      }
    }
  }
});

test('each step has theme-aware SVG media that exist and that the walkthrough page can draw', () => {
  for (const step of walkthrough.steps) {
    assert.ok(step.media.svg, `${step.id} has no SVG`);
    assert.ok(step.media.altText, `${step.id} has no alt text`);
    const file = path.join(repoRoot, step.media.svg);
    assert.ok(existsSync(file), `${step.media.svg} does not exist`);
    const svg = readFileSync(file, 'utf8');
    assert.match(svg, /^<svg [^>]*viewBox=/);
    assert.match(svg, /var\(--vscode-editor-background/);
    // VS Code draws walkthrough SVGs under `style-src 'nonce-…'`: a <style> or style="" would be dropped.
    assert.doesNotMatch(svg, /<style|style="/);
  }
});
