/** `flylint-language-server --stdio` (standard streams are also the default). */
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { startServer } from './server.js';
import { FrameGuard } from './framing.js';

// A failed promise somewhere must never take the editor's server down; it is logged instead.
process.on('unhandledRejection', (reason) => process.stderr.write(`flylint-language-server: ${String(reason)}\n`));

const stdin = process.stdin.pipe(new FrameGuard());
// Ending input ends the server (the client went away without `exit`).
process.stdin.on('end', () => process.exit(0));
startServer(createConnection(ProposedFeatures.all, new StreamMessageReader(stdin), new StreamMessageWriter(process.stdout)));
