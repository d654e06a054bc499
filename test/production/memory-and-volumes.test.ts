/** missing-swap weighs the memory a config gives; volume-single-point leaves cache and scratch mounts alone; a template gets no rule findings. */
import { describe, expect, it } from 'vitest';
import { lintText } from '../../server/src/index.js';
import { holdsNothingToLose } from '../../rules/volume-single-point.js';

const findings = (text: string, rule: string) => lintText(text, { filePath: '/p/fly.toml' }).filter((f) => f.ruleId === rule);

describe('missing-swap', () => {
  const cases: Array<[string, string, string | null]> = [
    ['the default preset (256 MB)', '[[vm]]\n  size = "shared-cpu-1x"\n', 'These Machines have 256 MB of memory and no swap'],
    ['512 MB written as memory', '[[vm]]\n  cpu_kind = "shared"\n  cpus = 1\n  memory = "512mb"\n', 'These Machines have 512 MB of memory and no swap'],
    ['memory_mb wins over memory', '[[vm]]\n  memory = "2gb"\n  memory_mb = 512\n', 'These Machines have 512 MB'],
    ['1 GB is enough', '[[vm]]\n  memory = "1gb"\n', null],
    ['a 4 GB performance Machine', '[[vm]]\n  size = "performance-2x"\n', null],
    ['swap is set', 'swap_size_mb = 512\n[[vm]]\n  size = "shared-cpu-1x"\n', null],
    ['no [[vm]]: the config states no memory', '', null],
    ['the smallest of several groups', '[processes]\n  web = "web"\n  worker = "worker"\n[[vm]]\n  memory = "2gb"\n  processes = ["web"]\n[[vm]]\n  memory = "512mb"\n  processes = ["worker"]\n', 'These Machines have 512 MB'],
    ['a [[vm]] no group takes sizes nothing', '[processes]\n  web = "web"\n[[vm]]\n  memory = "2gb"\n[[vm]]\n  memory = "256mb"\n  processes = ["nope"]\n', null],
  ];

  it.each(cases)('%s', (_, body, message) => {
    const found = findings(`app = "shop"\nprimary_region = "ams"\n${body}`, 'missing-swap');
    if (message === null) return expect(found).toEqual([]);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain(message);
    expect(found[0]!.suggestions?.[0]?.desc).toBe('Add swap_size_mb = 512');
  });
});

describe('volume-single-point', () => {
  it.each([
    ['/data', false],
    ['/var/lib/postgresql/data', false],
    ['/tmp', true],
    ['/tmp/windmill/cache', true],
    ['/root/.cache/huggingface', true],
    ['/mnt/cache', true],
    ['/app/build-cache', true],
    ['/var/cache/nginx', true],
    ['/var/tmp', true],
    ['/scratch', true],
    ['/cached-data-is-data', false],
  ])('%s holds nothing to lose: %s', (destination, scratch) => {
    expect(holdsNothingToLose(destination)).toBe(scratch);
    const found = findings(`app = "shop"\n[[mounts]]\n  source = "v"\n  destination = "${destination}"\n`, 'volume-single-point');
    expect(found).toHaveLength(scratch ? 0 : 1);
  });
});

describe('a template', () => {
  it('gets its one syntax error and no rule findings: its placeholders hide the values', () => {
    const text = 'app = "{{ .App }}"\n{{ if .Production }}\n[http_service]\n  internal_port = {{ .Port }}\n{{ end }}\n[[vm]]\n  memory = {{ .Memory }}\n';
    const all = lintText(text, { filePath: '/p/fly.toml' });
    expect(all.map((f) => f.ruleId)).toEqual(['toml-syntax']);
    expect(all[0]!.message).toMatch(/^This file is a Go template/);
  });
});
