import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { installExtension } from './installExtension';
import { findTools } from './tools';

export interface CodeServerOptions {
  /** Port to bind on 127.0.0.1; default: a free one. */
  port?: number;
  /** Extensions folder; default: an empty one inside the server's temp folder. */
  extensionsDir?: string;
  /** Repository root whose built extension is installed (copied) into the extensions folder first. */
  installExtensionFrom?: string;
  /** Lets `?payload=` run extension tests and load a development extension (see ENVIRONMENT.md). */
  smokeTestDriver?: boolean;
  /** Folder a plain URL (no ?folder=) opens. */
  openFolder?: string;
  /**
   * Workspace Trust on, so a folder the browser opens starts in Restricted Mode (nothing is trusted
   * in a fresh profile) until the user trusts it. Default: off, every folder trusted.
   */
  workspaceTrust?: boolean;
  /** Receives the server's own output, line by line; default: dropped. */
  log?: (line: string) => void;
}

export interface CodeServer {
  host: string;
  port: number;
  /** http://127.0.0.1:PORT */
  origin: string;
  pid: number;
  /** Temp folder holding user data, settings and XDG dirs; removed by stop(). */
  dataDir: string;
  extensionsDir: string;
  /** Settles when the server process ends (with its exit code, or its signal's name). */
  exited: Promise<number | string>;
  stop(): Promise<void>;
}

const host = '127.0.0.1';

/** Resolves when `port` can be bound on 127.0.0.1 (so nothing listens there), false otherwise. */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/** A port the OS had free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

/** `preferred` if free, else the next free port above it (the demo's "8080 or the next free one"). */
export async function firstFreePortFrom(preferred: number, tries = 50): Promise<number> {
  for (let port = preferred; port < preferred + tries; port++) {
    if (await isPortFree(port)) return port;
  }
  throw new Error(`No free port in ${preferred}..${preferred + tries - 1}`);
}

/**
 * Starts code-server under Node 24 in its own process group (so stop() also ends the extension hosts
 * it forks) with every folder it writes in a temp dir, and resolves once /healthz answers.
 */
export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  const tools = findTools();
  const port = options.port ?? (await freePort());
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nn-code-server-'));
  const extensionsDir = options.extensionsDir ?? path.join(dataDir, 'extensions');
  for (const dir of ['user-data', 'xdg-data', 'xdg-config', 'xdg-cache', 'tmp']) fs.mkdirSync(path.join(dataDir, dir));
  fs.mkdirSync(extensionsDir, { recursive: true });
  if (options.installExtensionFrom) installExtension(options.installExtensionFrom, extensionsDir);
  const config = path.join(dataDir, 'config.yaml');
  fs.writeFileSync(config, 'auth: none\ncert: false\n');
  writeUserSettings(path.join(dataDir, 'user-data'), options.workspaceTrust === true);

  const args = [
    tools.codeServerEntry,
    '--bind-addr', `${host}:${port}`,
    '--auth', 'none',
    '--user-data-dir', path.join(dataDir, 'user-data'),
    '--extensions-dir', extensionsDir,
    '--config', config,
    '--disable-telemetry',
    '--disable-update-check',
    ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
  if (options.smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  if (options.openFolder) args.push(path.resolve(options.openFolder));

  const child = spawn(tools.node24, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      // Node 24 first, so anything the server or an extension host spawns as `node` matches it.
      PATH: `${path.dirname(tools.node24)}${path.delimiter}${process.env.PATH ?? ''}`,
      XDG_DATA_HOME: path.join(dataDir, 'xdg-data'),
      XDG_CONFIG_HOME: path.join(dataDir, 'xdg-config'),
      XDG_CACHE_HOME: path.join(dataDir, 'xdg-cache'),
      // Extension hosts leave sockets (vscode-ipc-*, vscode-git-*) in the temp dir: keep them in ours.
      TMPDIR: path.join(dataDir, 'tmp'),
      // PORT would override --bind-addr (code-server reads it); the demo's PORT is ours, not its.
      PORT: undefined,
      PASSWORD: undefined,
      HASHED_PASSWORD: undefined,
    },
  });
  const output: string[] = [];
  const onData = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      output.push(line);
      if (output.length > 200) output.shift();
      options.log?.(line);
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);

  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  const pid = child.pid;
  if (pid === undefined) throw new Error(`Could not start ${tools.node24}`);
  let stopped: Promise<void> | undefined;
  const server: CodeServer = {
    host,
    port,
    origin: `http://${host}:${port}`,
    pid,
    dataDir,
    extensionsDir,
    exited,
    stop: () => (stopped ??= stopProcessGroup(child).then(() => fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 }))),
  };
  try {
    await waitUntilHealthy(server.origin, child, 60_000);
  } catch (error) {
    await server.stop();
    throw new Error(`${(error as Error).message}\ncode-server output:\n${output.join('\n')}`);
  }
  return server;
}

/** Settings for a quiet, predictable workbench: no welcome page, no telemetry prompts, no auto-updates. */
function writeUserSettings(userDataDir: string, workspaceTrust: boolean): void {
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'update.mode': 'none',
    'security.workspace.trust.enabled': workspaceTrust,
    // Restricted Mode from the start, without the modal that asks whether to trust the folder.
    ...(workspaceTrust ? { 'security.workspace.trust.startupPrompt': 'never' } : {}),
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    // Temp workspaces sit under /tmp, the demo's under the repo: no "open the parent repository?" toast.
    'git.openRepositoryInParentFolders': 'never',
  };
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
}

async function waitUntilHealthy(origin: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited early (${child.exitCode ?? child.signalCode})`);
    }
    try {
      const response = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`code-server did not answer ${origin}/healthz within ${timeoutMs / 1000} s`);
}

/** SIGTERM to the whole group, SIGKILL after 5 s: the server keeps extension hosts alive for hours otherwise. */
async function stopProcessGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // The group is already gone.
    }
  };
  const groupAlive = () => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  signalGroup('SIGTERM');
  const deadline = Date.now() + 5_000;
  while (groupAlive() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  if (groupAlive()) signalGroup('SIGKILL');
  child.stdout?.destroy();
  child.stderr?.destroy();
}
