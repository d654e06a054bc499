/** Hover text: how flyctl reads a value at a key path. */
import { describe, expect, it } from 'vitest';
import { parseToml } from '../../server/src/toml/parse.js';
import { describeValueAt, mayHaveShortForm } from '../../server/src/fly/describe.js';
import type { ValueNode } from '../../server/src/toml/ast.js';
import type { TomlTable, TomlValue } from '../../server/src/toml/values.js';

/** The value at a dotted path of a one-line document, array indices as numbers. */
function valueOf(text: string, path: ReadonlyArray<string | number>): TomlValue {
  let current: TomlValue = parseToml(text).value;
  for (const part of path) {
    if (typeof part === 'number') current = (current as { items: TomlValue[] }).items[part]!;
    else current = (current as TomlTable).entries.get(part)!.value;
  }
  return current;
}

const cases: Array<[string, ReadonlyArray<string | number>, string, boolean, string?]> = [
  ['kill_timeout = 5', ['kill_timeout'], '5 seconds (a bare number here is seconds)', true, '5s'],
  ['kill_timeout = "1m30s"', ['kill_timeout'], '1 minute 30 seconds', true],
  ['kill_timeout = "5"', ['kill_timeout'], 'not a duration flyctl can read (time: missing unit in duration "5"); write e.g. "30s" or "1m30s"', false],
  ['Kill_Timeout = 5', ['Kill_Timeout'], "5 nanoseconds (the key is not written in lower case, so flyctl's conversion skips it and a bare number counts nanoseconds)", true, '5ns'],
  ['[[http_service.checks]]\ninterval = 5', ['http_service', 'checks', 0, 'interval'], '5 nanoseconds (a bare number here is nanoseconds)', true, '5ns'],
  ['[[services]]\n[[services.tcp_checks]]\ninterval = 10000', ['services', 0, 'tcp_checks', 0, 'interval'], '10 seconds (a bare number here is milliseconds)', true, '10s'],
  ['[checks.alive]\ngrace_period = 1.5', ['checks', 'alive', 'grace_period'], '1 millisecond (a bare number here is milliseconds, the fraction dropped)', true, '1ms'],
  ['[deploy]\nwait_timeout = 300', ['deploy', 'wait_timeout'], '300 nanoseconds (a bare number here is nanoseconds)', true, '300ns'],
  ['[deploy]\nwait_timeout = ""', ['deploy', 'wait_timeout'], 'not a duration flyctl can read (time: invalid duration ""); write e.g. "30s" or "1m30s"', false],
  ['[checks.a]\ninterval = ""', ['checks', 'a', 'interval'], 'unset (an empty duration is ignored here)', true],
  ['[[vm]]\nmemory = "1gb"', ['vm', 0, 'memory'], '1024 MB', true],
  ['[vm]\nmemory = 1.5', ['vm', 'memory'], '0 MB (flyctl turns the number into "1.5" first)', false],
  ['[deploy.release_command_vm]\nmemory = 2048', ['deploy', 'release_command_vm', 'memory'], 'must be a string here, such as "1gb"', false],
  ['[[vm]]\nmemory_mb = 4096', ['vm', 0, 'memory_mb'], '4096 MB (overrides memory and the size preset)', true],
  ['[[vm]]\nsize = "performance-2x"', ['vm', 0, 'size'], '2 performance CPUs, 4096 MB', true],
  ['[[vm]]\nsize = "shared-cpu-3x"', ['vm', 0, 'size'], 'not a Machine size preset; the deploy fails', false],
  ['[[vm]]\npersist_rootfs = 2', ['vm', 0, 'persist_rootfs'], '"restart"', true, '"restart"'],
  ['[[mounts]]\ninitial_size = "10GiB"', ['mounts', 0, 'initial_size'], '10 GB, decimal units rounded down', true],
  ['[mounts]\ninitial_size = "500mb"', ['mounts', 'initial_size'], '0 GB, decimal units rounded down', false],
  ['[mounts]\ninitial_size = 20', ['mounts', 'initial_size'], '20 GB', true, '20 GB'],
  ['[http_service]\nauto_stop_machines = true', ['http_service', 'auto_stop_machines'], '"stop": idle Machines are stopped', true, '"stop"'],
  ['[[services]]\ninternal_port = "8080"', ['services', 0, 'internal_port'], 'the number 8080', true],
  ['[env]\nWORKERS = 4', ['env', 'WORKERS'], 'the string "4" (flyctl turns every [env] value into a string)', true],
  ['[env]\nBIG = 1e6', ['env', 'BIG'], 'the string "1e+06" (flyctl turns every [env] value into a string)', true],
  ['[experimental]\ncmd = "bin/run --fast"', ['experimental', 'cmd'], 'the one-word command ["bin/run --fast"] (a string is not split at spaces)', true],
  ['primary_region = "ams"', ['primary_region'], 'Amsterdam, Netherlands', true],
  ['primary_region = "sea"', ['primary_region'], 'a retired region; use "sjc" (San Jose, California (US))', true],
];

