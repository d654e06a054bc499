import type { Rule } from '../server/src/lint/rule.js';
import { REGIONS, regionCity, regionSuccessor } from '../server/src/fly/regions.js';
import { didYouMean } from '../server/src/lint/did-you-mean.js';
import { stringLiteral } from '../server/src/edit/insert-key.js';
import { appRange } from './production-helpers.js';
import { valueRange } from './rule-helpers.js';

const rule: Rule = {
  meta: {
    id: 'primary-region',
    category: 'production',
    severity: 'warning',
    env: 'production',
    fix: 'suggestion',
    summary: 'primary_region missing, unknown or retired',
    why: 'The primary region is where new Machines are created and where `min_machines_running` keeps Machines warm; it also sets `PRIMARY_REGION`. Without it the region depends on who deploys from where; a retired region code no longer gets new Machines.',
    flyDocs: 'https://fly.io/docs/reference/regions/',
    examples: { bad: 'app = "shop"\nprimary_region = "sea"\n', good: 'app = "shop"\nprimary_region = "sjc"\n' },
  },
  check(context) {
    const region = context.config.primaryRegion;
    if (!region) {
      context.report({ message: 'No primary_region: where new Machines start depends on who deploys. Set primary_region (e.g. "ams", "iad", "ord")', range: appRange(context) });
      return;
    }
    const code = region.value;
    if (regionCity(code)) return;
    const replacement = regionSuccessor(code);
    if (replacement) {
      context.report({
        message: `Region "${code}" is retired; Fly.io moved it to "${replacement}" (${regionCity(replacement)}). Use primary_region = "${replacement}"`,
        range: valueRange(region),
        tags: ['deprecated'],
        suggestions: [{ desc: `Use "${replacement}"`, fix: { range: valueRange(region), text: stringLiteral(context.doc, replacement) } }],
      });
      return;
    }
    const closest = didYouMean(code.toLowerCase(), Object.keys(REGIONS)) ?? (regionCity(code.toLowerCase()) ? code.toLowerCase() : undefined);
    context.report({
      message: `"${code}" is not a Fly.io region${closest ? `. Did you mean "${closest}" (${regionCity(closest)})?` : ''}`,
      range: valueRange(region),
      ...(closest ? { suggestions: [{ desc: `Use "${closest}"`, fix: { range: valueRange(region), text: stringLiteral(context.doc, closest) } }] } : {}),
    });
  },
};
export default rule;
