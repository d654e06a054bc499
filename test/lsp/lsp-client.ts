/**
 * A real LSP client connection for tests. `memory` joins it to the server in this process through
 * a pair of in-memory streams (the idea of compose-language-service's TestConnection); `stdio`
 * spawns the built `bin/flylint-language-server.js` as an editor does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import type { FileAccess } from '../../server/src/lsp/workspace.js';

const require = createRequire(import.meta.url);
const rpc = require('vscode-jsonrpc/node') as typeof import('vscode-jsonrpc/node');

export type Diagnostic = Record<string, any>;
export interface Publication {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

export interface ClientOptions {
  transport?: 'memory' | 'stdio';
  capabilities?: Record<string, unknown>;
  /** Answer to `workspace/configuration` for the `flylint` section; undefined: the client does not support it. */
  settings?: Record<string, unknown>;
  initializationOptions?: unknown;
  clientName?: string;
  /** In-memory file system for the server (memory transport only). */
  files?: FileAccess;
}

export interface TestClient {
  request<T = any>(method: string, params?: unknown): Promise<T>;
  notify(method: string, params?: unknown): void;
  open(uri: string, text: string, version?: number): void;
  change(uri: string, text: string, version: number): void;
  /** Every publication received for a URI, oldest first. */
  publications(uri: string): Publication[];
  /** The first publication (already received or coming) that satisfies the test. */
  diagnostics(uri: string, test?: (p: Publication) => boolean, timeoutMs?: number): Promise<Publication>;
  /** Settings the client answers with from now on. */
  settings: Record<string, unknown>;
  registrations: Array<{ method: string; registerOptions?: any }>;
  /** What the server announced in its initialize result. */
  serverCapabilities: Record<string, any>;
  logs: string[];
  stderr(): string;
  close(): Promise<number | null>;
}

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

export async function startClient(root: string | undefined, options: ClientOptions = {}): Promise<TestClient> {
  let child: ChildProcess | undefined;
  let stderr = '';
  let input: NodeJS.ReadableStream;
  let output: NodeJS.WritableStream;
  if ((options.transport ?? 'memory') === 'memory') {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const { listen } = await import('../../server/src/lsp/server.js');
    listen(toServer, toClient, options.files ? { files: options.files } : {});
    input = toClient;
    output = toServer;
  } else {
    // Through the bin's `#!` line, as an editor runs it.
    child = spawn(join(process.cwd(), 'bin', 'flylint-language-server.js'), ['--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stderr!.on('data', (d) => (stderr += String(d)));
    input = child.stdout!;
    output = child.stdin!;
  }
  const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(input), new rpc.StreamMessageWriter(output));
  const received = new Map<string, Publication[]>();
  const waiters: Array<{ uri: string; test: (p: Publication) => boolean; resolve: (p: Publication) => void }> = [];
  const client: TestClient = {
    request: (method, params) => connection.sendRequest(method, params) as Promise<any>,
    notify: (method, params) => void connection.sendNotification(method, params),
    open: (uri, text, version = 1) => client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'toml', version, text } }),
    change: (uri, text, version) => client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] }),
    publications: (uri) => received.get(uri) ?? [],
    diagnostics: (uri, test = () => true, timeoutMs = 5000) => {
      const done = client.publications(uri).find(test);
      if (done) return Promise.resolve(done);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; got ${JSON.stringify(client.publications(uri).map((p) => [p.version, p.diagnostics.map((d) => d.code)]))}`)), timeoutMs);
        waiters.push({ uri, test, resolve: (p) => (clearTimeout(timer), resolve(p)) });
      });
    },
    settings: options.settings ?? {},
    registrations: [],
    serverCapabilities: {},
    logs: [],
    stderr: () => stderr,
    close: async () => {
      await connection.sendRequest('shutdown');
      if (!child) {
        // In process, `exit` would end the test runner itself: stop at shutdown.
        connection.dispose();
        return 0;
      }
      const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
      void connection.sendNotification('exit');
      return exited;
    },
  };
  connection.onNotification('textDocument/publishDiagnostics', (params: Publication) => {
    received.set(params.uri, [...client.publications(params.uri), params]);
    for (const waiter of [...waiters]) {
      if (waiter.uri === params.uri && waiter.test(params)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(params);
      }
    }
  });
  connection.onNotification('window/logMessage', (params: { message: string }) => void client.logs.push(params.message));
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => client.settings));
  connection.onRequest('client/registerCapability', (params: { registrations: Array<{ method: string; registerOptions?: any }> }) => {
    client.registrations.push(...params.registrations);
    return null;
  });
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.listen();
  const rootUri = root ? fileUri(root) : null;
  const initialized = await connection.sendRequest<{ capabilities: Record<string, any> }>('initialize', {
    processId: process.pid,
    clientInfo: { name: options.clientName ?? 'flylint-tests' },
    rootUri,
    workspaceFolders: root ? [{ uri: rootUri, name: 'root' }] : null,
    capabilities: {
      ...(options.capabilities ?? {}),
      workspace: { ...(options.settings ? { configuration: true } : {}), ...((options.capabilities?.['workspace'] as object | undefined) ?? {}) },
    },
    ...(options.initializationOptions !== undefined ? { initializationOptions: options.initializationOptions } : {}),
  });
  client.serverCapabilities = initialized.capabilities;
  connection.sendNotification('initialized', {});
  return client;
}
