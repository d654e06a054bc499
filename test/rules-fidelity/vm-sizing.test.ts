import { describe, it } from 'vitest';
import rule from '../../rules/vm-sizing.js';
import { expectCase, type Case } from './helpers.js';

const cases: Case[] = [
  { name: 'an unknown preset', toml: '[[vm]]\nsize = "shared-cpu-3x"\n', expect: [{ at: '"shared-cpu-3x"', message: /^\[\[vm\]\] size = "shared-cpu-3x" is not a Machine size: the deploy fails\. Did you mean "shared-cpu-/, severity: 'error', suggestion: 'size = "shared-cpu-' }] },
  { name: 'an unknown preset far from any', toml: '[vm]\nsize = "huge"\n', expect: [{ at: '"huge"', message: /^\[vm\] size = "huge" is not a Machine size: the deploy fails\. Use a preset such as/ }] },
  { name: 'an unknown preset in release_command_vm', toml: '[deploy.release_command_vm]\nsize = "performance-3x"\n', expect: [{ at: '"performance-3x"', message: /^\[deploy\.release_command_vm\] size = "performance-3x" is not a Machine size/ }] },
  {
    name: 'memory not a multiple of 256 MB',
    toml: '[[vm]]\nmemory = "300mb"\n',
    expect: [{ at: '"300mb"', message: /^\[\[vm\]\] memory = "300mb" is 300 MB, not a multiple of 256 MB, as shared CPUs need: the platform rejects it\. Use 256 MB or 512 MB$/, severity: 'warning', suggestion: 'memory = "256mb"' }],
  },
  { name: 'the second suggestion', toml: '[[vm]]\nmemory = "300mb"\n', expect: [{ at: '"300mb"', message: /Use 256 MB or 512 MB/, suggestion: 'memory = "512mb"' }] },
  { name: 'too little for performance CPUs', toml: '[[vm]]\ncpu_kind = "performance"\ncpus = 1\nmemory = "1gb"\n', expect: [{ at: '"1gb"', message: /memory = "1gb" is 1024 MB, too little for 1 performance CPU \(at least 2048 MB\).*Use 2048 MB$/, suggestion: 'memory = "2gb"' }] },
  { name: 'too much for one shared CPU', toml: '[[vm]]\nmemory = "64gb"\n', expect: [{ at: '"64gb"', message: /too much for 1 shared CPU \(at most 2048 MB\)/, suggestion: 'memory = "2gb"' }] },
  { name: 'memory_mb decides and is edited', toml: '[[vm]]\nmemory = "1gb"\nmemory_mb = 300\n', expect: [{ at: '300', message: /^\[\[vm\]\] memory_mb = 300 is 300 MB/, suggestion: 'memory_mb = 256' }] },
  { name: 'a bare number of MB keeps its style', toml: '[vm]\nmemory = 300\n', expect: [{ at: '300', message: /memory = 300 is 300 MB/, suggestion: 'memory = 256\n' }] },
  { name: 'performance CPUs with the preset memory', toml: "[[vm]]\ncpu_kind = 'performance'\ncpus = 2\n", expect: [{ at: '2', message: /gets 256 MB from the default shared-cpu-1x preset, too little for 2 performance CPUs \(at least 4096 MB\)/, suggestion: "cpus = 2\nmemory = '4gb'" }] },
  { name: 'zero memory', toml: '[[vm]]\nmemory = "0.5"\n', expect: [{ at: '"0.5"', message: /memory = "0\.5" is 0 MB .*"memory cannot be zero"/, severity: 'error' }] },
  { name: 'zero memory from a float', toml: '[[vm]]\nmemory = 1.5\nmemory_mb = 1024\n', expect: [{ at: '1.5', message: /memory = 1\.5 is 0 MB/ }] },
  { name: 'a CPU kind that does not exist', toml: '[[vm]]\ncpu_kind = "Performance"\n', expect: [{ at: '"Performance"', message: /cpu_kind = "Performance" is not a CPU kind.*Did you mean "performance"\?/, severity: 'error', suggestion: 'cpu_kind = "performance"' }] },
  { name: 'a CPU count not offered', toml: '[[vm]]\ncpu_kind = "shared"\ncpus = 3\nmemory = "1gb"\n', expect: [{ at: '3', message: /asks for 3 shared CPUs, a count the platform does not offer: use 1, 2, 4, 6, 8/, severity: 'warning' }] },
  { name: 'GPUs are deprecated', toml: '[[vm]]\ngpu_kind = "l40s"\n', expect: [{ at: '"l40s"', message: /GPU Machines are deprecated/, severity: 'warning' }] },
  { name: 'a GPU preset is a GPU too', toml: '[[vm]]\nsize = "a100-40gb"\n', expect: [{ at: '"a100-40gb"', message: /^\[\[vm\]\] size = "a100-40gb": GPU Machines are deprecated/, severity: 'warning' }] },
  { name: 'and so is a GPU count', toml: '[[vm]]\nsize = "performance-8x"\ngpus = 1\n', expect: [{ at: '1', message: /gpus = 1: GPU Machines are deprecated/, severity: 'warning' }] },
  { name: 'what fly launch writes', toml: "[[vm]]\nmemory = '1gb'\ncpu_kind = 'shared'\ncpus = 1\nmemory_mb = 1024\n", expect: [] },
  { name: 'presets and valid sizes', toml: '[[vm]]\nsize = "performance-2x"\n[[vm]]\nsize = "shared-cpu-2x"\nmemory = "1gb"\n[compute]\nmemory = 512\n[deploy.release_command_vm]\nsize = "performance-2x"\nmemory = "4G"\n', expect: [] },
  { name: 'unparseable memory is invalid-value’s finding', toml: '[[vm]]\nmemory = "abc"\n', expect: [] },
];

describe('vm-sizing', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => expectCase(rule, c));
});
