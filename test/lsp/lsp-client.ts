/** A real LSP client over stdio to the built server, for tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const rpc = require('vscode-jsonrpc/node') as typeof import('vscode-jsonrpc/node');

export interface TestClient {
  request<T = unknown>(method: string, params: unknown): Promise<T>;
  notify(method: string, params: unknown): void;
  diagnostics(uri: string): Promise<{ uri: string; diagnostics: Array<Record<string, any>> }>;
  stderr(): string;
  /** URIs the server pushed diagnostics for. */
  pushed(): string[];
  close(): Promise<number | null>;
}

export async function startClient(rootPath: string, capabilities: Record<string, unknown> = {}): Promise<TestClient> {
  const child: ChildProcess = spawn(process.execPath, [join(process.cwd(), 'bin', 'flylint-language-server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += String(d)));
  const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout!), new rpc.StreamMessageWriter(child.stdin!));
  const waiting = new Map<string, Array<(p: any) => void>>();
  const latest = new Map<string, any>();
  connection.onNotification('textDocument/publishDiagnostics', (params: any) => {
    latest.set(params.uri, params);
    const list = waiting.get(params.uri);
    if (list?.length) list.shift()!(params);
  });
  connection.onRequest('workspace/configuration', (params: any) => params.items.map(() => ({ rules: {} })));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const rootUri = 'file://' + rootPath;
  await connection.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'root' }], capabilities: { workspace: { configuration: true }, ...capabilities } });
  connection.sendNotification('initialized', {});
  return {
    request: (method, params) => connection.sendRequest(method, params) as Promise<any>,
    notify: (method, params) => void connection.sendNotification(method, params),
    diagnostics: (uri) => new Promise((resolve) => waiting.set(uri, [...(waiting.get(uri) ?? []), resolve])),
    stderr: () => stderr,
    pushed: () => [...latest.keys()],
    close: async () => {
      await connection.sendRequest('shutdown');
      connection.sendNotification('exit');
      return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    },
  };
}
