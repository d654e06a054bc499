/** The VS Code extension: starts flylint's language server (bundled beside this file) for fly*.toml files. */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // An ES module: the .mjs name makes Node load it as one whatever the package.json around it says.
  const module = context.asAbsolutePath('dist/language-server.mjs');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio },
    debug: { module, transport: TransportKind.stdio },
  };
  const output = vscode.window.createOutputChannel('flylint', { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', pattern: '**/fly*.toml' },
      { scheme: 'untitled', language: 'toml' },
    ],
    synchronize: { configurationSection: 'flylint' },
    outputChannel: output,
  };
  client = new LanguageClient('flylint', 'flylint', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.commands.registerCommand('flylint.fixAll', async () => {
      await vscode.commands.executeCommand('editor.action.sourceAction', { kind: 'source.fixAll.flylint', apply: 'first' });
    }),
    vscode.commands.registerCommand('flylint.restartServer', async () => {
      await client?.restart();
    }),
    vscode.commands.registerCommand('flylint.showOutput', () => output.show()),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
