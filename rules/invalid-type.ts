import { schemaRule } from './schema-rule.js';

export default schemaRule(
  {
    id: 'invalid-type',
    category: 'schema',
    severity: 'error',
    env: 'any',
    fix: 'safe',
    summary: 'A shape or type flyctl cannot load',
    why: 'flyctl converts fly.toml to typed Go structs: a string where a list is required (`processes = "app"`), a string port in `[http_service]`, `[[http_service]]` instead of `[http_service]`, a fractional number in an integer field, `nan`/`inf` … make it reject the whole config, and every command fails until it is fixed. flyctl reports only the first such error; flylint reports all of them, and fixes those whose meaning is plain (`"8080"` → `8080`, `"app"` → `["app"]`, `[[http_service]]` → `[http_service]`). Where flyctl silently ignores a wrong type (a duration written as `true`), the finding is a warning. Those rewrites look keys up in lower case only, while the decoder reads every spelling: under `Port` or `[[Services]]`, and in a second spelling that another overrides (`APP` beside `app`), a legacy value stays as written and is an error.',
    flyDocs: 'https://fly.io/docs/reference/configuration/',
    examples: {
      bad: 'app = "shop"\n\n[http_service]\ninternal_port = "8080"\nprocesses = "app"\n',
      good: 'app = "shop"\n\n[http_service]\ninternal_port = 8080\nprocesses = ["app"]\n',
    },
  },
  'invalid-type',
);
