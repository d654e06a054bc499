import { describe, expect, it } from 'vitest';
import rule from '../../rules/unknown-key.js';
import { lines, ruleCases } from './cases.js';
import { runRule } from './run-rule.js';

ruleCases(rule, [
  {
    name: 'a key of an enclosing table is moved there, not to the top level where the name means something else',
    text: lines('[[services]]', 'internal_port = 8080', '[[services.ports]]', 'port = 80', 'processes = ["app"]'),
    expect: [{ at: 'processes', message: '"processes" does not belong in [[services.ports]]: flyctl ignores it there. It belongs in [services]', suggested: lines('[[services]]', 'internal_port = 8080', 'processes = ["app"]', '[[services.ports]]', 'port = 80') }],
  },
  {
    name: 'a legacy alias under a section flyctl does not rewrite is ignored',
    text: lines('[Build]', 'build_target = "prod"'),
    expect: [{ at: 'build_target', message: '"build_target" in [build] is ignored: flyctl renames it to "build-target" only under "build", and this is under "Build". Rename "Build" to "build"' }],
  },
  {
    name: 'a typo in [http_service], with the rename as a suggestion',
    text: lines('app = "shop"', '[http_service]', 'internal_port = 8080', 'auto_stop_machine = "stop"'),
    expect: [
      {
        at: 'auto_stop_machine',
        message: 'Unknown key "auto_stop_machine" in [http_service]. Did you mean "auto_stop_machines"?',
        fixed: null,
        suggested: lines('app = "shop"', '[http_service]', 'internal_port = 8080', 'auto_stop_machines = "stop"'),
      },
    ],
  },
  {
    name: 'keys named like JavaScript object internals are unknown keys like any other',
    text: lines('app = "shop"', '__proto__ = 1', '[deploy]', 'constructor = "x"', 'toString = 2'),
    expect: [
      { at: '__proto__', message: 'Unknown key "__proto__" at the top level: flyctl ignores it. Remove it, or check the spelling against the Fly docs' },
      { at: 'constructor', message: 'Unknown key "constructor" in [deploy]: flyctl ignores it. Remove it, or check the spelling against the Fly docs' },
      { at: 'toString', message: 'Unknown key "toString" in [deploy]: flyctl ignores it. Remove it, or check the spelling against the Fly docs' },
    ],
  },
  {
    name: 'inside [[services.ports]], where fly config validate --strict does not look',
    text: lines('[[services]]', 'internal_port = 8080', '[[services.ports]]', 'port = 443', 'handler = ["tls", "http"]'),
    expect: [{ at: 'handler', message: 'Unknown key "handler" in [[services.ports]]. Did you mean "handlers"?' }],
  },
  {
    name: 'inside [[vm]] and [[mounts]]',
    text: lines('[[vm]]', 'cpu_kinds = "shared"', '[[mounts]]', 'source = "data"', 'destination = "/data"', 'snapshot_retension = 7'),
    expect: [
      { at: 'cpu_kinds', message: 'Unknown key "cpu_kinds" in [[vm]]. Did you mean "cpu_kind"?' },
      { at: 'snapshot_retension', message: 'Unknown key "snapshot_retension" in [[mounts]]. Did you mean "snapshot_retention"?' },
    ],
  },
  {
    name: 'a top-level key under [build] belongs at the top level, and moves there',
    text: lines('app = "shop"', '', '[build]', 'image = "nginx"', 'swap_size_mb = 512'),
    expect: [
      {
        at: 'swap_size_mb',
        message: '"swap_size_mb" does not belong in [build]: flyctl ignores it there. It belongs at the top level',
        suggested: lines('app = "shop"', 'swap_size_mb = 512', '', '[build]', 'image = "nginx"'),
      },
    ],
  },
  {
    name: 'a misplaced key in another case belongs where its lower-case spelling does',
    text: lines('app = "shop"', '', '[build]', 'image = "nginx"', 'Swap_Size_MB = 512'),
    expect: [
      {
        at: 'Swap_Size_MB',
        message: '"Swap_Size_MB" does not belong in [build]: flyctl ignores it there. It belongs at the top level',
        suggested: lines('app = "shop"', 'Swap_Size_MB = 512', '', '[build]', 'image = "nginx"'),
      },
    ],
  },
  {
    name: 'a key that could belong in several sections is not moved',
    text: lines('[[services]]', 'internal_port = 8080', 'force_https = true', '[[services.ports]]', 'port = 80'),
    expect: [{ at: 'force_https', message: '"force_https" does not belong in [[services]]: flyctl ignores it there. It belongs in [http_service] or in [services.ports]', suggested: null }],
  },
  {
    name: 'an unknown section at the top level',
    text: lines('app = "shop"', '[scale]', 'count = 2'),
    expect: [{ at: 'scale', message: 'Unknown key "scale" at the top level: flyctl ignores it. Remove it, or check the spelling against the Fly docs' }],
  },
  {
    name: 'in [[http_service.checks]] and deeper tables',
    text: lines('[http_service]', 'internal_port = 8080', '[http_service.http_options]', 'xyz = true', '[[http_service.checks]]', 'path = "/"', 'processes = ["app"]'),
    expect: [
      { at: 'xyz', message: /^Unknown key "xyz" in \[http_service\.http_options\]: flyctl ignores it/ },
      { at: 'processes', message: 'Unknown key "processes" in [[http_service.checks]]: flyctl ignores it. A check runs on the Machines of its service: set processes on [http_service]' },
    ],
  },
  {
    name: 'the same words in another order; never the opposite word',
    text: lines('[http_service]', 'internal_port = 8080', 'max_machines_running = 3', '[[services]]', 'auto_machine_start = true'),
    expect: [
      { at: 'max_machines_running', message: 'Unknown key "max_machines_running" in [http_service]: flyctl ignores it. Remove it, or check the spelling against the Fly docs', suggested: null },
      { at: 'auto_machine_start', message: 'Unknown key "auto_machine_start" in [[services]]. Did you mean "auto_start_machines"?' },
    ],
  },
  {
    name: 'a key of the top level in a [[vm]] moves to the top level',
    text: lines('app = "shop"', '[[vm]]', 'size = "shared-cpu-1x"', 'kill_signal = "SIGTERM"'),
    expect: [{ at: 'kill_signal', message: '"kill_signal" does not belong in [[vm]]: flyctl ignores it there. It belongs at the top level', suggested: lines('app = "shop"', 'kill_signal = "SIGTERM"', '[[vm]]', 'size = "shared-cpu-1x"') }],
  },
  {
    name: 'no rename onto a key that is already set',
    text: lines('[http_service]', 'auto_stop_machines = "stop"', 'auto_stop_machine = "off"'),
    expect: [{ at: 'auto_stop_machine', message: 'Unknown key "auto_stop_machine" in [http_service]. Did you mean "auto_stop_machines"?', suggested: null }],
  },
  {
    name: 'a second spelling of a key that is set in lower case is ignored',
    text: lines('app = "shop"', 'APP = "other"'),
    expect: [{ at: 'APP', message: '"APP" at the top level is ignored: "app" is set too, and flyctl uses that one. Remove "APP"' }],
  },
  {
    // flyctl's rewrites of [[vm]], [[mounts]] and [[metrics]] (and their aliases) read the lower-case name
    // only and always write it back, so [[VM]] is dropped: renaming it turns it on, a suggestion only.
    name: 'sections flyctl drops unless written in lower case',
    text: lines('[[VM]]', 'size = "performance-2x"', '[Compute]', 'size = "shared-cpu-2x"', '[[Mounts]]', 'source = "data"', 'destination = "/data"'),
    expect: [
      { at: 'VM', message: '"VM" at the top level is ignored: flyctl reads "vm" only in lower case (its rewrite looks for that spelling alone), so this does not reach the Machines. Rename it to "vm" to use it', fixed: null, suggested: lines('[[vm]]', 'size = "performance-2x"', '[Compute]', 'size = "shared-cpu-2x"', '[[Mounts]]', 'source = "data"', 'destination = "/data"') },
      { at: 'Compute', message: /^"Compute" at the top level is ignored: flyctl reads "compute" only in lower case/ },
      { at: 'Mounts', message: /^"Mounts" at the top level is ignored: flyctl reads "mounts" only in lower case/ },
    ],
  },
  {
    // No struct field holds them: only flyctl's rewrite reads these keys, and only in lower case.
    name: 'keys only a rewrite reads, spelled other than in lower case',
    text: lines('[experimental]', 'Kill_Timeout = "30s"', 'Metrics_Port = 9091', '[build]', 'Build_Target = "prod"'),
    expect: [
      { at: 'Kill_Timeout', message: /^"Kill_Timeout" in \[experimental\] is ignored: flyctl reads "kill_timeout" only in lower case/, fixed: null, suggested: lines('[experimental]', 'kill_timeout = "30s"', 'Metrics_Port = 9091', '[build]', 'Build_Target = "prod"') },
      { at: 'Metrics_Port', message: /^"Metrics_Port" in \[experimental\] is ignored/ },
      { at: 'Build_Target', message: /^"Build_Target" in \[build\] is ignored: flyctl reads "build_target" only in lower case/ },
    ],
  },
  {
    // Renaming the first of two [[Mounts]] headers would turn on one volume and leave the other ignored.
    name: 'no rename of such a section written in several headers',
    text: lines('[[Mounts]]', 'source = "a"', 'destination = "/a"', '[[Mounts]]', 'source = "b"', 'destination = "/b"'),
    expect: [{ at: 'Mounts', message: /^"Mounts" at the top level is ignored/, suggested: null }],
  },
  {
    name: 'no rename of such a section when a sub-table or another spelling would be left behind',
    text: lines('[[Mounts]]', 'source = "data"', '[Mounts.extra]', 'a = 1', '[Metrics]', 'port = 9091', '[metrics]', 'path = "/m"'),
    expect: [
      { at: 'Mounts', message: /^"Mounts" at the top level is ignored/, suggested: null },
      { at: 'Metrics', message: '"Metrics" at the top level is ignored: "metrics" is set too, and flyctl uses that one. Remove "Metrics"' },
    ],
  },
  {
    name: 'of two spellings in another case, the one that sorts first is ignored',
    text: lines('app = "shop"', 'Primary_Region = "ams"', 'PRIMARY_REGION = "ord"'),
    expect: [{ at: 'PRIMARY_REGION', message: '"PRIMARY_REGION" at the top level is ignored: "Primary_Region" is set too, and flyctl uses that one. Remove "PRIMARY_REGION"' }],
  },
  {
    name: 'an unknown key inside a section of the wrong type is not looked at',
    text: lines('[[http_service]]', 'internal_prot = 8080'),
    expect: [],
  },
  {
    name: 'names in maps and named tables are the user\'s own',
    text: lines(
      'app = "shop"',
      '[env]',
      'Anything_Goes = "1"',
      '[build.args]',
      'NODE_VERSION = "20"',
      '[build.settings]',
      'whatever = true',
      '[processes]',
      'web = "bin/web"',
      '[checks.my_check]',
      'type = "tcp"',
      'port = 8080',
      '[http_service]',
      'internal_port = 8080',
      '[http_service.http_options.response.headers]',
      'X-Frame-Options = "DENY"',
    ),
    expect: [],
  },
]);

describe('unknown-key related information', () => {
  it('points at the key flyctl uses instead', () => {
    const text = 'app = "shop"\nAPP = "other"\n';
    const [seen] = runRule(rule, text);
    expect(seen!.report.related?.map((r) => [r.message, text.slice(r.range[0], r.range[1])])).toEqual([['"app" is set here', 'app']]);
  });
});
