/** `flylint-language-server --stdio` (standard streams are also the default). */
import { listen } from './server.js';
import { FrameGuard } from './framing.js';

// A failed promise somewhere must never take the editor's server down; it is logged instead.
process.on('unhandledRejection', (reason) => process.stderr.write(`flylint-language-server: ${String(reason)}\n`));

const input = process.stdin.pipe(new FrameGuard());
// Ending input ends the server (the client went away without `exit`).
process.stdin.on('end', () => process.exit(0));
listen(input, process.stdout);
