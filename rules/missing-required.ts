import { schemaRule } from './schema-rule.js';

export default schemaRule(
  {
    id: 'missing-required',
    category: 'schema',
    severity: 'error',
    env: 'any',
    fix: 'none',
    summary: 'A section misses a key it cannot work without',
    why: 'A `[[mounts]]` without `source` or `destination`, a `[[restart]]` without `policy`, a machine check without `command`, a `[[statics]]` without `url_prefix`, a `[[files]]` entry without `guest_path`: flyctl rejects the config or the deploy fails. A `[[files]]` entry with no source (`local_path`, `secret_name`, `raw_value`) is a warning: flyctl then removes the file from the Machines. So is an `[http_service]`, or a `[[services]]` with ports, without `internal_port`: flyctl sends the service with port 0, and the Machines API requires a real one.',
    flyDocs: 'https://fly.io/docs/reference/configuration/#the-mounts-section',
    examples: { bad: 'app = "shop"\n\n[[mounts]]\nsource = "data"\n', good: 'app = "shop"\n\n[[mounts]]\nsource = "data"\ndestination = "/data"\n' },
  },
  'missing-required',
);
