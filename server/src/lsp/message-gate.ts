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

  constructor(private readonly writer: MessageWriter, private readonly report?: (problem: string) => void) {}

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
    if (m.method === 'initialize') {
      if (isRequest) this.refuse(m.id, ErrorCodes.InvalidRequest, 'The server is already initialized: "initialize" may be sent only once');
      return false;
    }
    const problem = documentParamsProblem(m.method, (message as { params?: unknown }).params);
    if (problem) {
      if (isRequest) this.refuse(m.id, ErrorCodes.InvalidParams, `Invalid params for "${m.method}": ${problem}`);
      else this.report?.(`"${m.method}" ignored: ${problem}`);
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

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isPosition = (value: unknown) => isObject(value) && Number.isInteger(value.line) && Number.isInteger(value.character);
const isRange = (value: unknown) => isObject(value) && isPosition(value.start) && isPosition(value.end);

/** The document methods the server handles; others are answered MethodNotFound by the connection. */
const CHECKED_METHODS = new Set([
  'textDocument/didOpen', 'textDocument/didChange', 'textDocument/didClose', 'textDocument/didSave', 'textDocument/hover',
  'textDocument/completion', 'textDocument/codeAction', 'textDocument/documentSymbol', 'textDocument/definition',
  'textDocument/foldingRange', 'textDocument/diagnostic',
]);

/**
 * What is wrong with the params of a document notification or request, if anything. The
 * document store keeps whatever it is given: a didOpen with a number for `uri` stayed registered
 * and failed on every later check. Such a message is refused at the door.
 */
export function documentParamsProblem(method: string, params: unknown): string | undefined {
  if (method === '$/cancelRequest') return isObject(params) && (typeof params.id === 'number' || typeof params.id === 'string') ? undefined : 'id must be a number or a string';
  if (!CHECKED_METHODS.has(method)) return undefined;
  if (!isObject(params) || !isObject(params.textDocument)) return 'textDocument is missing';
  const document = params.textDocument;
  if (typeof document.uri !== 'string') return 'textDocument.uri must be a string';
  switch (method) {
    case 'textDocument/didOpen':
      if (typeof document.text !== 'string') return 'textDocument.text must be a string';
      if (!Number.isInteger(document.version)) return 'textDocument.version must be an integer';
      if (typeof document.languageId !== 'string') return 'textDocument.languageId must be a string';
      return undefined;
    case 'textDocument/didChange': {
      if (!Number.isInteger(document.version)) return 'textDocument.version must be an integer';
      const changes = params.contentChanges;
      if (!Array.isArray(changes)) return 'contentChanges must be a list';
      for (const change of changes) {
        if (!isObject(change) || typeof change.text !== 'string') return 'each content change needs a text';
        if (change.range !== undefined && !isRange(change.range)) return 'a content change has an invalid range';
      }
      return undefined;
    }
    default:
      if ('position' in params && !isPosition(params.position)) return 'position must have integer line and character';
      if ('range' in params && !isRange(params.range)) return 'range must have a start and an end position';
      return undefined;
  }
}
