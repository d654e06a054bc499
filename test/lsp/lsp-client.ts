/** A real LSP client over stdio to the built server, for tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import { PassThrough } from 'node:stream';
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

/**
 * `stdio` spawns the built server as an editor does; `memory` joins a client connection and the
 * server's own connection in this process through a pair of in-memory streams.
 */
export async function startClient(rootPath: string, capabilities: Record<string, unknown> = {}, transport: 'stdio' | 'memory' = 'stdio'): Promise<TestClient> {
  let child: ChildProcess | undefined;
  let stderr = '';
  let input: NodeJS.ReadableStream;
  let output: NodeJS.WritableStream;
  if (transport === 'memory') {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } = await import('vscode-languageserver/node');
    const { startServer } = await import('../../server/src/lsp/server.js');
    startServer(createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient)));
    input = toClient;
    output = toServer;
  } else {
    child = spawn(process.execPath, [join(process.cwd(), 'bin', 'flylint-language-server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stderr!.on('data', (d) => (stderr += String(d)));
    input = child.stdout!;
    output = child.stdin!;
  }
  const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(input), new rpc.StreamMessageWriter(output));
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
      if (!child) {
        // In process, `exit` would end the test runner itself: stop at shutdown.
        connection.dispose();
        return 0;
      }
      const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
      connection.sendNotification('exit');
      return exited;
    },
  };
}
