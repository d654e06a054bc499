import type { Rule } from '../server/src/lint/rule.js';
import { detectSecret } from '../server/src/lint/secrets.js';
import { removeLineFix } from '../server/src/edit/insert-key.js';
import { stringField } from '../server/src/fly/model.js';

const rule: Rule = {
  meta: {
    id: 'secret-in-env',
    category: 'production',
    severity: 'error',
    env: 'any',
    fix: 'suggestion',
    summary: 'A secret written into fly.toml',
    why: '`[env]`, `[build.args]` and `[[files]] raw_value` are plain text in the repository and visible to anyone who can read it; build args are even baked into image layers. Secrets belong in `fly secrets set`, which encrypts them and injects them as environment variables at run time.',
    flyDocs: 'https://fly.io/docs/apps/secrets/',
    examples: {
      bad: 'app = "shop"\n\n[env]\nSTRIPE_SECRET_KEY = "sk_live_51HxQ2rTz8kL9mN3pQ7vW2yX"\n',
      good: 'app = "shop"\n\n[env]\nSTRIPE_PUBLISHABLE_KEY_ID = "shop-main"\n',
    },
  },
  check({ config, settings, text, report }) {
    const places: Array<[typeof config.env, string]> = [
      [config.env, '[env]'],
      [config.buildArgs, '[build.args]'],
    ];
    for (const [entries, where] of places) {
      for (const { name, key, value } of entries) {
        if (value.type !== 'string') continue;
        const verdict = detectSecret(name, value.value, settings.secretPatterns);
        if (!verdict) continue;
        const line = value.node;
        report({
          // Never the value itself: messages end up in CI logs.
          message: `${where} ${name} looks like a secret (${verdict.reason}); anyone who can read this file can read it${where === '[build.args]' ? ', and build args stay in the image' : ''}. Remove it here and run \`fly secrets set ${name}=…\``,
          range: [key.start, line.end],
          suggestions: [{ desc: `Remove ${name} (then set it with fly secrets set)`, fix: removeLineFix(text, { start: key.start, end: line.end }) }],
        });
      }
    }
    for (const file of config.files) {
      const raw = stringField(file, 'raw_value');
      if (!raw) continue;
      const guest = stringField(file, 'guest_path')?.value ?? 'file';
      const verdict = detectSecret(guest, raw.value, settings.secretPatterns);
      if (verdict) report({ message: `[[files]] raw_value for ${guest} looks like a secret (${verdict.reason}). Use secret_name with \`fly secrets set\` instead`, range: [raw.key.start, raw.node.end] });
    }
  },
};
export default rule;