describe('describeValueAt', () => {
  it.each(cases)('%j', (text, path, expected, ok, short) => {
    expect(describeValueAt(path, valueOf(text, path))).toEqual({ text: expected, ok, ...(short ? { short } : {}) });
  });

  // The short form is what an inlay hint shows: only where the value reads otherwise than it looks.
  it.each([
    ['[[http_service.checks]]\ninterval = 10000', ['http_service', 'checks', 0, 'interval'], '10µs'],
    ['[[vm]]\nmemory = 1024', ['vm', 0, 'memory'], '1 GB'],
    ['[[vm]]\nmemory = 512', ['vm', 0, 'memory'], '512 MB'],
    ['[[vm]]\nmemory = "2048"', ['vm', 0, 'memory'], '2 GB'],
    ['[[vm]]\nmemory = "1.3gb"', ['vm', 0, 'memory'], '1331 MB'],
    ['[mounts]\ninitial_size = "1500mb"', ['mounts', 'initial_size'], '1 GB'],
    ['[http_service]\nauto_stop_machines = false', ['http_service', 'auto_stop_machines'], '"off"'],
    ['kill_timeout = 90', ['kill_timeout'], '1m30s'],
  ] as const)('writes %j the way flyctl reads it', (text, path, short) => {
    expect(describeValueAt(path, valueOf(text, path))?.short).toBe(short);
  });

  it.each([
    ['kill_timeout = "5s"', ['kill_timeout']],
    ['kill_timeout = 0', ['kill_timeout']],
    ['[[vm]]\nmemory = "512mb"', ['vm', 0, 'memory']],
    ['[[vm]]\nmemory = "1gb"', ['vm', 0, 'memory']],
    ['[[vm]]\nmemory_mb = 1024', ['vm', 0, 'memory_mb']],
    ['[mounts]\ninitial_size = "10gb"', ['mounts', 'initial_size']],
    ['[http_service]\nauto_stop_machines = "stop"', ['http_service', 'auto_stop_machines']],
    ['[env]\nWORKERS = 4', ['env', 'WORKERS']],
  ] as const)('has no short form where %j reads as written', (text, path) => {
    expect(describeValueAt(path, valueOf(text, path))?.short).toBeUndefined();
  });

  it('has a short form only for values mayHaveShortForm lets through', () => {
    const paths: Array<[string, ReadonlyArray<string | number>]> = [
      ['kill_timeout', ['kill_timeout']],
      ['[[http_service.checks]]\ninterval', ['http_service', 'checks', 0, 'interval']],
      ['[[vm]]\nmemory', ['vm', 0, 'memory']],
      ['[[vm]]\npersist_rootfs', ['vm', 0, 'persist_rootfs']],
      ['[[mounts]]\ninitial_size', ['mounts', 0, 'initial_size']],
      ['[http_service]\nauto_stop_machines', ['http_service', 'auto_stop_machines']],
      ['[[services]]\ninternal_port', ['services', 0, 'internal_port']],
      ['[env]\nA', ['env', 'A']],
    ];
    const values = ['5', '5.5', '0', '-3', 'true', 'false', '"5s"', '"512"', '"1.3gb"', '"1500mb"', '".5gb"', '"+5"', '"stop"', '"gb"', '""', '1979-05-27', '[1]'];
    let shorts = 0;
    for (const [prefix, path] of paths) {
      for (const value of values) {
        const text = `${prefix} = ${value}`;
        const node = (valueOf(text, path) as { node: ValueNode }).node;
        const reading = describeValueAt(path, valueOf(text, path));
        if (reading?.short === undefined) continue;
        shorts++;
        expect(mayHaveShortForm(node), text).toBe(true);
      }
    }
    expect(shorts).toBeGreaterThanOrEqual(20);
  });

  it('reads syntax nodes as well as values', () => {
    const value = valueOf('kill_timeout = 5', ['kill_timeout']);
    expect(describeValueAt(['kill_timeout'], (value as unknown as { node: never }).node)?.text).toBe('5 seconds (a bare number here is seconds)');
  });

  it.each([
    ['app = "x"', ['app']],
    ['[env]\nA = "plain"', ['env', 'A']],
    ['[[services]]\ninternal_port = 8080', ['services', 0, 'internal_port']],
  ] as const)('says nothing where the text is plain: %j', (text, path) => {
    expect(describeValueAt(path, valueOf(text, path))).toBeUndefined();
  });
});
