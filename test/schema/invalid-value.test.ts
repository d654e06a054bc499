import rule from '../../rules/invalid-value.js';
import { lines, ruleCases } from './cases.js';

const LOAD = 'flyctl cannot load this file';

ruleCases(rule, [
  {
    name: 'legacy numbers flyctl cannot convert: seconds past a Go duration, a port string past 64 bits',
    text: lines('kill_timeout = 10000000000', '[[services]]', 'internal_port = "99999999999999999999"'),
    expect: [
      { at: '10000000000', message: /^kill_timeout = 10000000000 is too large: flyctl multiplies it into nanoseconds past what a Go duration holds/, severity: 'warning', fixed: null },
      { at: '"99999999999999999999"', message: 'internal_port = "99999999999999999999" in [[services]] is out of range for a 64-bit integer: flyctl cannot load this file', fixed: null },
    ],
  },
  {
    name: 'a bare-number check time under [Checks.…], which flyctl does not turn into milliseconds',
    text: lines('[Checks.web]', 'type = "http"', 'port = 8080', 'timeout = 2000'),
    expect: [{ at: '2000', message: 'timeout = 2000 in [checks.web] counts nanoseconds: flyctl turns a bare number here into milliseconds only under "checks", and this is under "Checks". Write the unit, as in "10s"', severity: 'warning', fixed: null, suggested: null }],
  },
  {
    // [Checks] beside [checks] is one map to flyctl, but its rewrite converts bare numbers only in [checks].
    name: 'a bare-number check time in [Checks] beside [checks]',
    text: lines('[Checks.web]', 'type = "tcp"', 'port = 8080', 'timeout = 2000', '[checks.db]', 'type = "tcp"', 'port = 5432', 'timeout = 2000'),
    expect: [{ at: '2000', message: 'timeout = 2000 in [checks.web] counts nanoseconds: flyctl turns a bare number here into milliseconds only under "checks", and this is under "Checks". Write the unit, as in "10s"', severity: 'warning', fixed: null, suggested: null }],
  },
  {
    // Each matches Go's duration grammar; only the 64-bit limit of time.ParseDuration rejects it.
    name: 'durations too long for Go, which the pattern alone lets through',
    text: lines('kill_timeout = "2562048h"', '[deploy]', 'wait_timeout = "9223372037s"', '[checks.a]', 'type = "tcp"', 'port = 80', 'interval = "99999999999999999999s"'),
    expect: [
      { at: '"2562048h"', message: /^"kill_timeout" = "2562048h" is not a duration flyctl can read \(time: invalid duration "2562048h"\)/ },
      { at: '"9223372037s"', message: /^"wait_timeout" in \[deploy\] = "9223372037s" is not a duration flyctl can read \(time: invalid duration/ },
      { at: '"99999999999999999999s"', message: /^"interval" in \[checks.a\] = "99999999999999999999s" is not a duration flyctl can read/ },
    ],
  },
  {
    name: 'machine_config that is neither inline JSON nor a .json path, top level and [experimental]',
    text: lines('machine_config = "config.yaml"', 'container = "app"', '[experimental]', 'machine_config = " {}"'),
    expect: [
      { at: '"config.yaml"', message: '"machine_config" = "config.yaml" is neither inline JSON starting with `{` nor the path of a `.json` file: the deploy fails (invalid machine config source)' },
      { at: '" {}"', message: /^"machine_config" in \[experimental\] = " \{\}" is neither inline JSON/ },
    ],
  },
  {
    name: 'machine_config as inline JSON (one line or several) is fine',
    text: lines("machine_config = '{\"dns\": {\"nameservers\": [\"1.2.3.4\"]}}'", '[experimental]', "machine_config = '''", '{"dns": {}}', "'''"),
    expect: [],
  },
  {
    name: 'machine_config as the path of a .json file is fine',
    text: lines('machine_config = "machine-config.json"'),
    expect: [],
  },
  {
    name: 'a restart policy flyctl does not know, with the closest as a suggestion',
    text: lines('[[restart]]', 'policy = "on_failure"'),
    expect: [
      {
        at: '"on_failure"',
        message: `"policy" in [[restart]] is a string "on_failure", not one of "always", "never" or "on-failure": ${LOAD}. Did you mean "on-failure"?`,
        suggested: lines('[[restart]]', 'policy = "on-failure"'),
      },
    ],
  },
  {
    name: 'build compression and its level',
    text: lines('[build]', 'compression = "brotli"', 'compression_level = 12'),
    expect: [
      { at: '"brotli"', message: `"compression" in [build] is a string "brotli", not one of "gzip" or "zstd": ${LOAD}`, suggested: null },
      { at: '12', message: '"compression_level" in [build] must be between 0 and 9 (got the integer 12)' },
    ],
  },
  {
    name: 'autostop and persist_rootfs values flyctl rejects',
    text: lines('[http_service]', 'auto_stop_machines = "Stop"', '[[vm]]', 'persist_rootfs = "sometimes"'),
    expect: [
      { at: '"Stop"', message: /^"auto_stop_machines" in \[http_service\] is a string "Stop", not one of "off", "stop" or "suspend": flyctl cannot load this file\. Did you mean "stop"\?$/, suggested: lines('[http_service]', 'auto_stop_machines = "stop"', '[[vm]]', 'persist_rootfs = "sometimes"') },
      { at: '"sometimes"', message: /^"persist_rootfs" in \[\[vm\]\] is a string "sometimes", not one of "never", "restart", "always" or "none"/ },
    ],
  },
  {
    name: 'durations that do not parse, with Go\'s spelling where it is plain',
    text: lines('[checks.alive]', 'type = "tcp"', 'port = 8080', 'interval = "1d"', 'timeout = "10 s"', 'grace_period = "5S"', '[deploy]', 'wait_timeout = "2min"', 'release_command_timeout = ""'),
    expect: [
      { at: '"1d"', message: '"interval" in [checks.alive] = "1d" is not a duration flyctl can read (time: unknown unit "d" in duration "1d"): write a number and a unit (ns, us, ms, s, m, h) such as "30s" or "1m30s". Did you mean "24h"?', suggested: lines('[checks.alive]', 'type = "tcp"', 'port = 8080', 'interval = "24h"', 'timeout = "10 s"', 'grace_period = "5S"', '[deploy]', 'wait_timeout = "2min"', 'release_command_timeout = ""') },
      { at: '"10 s"', message: /Did you mean "10s"\?$/ },
      { at: '"5S"', message: /Did you mean "5s"\?$/ },
      { at: '"2min"', message: /Did you mean "2m"\?$/ },
      { at: '""', message: /^"release_command_timeout" in \[deploy\] = "" is not a duration flyctl can read \(time: invalid duration ""\)/, suggested: null },
    ],
  },
  {
    name: 'a memory that is not a size',
    text: lines('[[vm]]', 'memory = "lots"'),
    expect: [{ at: '"lots"', message: `"memory" in [[vm]] = "lots" is not a size flyctl can read (invalid size: invalid size: 'lots'): write a number and a unit such as "512mb" or "1gb"` }],
  },
  {
    name: 'values flyctl passes on but Fly.io does not know: warnings',
    text: lines('[build]', 'builtin = "nod"', '[[services]]', 'internal_port = 8080', '[services.concurrency]', 'type = "donuts"', '[[services.ports]]', 'port = 80', 'handlers = ["htpp"]'),
    expect: [
      { at: '"nod"', message: '"builtin" in [build] is a string "nod", not one of "node", "ruby", "deno", "go", "static", "hugo-static" or "python": flyctl passes it on, but Fly.io does not know it. Did you mean "node"?', severity: 'warning' },
      { at: '"donuts"', message: /^"type" in \[services\.concurrency\] is a string "donuts", not one of "connections" or "requests"/, severity: 'warning' },
      { at: '"htpp"', message: /^"handlers" in \[\[services\.ports\]\] is a string "htpp".*Did you mean "http"\?$/, severity: 'warning', suggested: lines('[build]', 'builtin = "nod"', '[[services]]', 'internal_port = 8080', '[services.concurrency]', 'type = "donuts"', '[[services.ports]]', 'port = 80', 'handlers = ["http"]') },
    ],
  },
  {
    name: 'a negative idle timeout',
    text: lines('[http_service]', 'internal_port = 8080', '[http_service.http_options]', 'idle_timeout = -1'),
    expect: [{ at: '-1', message: '"idle_timeout" in [http_service.http_options] must be between 0 and 4294967295 (got the integer -1)' }],
  },
  {
    name: 'values the fidelity rules own are left to them',
    text: lines('[deploy]', 'strategy = "rollin"', '[[vm]]', 'size = "shared-cpu-3x"', 'cpu_kind = "fast"', '[[mounts]]', 'source = "data"', 'destination = "/data"', 'snapshot_retention = 90', 'initial_size = "500mb"', '[checks.alive]', 'type = "htp"'),
    expect: [],
  },
  {
    name: 'values flyctl accepts',
    text: lines(
      'kill_timeout = ""',
      'kill_signal = "SIGTERM"',
      '[build]',
      'compression = ""',
      '[http_service]',
      'auto_stop_machines = false',
      '[[http_service.checks]]',
      'interval = "1m30s"',
      'timeout = "500ms"',
      'grace_period = "1.5h"',
      '[[vm]]',
      'memory = "1 GB"',
      'persist_rootfs = 2',
      '[[vm]]',
      'memory = "512MiB"',
      '[[vm]]',
      'memory = "1.5gb"',
      '[[services]]',
      'internal_port = "+8080"',
      '[[services.tcp_checks]]',
      'interval = 10000',
      'grace_period = ""',
    ),
    expect: [],
  },
]);
