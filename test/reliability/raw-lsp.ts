/** The language server over a real stdio connection, driven byte by byte as a hostile client would. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export type Message = { jsonrpc?: string; id?: number | string | null; method?: string; params?: any; result?: any; error?: { code: number; message: string } };

export interface RawServer {
  /** Writes bytes as they are: broken frames included. */
  raw(bytes: string | Buffer): void;
  /** Writes one well-framed message (an object, or a body text that need not be JSON). */
  send(message: object | string): void;
  request(id: number, method: string, params?: unknown): Promise<Message>;
  notify(method: string, params?: unknown): void;
  /** The first message (already received or still to come) that passes `test`. */
  wait(test: (m: Message) => boolean, ms?: number): Promise<Message>;
  messages: Message[];
  stderr(): string;
  exited: Promise<number | null>;
  /** Closes the server's stdin: the client went away. */
  end(): void;
  kill(): void;
}

export function frame(body: object | string): string {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return `Content-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`;
}

export function startRawServer(options: { env?: Record<string, string>; cwd?: string } = {}): RawServer {
  const child = spawn(join(process.cwd(), 'bin', 'flylint-language-server.js'), ['--stdio'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    ...(options.cwd ? { cwd: options.cwd } : {}),
    env: { ...process.env, ...options.env },
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += String(d)));
  // A test that ends the server on purpose must not fail on a write after the pipe closed.
  child.stdin.on('error', () => {});
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const messages: Message[] = [];
  const waiters: Array<{ test: (m: Message) => boolean; resolve: (m: Message) => void }> = [];
  // Chunks are joined only once a whole frame is there: a 20 MB answer arrives in thousands of chunks.
  let chunks: Buffer[] = [];
  let buffered = 0;
  let needed = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
    buffered += chunk.length;
    if (buffered < needed) return;
    let buffer = Buffer.concat(chunks);
    for (;;) {
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) break;
      const length = Number(/Content-Length: *(\d+)/i.exec(buffer.subarray(0, end).toString('ascii'))?.[1]);
      if (!Number.isInteger(length)) throw new Error(`the server wrote a frame without Content-Length: ${buffer.subarray(0, end).toString()}`);
      if (buffer.length < end + 4 + length) {
        needed = end + 4 + length;
        break;
      }
      const message = JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString('utf8')) as Message;
      buffer = buffer.subarray(end + 4 + length);
      needed = 0;
      messages.push(message);
      for (let i = waiters.length - 1; i >= 0; i--) if (waiters[i]!.test(message)) waiters.splice(i, 1)[0]!.resolve(message);
    }
    chunks = [buffer];
    buffered = buffer.length;
  });
  const wait = (test: (m: Message) => boolean, ms = 10_000) =>
    new Promise<Message>((resolve, reject) => {
      const found = messages.find(test);
      if (found) return resolve(found);
      const timer = setTimeout(() => reject(new Error(`no such message within ${ms} ms; received: ${messages.map((m) => m.id ?? m.method).join(', ')}`)), ms);
      waiters.push({ test, resolve: (m) => (clearTimeout(timer), resolve(m)) });
    });
  const send = (message: object | string) => void child.stdin.write(frame(message));
  return {
    raw: (bytes) => void child.stdin.write(bytes),
    send,
    request: (id, method, params) => {
      send({ jsonrpc: '2.0', id, method, ...(params === undefined ? {} : { params }) });
      return wait((m) => m.id === id && m.method === undefined);
    },
    notify: (method, params) => send({ jsonrpc: '2.0', method, ...(params === undefined ? {} : { params }) }),
    wait,
    messages,
    stderr: () => stderr,
    exited,
    end: () => void child.stdin.end(),
    kill: () => void child.kill(),
  };
}

/**
 * Starts a server and runs the initialize handshake with a client that declares no capabilities
 * (or, with `root`, one that opens that folder as its workspace).
 */
export async function initializedServer(options: { root?: string; env?: Record<string, string> } = {}): Promise<RawServer> {
  const server = startRawServer(options.env ? { env: options.env } : {});
  const rootUri = options.root ? `file://${options.root}` : null;
  const workspace = options.root ? { workspaceFolders: [{ uri: rootUri, name: 'project' }], capabilities: { workspace: { workspaceFolders: true } } } : { capabilities: {} };
  await server.request(1, 'initialize', { processId: null, rootUri, ...workspace });
  server.notify('initialized', {});
  return server;
}

/** What must never reach stderr or the client's log: an unhandled failure or a stack trace. */
export const CRASH_SIGNS = /Unhandled(?! method)|UnhandledPromiseRejection|uncaught|\n\s+at .+:\d+:\d+|Maximum call stack/i;
