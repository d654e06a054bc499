import type { Rule } from '../server/src/lint/rule.js';
import { tableRange } from './rule-helpers.js';

const rule: Rule = {
  meta: {
    id: 'volume-single-point',
    category: 'production',
    severity: 'info',
    env: 'production',
    fix: 'none',
    summary: 'A volume ties the app to single Machines',
    why: 'A volume belongs to one Machine on one host: `fly launch` creates only one Machine for a group with a volume, canary and blue-green deploys are impossible, and a host failure takes the data offline. Fly.io recommends provisioning at least two volumes (and Machines) per app, with replication handled by the app. A cache or scratch mount (`/tmp/…`, `…/cache`, `/root/.cache`) is left alone: it holds nothing to lose.',
    flyDocs: 'https://fly.io/docs/volumes/overview/',
    examples: { bad: 'app = "shop"\n\n[[mounts]]\nsource = "data"\ndestination = "/data"\n', good: 'app = "shop"\n' },
  },
  check({ config, report }) {
    for (const m of config.mounts) {
      if (m.destination && holdsNothingToLose(m.destination.value)) continue;
      report({ message: `Volume "${m.source?.value ?? '?'}": each Machine gets its own volume on one host, so run at least two Machines with their own volumes (fly scale count 2) and replicate the data`, range: tableRange(m.table) });
    }
  },
};
/**
 * A cache or scratch mount: `/tmp`, `/var/tmp`, `/var/cache` or below, or a folder named like a
 * cache (`/root/.cache`, `/app/cache`, `/data/build-cache`). Losing it costs a refill, not data.
 */
export function holdsNothingToLose(destination: string): boolean {
  const parts = destination.split('/').filter((p) => p !== '' && p !== '.');
  if (parts[0] === 'tmp' || (parts[0] === 'var' && (parts[1] === 'tmp' || parts[1] === 'cache'))) return true;
  return parts.some((p) => /cache$/i.test(p) || /^scratch$/i.test(p));
}

export default rule;
