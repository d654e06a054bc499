/**
 * Output written straight to a file descriptor. Touching `process.stdout` sets up Node's stream
 * machinery, which costs a one-file run more than its lint; a linter writes once and exits.
 */
import { fstatSync, writeSync } from 'node:fs';

const pause = new Int32Array(new SharedArrayBuffer(4));

export function writeOutput(fd: number, output: string | Uint8Array): void {
  let rest = typeof output === 'string' ? Buffer.from(output) : Buffer.from(output.buffer, output.byteOffset, output.byteLength);
  while (rest.length > 0) {
    try {
      rest = rest.subarray(writeSync(fd, rest));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // `flylint … | head` closes the pipe early: that is not an error worth a stack trace.
      if (code === 'EPIPE') process.exit(process.exitCode ?? 0);
      // A full non-blocking pipe: wait a moment for the reader.
      if (code === 'EAGAIN') Atomics.wait(pause, 0, 0, 1);
      else throw error;
    }
  }
}

/**
 * Whether output to `fd` may be coloured: a character device, which is a terminal (or /dev/null,
 * where colours do no harm). `tty.isatty` would load the net and stream modules first.
 */
export function isTerminal(fd: number): boolean {
  try {
    return fstatSync(fd).isCharacterDevice();
  } catch {
    return false;
  }
}
