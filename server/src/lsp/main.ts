/** `flylint-language-server --stdio` (standard streams are also the default). */
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { startServer } from './server.js';
import { FrameGuard } from './framing.js';

const stdin = process.stdin.pipe(new FrameGuard());
// Ending input ends the server (the client went away without `exit`).
process.stdin.on('end', () => process.exit(0));
startServer(createConnection(ProposedFeatures.all, new StreamMessageReader(stdin), new StreamMessageWriter(process.stdout)));
