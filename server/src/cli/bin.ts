/** Process entry: wires `run` to the real process. */
import { readFileSync } from 'node:fs';
import { run } from './main.js';
import { isTerminal, writeOutput } from './write-output.js';

try {
  process.exitCode = run(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => writeOutput(1, text),
    stderr: (text) => writeOutput(2, text),
    readStdin: () => readFileSync(0),
    isTTY: isTerminal(1),
  });
} catch (error) {
  writeOutput(2, `flylint: internal error: ${error instanceof Error ? error.message : String(error)}\nPlease report this with the file that caused it.\n`);
  process.exitCode = 2;
}
// Every output and every fixed file is written synchronously by now, so nothing is left for the
// event loop but V8's idle-time garbage collection and the teardown of the heap: skipped, as a
// process about to end gains nothing from them.
process.exit();
