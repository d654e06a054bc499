import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every .toml file below a folder (fixtures nest theirs in extra/). */
export function tomlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    return statSync(full).isDirectory() ? tomlFiles(full) : entry.endsWith('.toml') ? [full] : [];
  });
}
