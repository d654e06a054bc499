/** Each message leaves the server as one complete frame, its length counted in bytes. */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { FrameWriter } from '../../server/src/lsp/frame-writer.js';

function sink(): { chunks: Buffer[]; stream: Writable } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  return { chunks, stream };
}

describe('FrameWriter', () => {
  it('writes header and body in one write, with the body length in UTF-8 bytes', async () => {
    const { chunks, stream } = sink();
    const writer = new FrameWriter(stream);
    const message = { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'naïve – 東京 🚀' } };
    await writer.write(message as never);
    expect(chunks).toHaveLength(1);
    const frame = chunks[0]!;
    const split = frame.indexOf('\r\n\r\n');
    const header = frame.subarray(0, split).toString('ascii');
    const body = frame.subarray(split + 4);
    expect(header).toBe(`Content-Length: ${body.length}`);
    expect(body.length).toBeGreaterThan(JSON.stringify(message).length); // multi-byte characters
    expect(JSON.parse(body.toString('utf8'))).toEqual(message);
  });

  it('keeps messages in order and reports a failed write as an error of the connection', async () => {
    const { chunks, stream } = sink();
    const writer = new FrameWriter(stream);
    await Promise.all([1, 2, 3].map((id) => writer.write({ jsonrpc: '2.0', id, result: null } as never)));
    expect(chunks.map((c) => JSON.parse(c.subarray(c.indexOf('\r\n\r\n') + 4).toString()).id)).toEqual([1, 2, 3]);

    const broken = new Writable({ write: (_chunk, _encoding, done) => done(new Error('pipe closed')) });
    broken.on('error', () => undefined);
    const failing = new FrameWriter(broken);
    const errors: string[] = [];
    failing.onError(([error]) => errors.push(error.message));
    await expect(failing.write({ jsonrpc: '2.0', id: 1, result: null } as never)).rejects.toThrow('pipe closed');
    expect(errors).toContain('pipe closed');
  });
});
