/**
 * Writes each JSON-RPC message as one frame in one write. The library's stream writer writes the
 * header and the body separately: two system calls per message, and on a pipe the client wakes
 * for the header alone before the body follows. One write halves that cost on every reply and
 * every set of diagnostics.
 */
import { AbstractMessageWriter, type Message, type MessageWriter } from 'vscode-languageserver/node';
import type { InputEnd } from './input-end.js';

export class FrameWriter extends AbstractMessageWriter implements MessageWriter {
  private errorCount = 0;

  constructor(
    private readonly output: NodeJS.WritableStream,
    private readonly inputEnd?: InputEnd,
  ) {
    super();
    output.on('error', (error: Error) => this.fireError(error));
    output.on('close', () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    const body = JSON.stringify(message);
    const bodyLength = Buffer.byteLength(body, 'utf8');
    const header = `Content-Length: ${bodyLength}\r\n\r\n`;
    const frame = Buffer.allocUnsafe(header.length + bodyLength);
    frame.write(header, 0, 'ascii');
    frame.write(body, header.length, 'utf8');
    const written = this.inputEnd?.writing(message);
    return new Promise((resolve, reject) => {
      this.output.write(frame, (error) => {
        written?.();
        if (!error) {
          this.errorCount = 0;
          resolve();
          return;
        }
        this.errorCount++;
        this.fireError(error, message, this.errorCount);
        reject(error);
      });
    });
  }

  end(): void {
    this.output.end();
  }
}
