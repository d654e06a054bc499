/**
 * What the server does when its input ends without `exit` (the client went away, or a script
 * piped a fixed list of messages). The messages that arrived before the end are still answered:
 * the server stops once every request it admitted has its response written and the output has
 * been quiet for a moment (notifications such as didOpen publish within that moment).
 */
import type { Message } from 'vscode-languageserver';

const QUIET_MS = 50;
/** However busy, a server whose client is gone stops within this. */
const LIMIT_MS = 10_000;

export class InputEnd {
  private pendingRequests = 0;
  private pendingWrites = 0;
  private ended = false;
  private quietTimer: NodeJS.Timeout | undefined;

  constructor(private readonly stop: () => void) {}

  /** An incoming message the connection will handle. */
  admitted(message: Message): void {
    const m = message as { id?: unknown; method?: unknown };
    if (typeof m.method === 'string' && m.id !== undefined && m.id !== null) this.pendingRequests++;
  }

  /** An outgoing message is being written; `done` when the write has finished. */
  writing(message: Message): () => void {
    const m = message as { id?: unknown; method?: unknown };
    const isResponse = m.method === undefined && m.id !== undefined;
    this.pendingWrites++;
    return () => {
      this.pendingWrites--;
      if (isResponse && this.pendingRequests > 0) this.pendingRequests--;
      this.check();
    };
  }

  inputEnded(): void {
    if (this.ended) return;
    this.ended = true;
    setTimeout(this.stop, LIMIT_MS).unref();
    this.check();
  }

  private check(): void {
    if (!this.ended) return;
    if (this.quietTimer) clearTimeout(this.quietTimer);
    if (this.pendingRequests > 0 || this.pendingWrites > 0) return;
    this.quietTimer = setTimeout(() => {
      if (this.pendingRequests === 0 && this.pendingWrites === 0) this.stop();
    }, QUIET_MS);
  }
}
