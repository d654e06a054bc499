/**
 * Sees every message as it arrives, before the connection queues it for handling. When a burst of
 * edits arrives at once (fast typing on a large file, a paste, a replayed undo stack), the server
 * learns that a document version is already superseded and skips analysing it: the debounce costs
 * no delay for a lone edit.
 */
import type { Message } from 'vscode-languageserver';

interface ChangeParams {
  textDocument?: { uri?: unknown; version?: unknown };
}

export class ChangeQueue {
  private readonly latest = new Map<string, number>();

  note(message: Message): void {
    const m = message as { method?: unknown; params?: ChangeParams };
    if (m.method !== 'textDocument/didChange' && m.method !== 'textDocument/didClose') return;
    const uri = m.params?.textDocument?.uri;
    if (typeof uri !== 'string') return;
    if (m.method === 'textDocument/didClose') {
      this.latest.delete(uri);
      return;
    }
    const version = m.params?.textDocument?.version;
    if (typeof version === 'number' && version > (this.latest.get(uri) ?? -Infinity)) this.latest.set(uri, version);
  }

  /** A newer version of the document has arrived and waits to be handled. */
  isSuperseded(uri: string, version: number): boolean {
    const latest = this.latest.get(uri);
    return latest !== undefined && latest > version;
  }
}
