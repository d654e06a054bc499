/**
 * One wording for every path the CLI cannot read, whichever option named it:
 * `cannot read PATH (REASON)`, `cannot read config file PATH (REASON)`.
 */
import { UsageError } from './args.js';
import { describeFsError } from './read-file.js';

export function cannotReadMessage(path: string, error: unknown, what?: 'config file'): string {
  return `cannot read ${what ? `${what} ` : ''}${path} (${describeFsError(error)})`;
}

export function cannotRead(path: string, error: unknown): UsageError {
  return new UsageError(cannotReadMessage(path, error));
}
