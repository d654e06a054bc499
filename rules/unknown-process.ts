import type { Rule } from '../server/src/lint/rule.js';
import type { Field } from '../server/src/fly/model.js';
import { stringListField } from '../server/src/fly/model.js';
import { didYouMean } from '../server/src/lint/did-you-mean.js';
import type { TomlTable } from '../server/src/toml/values.js';

const rule: Rule = {
  meta: {
    id: 'unknown-process',
    category: 'schema',
    severity: 'error',
    env: 'any',
    fix: 'none',
    summary: 'A processes list names a group [processes] does not define',
    why: 'Services and restart policies that name an undefined process group make flyctl reject the config. Mounts, Machine sizes, metrics, files and checks that name one are accepted but silently apply to nothing — a typo there leaves a group without its volume or its size.',
    flyDocs: 'https://fly.io/docs/reference/configuration/#the-processes-section',
    examples: {
      bad: 'app = "shop"\n\n[processes]\nweb = "bin/web"\n\n[http_service]\ninternal_port = 8080\nprocesses = ["app"]\n',
      good: 'app = "shop"\n\n[processes]\nweb = "bin/web"\n\n[http_service]\ninternal_port = 8080\nprocesses = ["web"]\n',
    },
  },
  check({ config, report }) {
    const names = config.processNames;
    const check = (list: Field<string[]> | undefined, where: string, fatal: boolean) => {
      if (!list || list.node.kind !== 'array') return;
      for (const item of list.node.items) {
        if (item.kind !== 'string' || names.includes(item.value)) continue;
        const closest = didYouMean(item.value, names);
        const defined = config.processes.length ? `[processes] defines ${names.map((n) => `"${n}"`).join(', ')}` : 'there is no [processes] section, so the only group is "app"';
        report({
          message: `${where} names the process group "${item.value}", but ${defined}${closest ? `. Did you mean "${closest}"?` : ''}${fatal ? '' : '. flyctl accepts this, and the section applies to no Machine'}`,
          range: [item.start, item.end],
          ...(fatal ? {} : { severity: 'warning' as const }),
        });
      }
    };
    for (const s of config.services) check(s.processes, s.kind === 'http_service' ? '[http_service]' : '[[services]]', true);
    for (const r of config.restarts) check(stringListField(r, 'processes'), '[[restart]]', true);
    const soft = (tables: TomlTable[], where: string) => tables.forEach((t) => check(stringListField(t, 'processes'), where, false));
    soft(config.mounts.map((m) => m.table), '[[mounts]]');
    soft(config.vms.map((v) => v.table), '[[vm]]');
    soft(config.metrics, '[[metrics]]');
    soft(config.files, '[[files]]');
    soft(config.checks.map((c) => c.table), '[checks]');
  },
};
export default rule;
