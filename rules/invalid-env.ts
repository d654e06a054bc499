import type { Rule } from '../server/src/lint/rule.js';
import type { EnvEntry } from '../server/src/fly/config-types.js';
import { removeLineFix } from '../server/src/edit/insert-key.js';

/**
 * Variables Fly.io sets in every Machine (the runtime environment docs); flyctl itself sets
 * FLY_PROCESS_GROUP for each group, over [env]. Other `FLY_` names are left alone: images and
 * tools read their own (`FLY_SCALE_TO_ZERO` in Fly's Postgres images), and they reach the app.
 */
const SET_BY_FLY = new Set(['FLY_APP_NAME', 'FLY_MACHINE_ID', 'FLY_ALLOC_ID', 'FLY_REGION', 'FLY_PUBLIC_IP', 'FLY_IMAGE_REF', 'FLY_MACHINE_VERSION', 'FLY_PRIVATE_IP', 'FLY_PROCESS_GROUP', 'FLY_VM_MEMORY_MB']);

function shapeMessage(entry: EnvEntry): string | undefined {
  const { name, value, text } = entry;
  if (value.type !== 'table' && value.type !== 'array') return undefined;
  const what = value.type === 'table' ? 'a table' : 'an array';
  if (value.type === 'table' && value.entries.has('from_secret')) {
    // Secrets win over [env]: with a secret of this name set, the line does nothing; without, it sets garbage.
    return `[env] ${name} is a table, and fly.toml has no way to refer to a secret: flyctl passes it on as Go prints it, so the app gets the text "${text}" unless a secret named ${name} overrides it. Set it with \`fly secrets set ${name}=…\` and remove it here`;
  }
  return `[env] ${name} is ${what}: flyctl passes it on as Go prints it, so the app gets the text "${text}". [env] values are strings: write the string the app should read`;
}

const rule: Rule = {
  meta: {
    id: 'invalid-env',
    category: 'schema',
    severity: 'warning',
    env: 'any',
    fix: 'suggestion',
    summary: 'An [env] variable the app does not get as written',
    why: 'flyctl turns every `[env]` value into a string with Go\'s `%v`: a table such as `{ from_secret = "DATABASE_URL" }` reaches the app as the text `map[from_secret:DATABASE_URL]`, an array as `[a b]`, and the deploy goes ahead. fly.toml has no way to refer to a secret; secrets set with `fly secrets set` are variables of their own. And Fly.io sets `FLY_REGION`, `FLY_APP_NAME`, `FLY_PROCESS_GROUP` and the other runtime variables in every Machine itself, so a value given for them in `[env]` is not what the app sees.',
    flyDocs: 'https://fly.io/docs/reference/configuration/#the-env-variables-section',
    examples: {
      bad: 'app = "shop"\n\n[env]\nDATABASE_URL = { from_secret = "DATABASE_URL" }\nFLY_REGION = "ams"\n',
      good: 'app = "shop"\n\n[env]\nLOG_LEVEL = "info"\n',
    },
  },
  check({ config, text, report }) {
    for (const entry of config.env) {
      const { name, key } = entry;
      const shape = shapeMessage(entry);
      if (shape) {
        report({ message: shape, range: [key.start, key.end] });
        continue;
      }
      if (SET_BY_FLY.has(name)) {
        const line = entry.value.type === 'string' || entry.value.type === 'integer' || entry.value.type === 'float' || entry.value.type === 'boolean' || entry.value.type === 'datetime' ? entry.value.node : undefined;
        report({
          message: `[env] ${name} is set by Fly.io in every Machine, so this value is not what the app sees (names starting with FLY_ are reserved). Remove it${name === 'FLY_REGION' ? '; the region a Machine runs in is FLY_REGION, the one new Machines start in is primary_region' : ''}`,
          range: [key.start, line ? line.end : key.end],
          ...(line ? { suggestions: [{ desc: `Remove ${name}`, fix: removeLineFix(text, { start: key.start, end: line.end }) }] } : {}),
        });
      }
    }
  },
};
export default rule;
