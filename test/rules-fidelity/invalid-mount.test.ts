import { describe, it } from 'vitest';
import rule from '../../rules/invalid-mount.js';
import { expectCase, type Case } from './helpers.js';

const mount = (body: string) => `[[mounts]]\nsource = "data"\ndestination = "/data"\n${body}\n`;

const cases: Case[] = [
  { name: 'under 1 GB', toml: mount('initial_size = "500mb"'), expect: [{ at: '"500mb"', message: /^initial_size = "500mb" of volume "data" is 0 GB \(volume sizes use decimal units and are rounded down to whole GB\); the smallest is 1 GB: write "1gb" or more\. flyctl rejects the config$/, severity: 'error' }] },
  { name: 'the fixture value 15Mb', toml: mount('initial_size = "15Mb"'), expect: [{ at: '"15Mb"', message: /is 0 GB/ }] },
  { name: 'unparseable', toml: mount('initial_size = "unparseable"'), expect: [{ at: '"unparseable"', message: /is not a size flyctl can read \(invalid size: invalid size: 'unparseable'\): write e\.g\. "10gb"/ }] },
  { name: 'a fractional number reads as bytes', toml: mount('initial_size = 1.5'), expect: [{ at: '1.5', message: /initial_size = 1\.5 .* is 0 GB/ }] },
  { name: 'snapshot retention out of range', toml: mount('snapshot_retention = 0') + mount('snapshot_retention = 61'), expect: [{ at: '0', message: /snapshot_retention = 0 of volume "data" is outside 1–60 days/ }, { at: '61', message: /snapshot_retention = 61/ }] },
  { name: 'a threshold alone', toml: mount('auto_extend_size_threshold = 80'), expect: [{ at: 'auto_extend_size_threshold', message: /set without auto_extend_size_increment/ }] },
  { name: 'a limit alone', toml: mount('auto_extend_size_limit = "10gb"'), expect: [{ at: '[[mounts]]', message: /needs auto_extend_size_threshold between 50 and 99/ }, { at: 'auto_extend_size_limit', message: /needs auto_extend_size_increment between 1 and 100 GB/ }] },
  {
    name: 'out-of-range auto-extend values',
    toml: mount('auto_extend_size_threshold = 40\nauto_extend_size_increment = "200gb"\nauto_extend_size_limit = "600GB"'),
    expect: [
      { at: '40', message: /auto_extend_size_threshold = 40 of volume "data" must be between 50 and 99/ },
      { at: '"200gb"', message: /auto_extend_size_increment = "200gb" of volume "data" is 200 GB .*the largest is 100 GB/ },
      { at: '"600GB"', message: /the largest is 500 GB/ },
    ],
  },
  { name: 'valid sizes, decimal and rounded down', toml: mount('initial_size = "1500MB"') + mount('initial_size = "10GiB"') + mount('initial_size = 10') + mount('initial_size = ""'), expect: [] },
  { name: 'threshold and increment without a limit are enough', toml: mount('auto_extend_size_threshold = 80\nauto_extend_size_increment = "1GB"\nsnapshot_retention = 60'), expect: [] },
];

describe('invalid-mount', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => expectCase(rule, c));
});
