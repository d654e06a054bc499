/** The project a config belongs to, for what its folders say: the repository (the folder holding `.git`) around it. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

const roots = new Map<string, string | undefined>();

/** The nearest folder at or above `dir` that holds `.git`; undefined outside a repository. */
export function repositoryRoot(dir: string): string | undefined {
  if (roots.has(dir)) return roots.get(dir);
  const parent = dirname(dir);
  const root = existsSync(join(dir, '.git')) ? dir : parent === dir ? undefined : repositoryRoot(parent);
  roots.set(dir, root);
  return root;
}
