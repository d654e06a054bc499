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
    // The last change to arrive is the document, whatever its number: a client that numbers
    // 100 and then 2 means 2 (keeping the highest left every later change unpublished).
    const version = m.params?.textDocument?.version;
    if (typeof version === 'number') this.latest.set(uri, version);
  }

  /** A later change of the document has arrived and waits to be handled. */
  isSuperseded(uri: string, version: number): boolean {
    const latest = this.latest.get(uri);
    return latest !== undefined && latest !== version;
  }
}
