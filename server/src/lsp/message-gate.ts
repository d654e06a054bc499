/**
 * Sits between the stream reader and the connection and sees every message as it arrives:
 * the lifecycle rules the connection library leaves to servers (no requests before `initialize`,
 * none after `shutdown`), and the change queue's bookkeeping.
 */
import { ErrorCodes, type DataCallback, type Disposable, type Message, type MessageReader, type MessageWriter } from 'vscode-languageserver';

interface Incoming {
  id?: unknown;
  method?: unknown;
}

/** A reader that hands on only the messages `admit` lets through. */
export function gateReader(reader: MessageReader, admit: (message: Message) => boolean): MessageReader {
  return {
    onError: reader.onError,
    onClose: reader.onClose,
    onPartialMessage: reader.onPartialMessage,
    listen: (callback: DataCallback): Disposable =>
      reader.listen((message) => {
        if (admit(message)) callback(message);
      }),
    dispose: () => reader.dispose(),
  };
}

export class Lifecycle {
  private state: 'starting' | 'running' | 'shut down' = 'starting';

  constructor(private readonly writer: MessageWriter) {}

  admit(message: Message): boolean {
    const m = message as Incoming;
    // Responses to the server's own requests always pass.
    if (typeof m.method !== 'string') return true;
    const isRequest = m.id !== undefined && m.id !== null;
    if (m.method === 'exit') return true;
    if (this.state === 'starting') {
      if (m.method === 'initialize') {
        this.state = 'running';
        return true;
      }
      if (isRequest) this.refuse(m.id, ErrorCodes.ServerNotInitialized, `The server is not initialized yet: send "initialize" before "${m.method}"`);
      return false;
    }
    if (this.state === 'shut down') {
      if (isRequest) this.refuse(m.id, ErrorCodes.InvalidRequest, `The server is shut down: only "exit" is accepted, not "${m.method}"`);
      return false;
    }
    if (m.method === 'shutdown') this.state = 'shut down';
    return true;
  }

  private refuse(id: unknown, code: number, message: string): void {
    if (typeof id !== 'number' && typeof id !== 'string') return;
    this.writer.write({ jsonrpc: '2.0', id, error: { code, message } } as Message).catch(() => undefined);
  }
}
