/** `flylint-language-server --stdio` (standard streams are also the default). */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server.js';

if (!process.argv.includes('--stdio') && !process.argv.some((a) => a.startsWith('--node-ipc') || a.startsWith('--socket'))) process.argv.push('--stdio');
startServer(createConnection(ProposedFeatures.all));
