/** Process entry: wires `run` to the real process. */
import { readFileSync } from 'node:fs';
import { run } from './main.js';

// `flylint … | head` closes the pipe early; that is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

try {
  process.exitCode = run(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readStdin: () => readFileSync(0),
    isTTY: process.stdout.isTTY === true,
  });
} catch (error) {
  process.stderr.write(`flylint: internal error: ${error instanceof Error ? error.message : String(error)}\nPlease report this with the file that caused it.\n`);
  process.exitCode = 2;
}
