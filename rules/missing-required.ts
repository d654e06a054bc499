import { schemaRule } from './schema-rule.js';

export default schemaRule(
  {
    id: 'missing-required',
    category: 'schema',
    severity: 'error',
    env: 'any',
    fix: 'none',
    summary: 'A section misses a key it cannot work without',
    why: 'A `[[restart]]` without `policy` fails `fly config validate`. The others load but cannot deploy: a `[[mounts]]` without `source` or `destination`, a machine check without `command`, a `[[statics]]` without `url_prefix` or anything to serve, a `[[files]]` entry without `guest_path`, an `[http_service]` (or a `[[services]]` with ports) without `internal_port`, which flyctl sends as port 0 while the Machines API requires a real one. A `[[files]]` entry with no source (`local_path`, `secret_name`, `raw_value`; the docs require exactly one) removes the file from the Machines on the next deploy. Every one of them is an error: the config does not do what it says.',
    flyDocs: 'https://fly.io/docs/reference/configuration/#the-mounts-section',
    examples: { bad: 'app = "shop"\n\n[[mounts]]\nsource = "data"\n', good: 'app = "shop"\n\n[[mounts]]\nsource = "data"\ndestination = "/data"\n' },
  },
  'missing-required',
);
