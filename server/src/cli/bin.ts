/** Process entry: wires `run` to the real process. */
import { readFileSync } from 'node:fs';
import { run } from './main.js';

const code = run(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  readStdin: () => readFileSync(0, 'utf8'),
  isTTY: process.stdout.isTTY === true,
});
process.exitCode = code;
