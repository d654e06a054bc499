/** Every file below a folder with its size and modification time, sorted: what "nothing was written" compares. */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export function fileSnapshot(dir) {
  const out = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const stat = statSync(path);
        out.push(`${relative(dir, path)} ${stat.size} ${stat.mtimeMs}`);
      }
    }
  };
  walk(dir);
  return out.sort();
}
