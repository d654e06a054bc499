/**
 * The connection's message reader: frames come from FrameParser (the only place that decides
 * what a frame is), bodies are parsed as JSON, and whatever cannot be read is reported and
 * skipped, never allowed to stop the stream.
 */
import { AbstractMessageReader, type DataCallback, type Disposable, type Message, type MessageReader } from 'vscode-languageserver/node';
import { FrameParser, MAX_MESSAGE_BYTES, type FrameEvent } from './framing.js';

export class FrameReader extends AbstractMessageReader implements MessageReader {
  private readonly parser: FrameParser;
  private callback: DataCallback | undefined;
  private readonly onData = (chunk: Buffer | string) => {
    this.parser.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk, this.handle);
  };

  constructor(
    private readonly input: NodeJS.ReadableStream,
    private readonly report: (problem: string) => void,
    maxMessageBytes = MAX_MESSAGE_BYTES,
    /** False when the host answers what arrived before the end and then stops (see InputEnd). */
    endClosesConnection = true,
  ) {
    super();
    this.parser = new FrameParser(maxMessageBytes);
    input.on('error', (error: Error) => this.fireError(error));
    if (endClosesConnection) {
      input.on('close', () => this.fireClose());
      input.on('end', () => this.fireClose());
    }
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    this.input.on('data', this.onData);
    return { dispose: () => void this.input.removeListener('data', this.onData) };
  }

  private readonly handle = (event: FrameEvent): void => {
    if (event.kind === 'problem') {
      this.report(event.message);
      return;
    }
    let message: unknown;
    try {
      message = JSON.parse(event.body.toString('utf8'));
    } catch {
      this.report(`a message that is not JSON (${event.body.length} bytes) was skipped`);
      return;
    }
    if (typeof message !== 'object' || message === null || Array.isArray(message)) {
      this.report('a message that is not a JSON object was skipped');
      return;
    }
    try {
      this.callback?.(message as Message);
    } catch (error) {
      // The connection throws on some malformed messages; one message must not end the stream.
      this.report(`a message could not be handled: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}
