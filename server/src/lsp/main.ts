/** `flylint-language-server --stdio` (standard streams are also the default). */
import { listen } from './server.js';

// A failed promise somewhere must never take the editor's server down; it is logged instead.
process.on('unhandledRejection', (reason) => process.stderr.write(`flylint-language-server: ${String(reason)}\n`));

// Ending input ends the server (the client went away without `exit`), once what arrived before
// the end is answered.
listen(process.stdin, process.stdout, { onInputEnd: () => process.exit(0) });
