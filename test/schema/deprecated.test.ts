import rule from '../../rules/deprecated.js';
import { lines, ruleCases } from './cases.js';

ruleCases(rule, [
  {
    // flyctl drops a [[services]] table with no keys: removing its last key would remove the service.
    name: 'no removal of a no-effect key that is the last of its section',
    text: lines('[[services]]', 'restart_limit = 0'),
    expect: [],
  },
  {
    name: 'no removal of the last key of a check (flyctl would drop the check)',
    text: lines('[[services]]', 'internal_port = 8080', '[[services.tcp_checks]]', 'restart_limit = 0'),
    expect: [{ at: 'restart_limit', message: /deprecated/, fixed: null }],
  },
  {
    // The docs' own examples write them: `kill_timeout = 120`, check times in milliseconds,
    // auto_stop_machines = true ("equivalent to" "stop"), a single [mounts] table.
    name: 'forms the configuration reference writes itself are no legacy',
    text: lines('app = "shop"', 'kill_timeout = 5', '[http_service]', 'auto_stop_machines = true', '[[services]]', 'internal_port = 8080', 'auto_stop_machines = false', '[[services.tcp_checks]]', 'interval = 10000', 'timeout = 2000', '[mounts]', 'source = "data"', 'destination = "/data"'),
    expect: [],
  },
  {
    // flyctl drops them: removing them changes nothing.
    name: 'a legacy list that lists nothing is no finding',
    text: lines('processes = []', '[[services]]', 'internal_port = 8080', 'script_checks = [ ]', '[[services.http_checks]]', 'path = "/"', 'headers = []'),
    expect: [],
  },
  {
    // `fly config validate --strict` looks inside [experimental] and rejects it.
    name: 'an empty Nomad-era list under [experimental] still is one',
    text: lines('[experimental]', 'allowed_public_ports = []', 'auto_rollback = true'),
    expect: [{ at: 'allowed_public_ports', message: /^"allowed_public_ports" in \[experimental\] is deprecated/, fixed: lines('[experimental]', 'auto_rollback = true') }],
  },
  {
    name: 'a non-empty Nomad-era list still is one',
    text: lines('[experimental]', 'allowed_public_ports = [80, 443]', 'auto_rollback = true'),
    expect: [{ at: 'allowed_public_ports', message: /^"allowed_public_ports" in \[experimental\] is deprecated/, fixed: lines('[experimental]', 'auto_rollback = true') }],
  },
  {
    name: 'a port string past 2^53 keeps its digits; "true" as a string is no legacy autostop value',
    text: lines('[[services]]', 'internal_port = "9007199254740993"', 'auto_stop_machines = "true"'),
    expect: [{ at: '"9007199254740993"', message: 'internal_port = "9007199254740993" in [[services]] is the legacy spelling of the number 9007199254740993', fixed: lines('[[services]]', 'internal_port = 9007199254740993', 'auto_stop_machines = "true"') }],
  },
  {
    // Under [[Services]] flyctl does not rewrite them: no "same meaning" fix, which would make them load.
    name: 'no legacy finding or fix under a section flyctl does not rewrite',
    text: lines('[[Services]]', 'internal_port = "8080"', 'concurrency = "20,25"', '[Build]', 'build_target = "prod"'),
    expect: [],
  },
  {
    name: 'a single [vm] table becomes an array of tables; a single [mounts] table is the documented form',
    text: lines('[vm]', 'memory = "1gb"', '', '[mounts]', 'source = "data"', 'destination = "/data"'),
    expect: [
      { at: 'vm', message: 'A single [vm] table is the legacy form of [[vm]] (an array of tables): flyctl still reads it', fixed: lines('[[vm]]', 'memory = "1gb"', '', '[mounts]', 'source = "data"', 'destination = "/data"') },
    ],
  },
  {
    name: 'a [mounts.x] header that opens [mounts] by accident still is a slip',
    text: lines('[[mounts.x]]', 'a = 1'),
    expect: [{ at: 'mounts', message: /^\[\[mounts\.x\]\] comes before any \[\[mounts\]\]/ }],
  },
  {
    name: 'a single [services] table with its ports',
    text: lines('[services]', 'internal_port = "8080"', 'concurrency = "12,23"', '[services.ports]', 'port = "80"'),
    expect: [
      { at: 'services', message: /^A single \[services\] table is the legacy form of \[\[services\]\]/, fixed: lines('[[services]]', 'internal_port = "8080"', 'concurrency = "12,23"', '[services.ports]', 'port = "80"') },
      { at: '"8080"', message: 'internal_port = "8080" in [services] is the legacy spelling of the number 8080', fixed: lines('[services]', 'internal_port = 8080', 'concurrency = "12,23"', '[services.ports]', 'port = "80"') },
      { at: 'concurrency', message: 'The "soft,hard" string is the legacy form of concurrency: write a table with type, soft_limit and hard_limit', fixed: lines('[services]', 'internal_port = "8080"', 'concurrency = { type = "requests", soft_limit = 12, hard_limit = 23 }', '[services.ports]', 'port = "80"') },
      { at: 'ports', message: /^A single \[services\.ports\] table is the legacy form of \[\[services\.ports\]\]/, fixed: lines('[services]', 'internal_port = "8080"', 'concurrency = "12,23"', '[[services.ports]]', 'port = "80"') },
      { at: '"80"', message: 'port = "80" in [services.ports] is the legacy spelling of the number 80' },
    ],
  },
  {
    name: 'legacy section names',
    text: lines('[compute]', 'size = "shared-cpu-2x"', '', '[[mount]]', 'source = "a"', 'destination = "/a"', '[[mount]]', 'source = "b"', 'destination = "/b"', '[metric]', 'port = 9091'),
    expect: [
      { at: 'compute', message: '[compute] is the legacy form of [[vm]]: flyctl still reads it, but the docs and other tools expect [[vm]]', fixed: lines('[[vm]]', 'size = "shared-cpu-2x"', '', '[[mount]]', 'source = "a"', 'destination = "/a"', '[[mount]]', 'source = "b"', 'destination = "/b"', '[metric]', 'port = 9091') },
      { at: 'mount', message: '"mount" is a legacy spelling of "mounts": flyctl still reads it', fixed: lines('[compute]', 'size = "shared-cpu-2x"', '', '[[mounts]]', 'source = "a"', 'destination = "/a"', '[[mounts]]', 'source = "b"', 'destination = "/b"', '[metric]', 'port = 9091') },
      { at: 'metric', message: '"metric" is a legacy spelling of "metrics": flyctl still reads it', fixed: lines('[compute]', 'size = "shared-cpu-2x"', '', '[[mount]]', 'source = "a"', 'destination = "/a"', '[[mount]]', 'source = "b"', 'destination = "/b"', '[metrics]', 'port = 9091') },
    ],
  },
  {
    // flyctl joins compute, computes and vm in that order; renamed, they would count in file order.
    // And it copies [experimental] metrics_port into [metrics] only when there is none.
    name: 'a rename that would change what flyctl deploys is a suggestion',
    text: lines('[[computes]]', 'size = "performance-2x"', '[[compute]]', 'size = "shared-cpu-1x"', '[experimental]', 'metrics_port = 9091', '[metric]', 'port = 9100'),
    expect: [
      { at: 'computes', message: /^"computes" is a legacy spelling of "vm"|^\[computes\] is the legacy form/, fixed: null, suggested: lines('[[vm]]', 'size = "performance-2x"', '[[compute]]', 'size = "shared-cpu-1x"', '[experimental]', 'metrics_port = 9091', '[metric]', 'port = 9100') },
      { at: 'compute', message: /legacy/, fixed: null },
      { at: 'metrics_port', message: /deprecated/ },
      { at: 'metric', message: '"metric" is a legacy spelling of "metrics": flyctl still reads it', fixed: null },
    ],
  },
  {
    name: 'no rename onto a modern section that is there too',
    text: lines('[[mount]]', 'source = "a"', 'destination = "/a"', '[[mounts]]', 'source = "b"', 'destination = "/b"'),
    expect: [{ at: 'mount', message: '"mount" is a legacy spelling of "mounts": flyctl still reads it', fixed: null }],
  },
  {
    name: 'build_target, string commands; empty processes is none',
    text: lines('processes = []', '[build]', 'build_target = "web"', '[experimental]', 'cmd = "start"', 'entrypoint = "bin/run --fast"'),
    expect: [
      { at: 'build_target', message: '"build_target" in [build] is a legacy spelling of "build-target": flyctl still reads it', fixed: lines('processes = []', '[build]', 'build-target = "web"', '[experimental]', 'cmd = "start"', 'entrypoint = "bin/run --fast"') },
      { at: '"start"', message: 'cmd = "start" in [experimental] is the legacy spelling of a one-element list', fixed: lines('processes = []', '[build]', 'build_target = "web"', '[experimental]', 'cmd = ["start"]', 'entrypoint = "bin/run --fast"') },
      { at: '"bin/run --fast"', message: 'entrypoint = "bin/run --fast" in [experimental] is the legacy spelling of a one-element list; flyctl does not split it, so "bin/run --fast" stays one argument' },
    ],
  },
  {
    name: 'the [[processes]] array becomes one [processes] table, across other sections, in the file\'s indentation',
    text: lines('app = "shop"', '', '[[processes]]', '  name = "web"', "  command = 'bin/web --port 8080'", '', '[env]', '  A = "1"', '', '[[processes]]', '  name = "queue worker"', '  command = "bin/worker"', ''),
    expect: [{ at: 'processes', message: 'The [[processes]] array form is legacy: write [processes] with one name = "command" line per group', fixed: lines('app = "shop"', '', '[processes]', "  web = 'bin/web --port 8080'", '  "queue worker" = "bin/worker"', '', '[env]', '  A = "1"', '') }],
  },
  {
    // Each of these would lose something flyctl reads, or that a reader wrote.
    name: 'no [[processes]] rewrite where it would drop a key, a comment or a repeated name',
    text: lines('[[processes]]', 'name = "web"', 'command = "a"', '[[processes]]', 'name = "web"', 'command = "b"'),
    expect: [{ at: 'processes', message: /array form is legacy/, fixed: null }],
  },
  {
    name: 'no [[processes]] rewrite over a comment',
    text: lines('[[processes]] # the web', 'name = "web"', 'command = "a"'),
    expect: [{ at: 'processes', message: /array form is legacy/, fixed: null }],
  },
  {
    name: 'no [[processes]] rewrite of an item without a command',
    text: lines('[[processes]]', 'name = "web"'),
    expect: [{ at: 'processes', message: /array form is legacy/, fixed: null }],
  },
  {
    name: 'each [[checks]] item becomes [checks.<name>], whose name flyctl takes from the key',
    text: lines('[[checks]]', '  name = "pg" # postgres', '  type = "http"', '  port = 5500', '', '[[checks]]', '  name = "replica lag"', '  type = "tcp"', '  port = 5432'),
    expect: [{ at: 'checks', message: 'The [[checks]] array form is legacy: write one [checks.<name>] table per check', fixed: lines('[checks.pg]', '  # postgres', '  type = "http"', '  port = 5500', '', '[checks."replica lag"]', '  type = "tcp"', '  port = 5432') }],
  },
  {
    // [checks.extra] adds a key to the last item today; renamed, it would be a check of its own.
    name: 'no [[checks]] rewrite beside another checks header, or of repeated names',
    text: lines('[[checks]]', 'name = "pg"', 'type = "http"', 'port = 5500', '[checks.headers]', 'Host = "x"'),
    expect: [{ at: 'checks', message: /array form is legacy/, fixed: null }],
  },
  {
    name: 'no [[checks]] rewrite of repeated names',
    text: lines('[[checks]]', 'name = "pg"', 'type = "http"', 'port = 5500', '[[checks]]', 'name = "pg"', 'type = "tcp"', 'port = 5432'),
    expect: [{ at: 'checks', message: /array form is legacy/, fixed: null }],
  },
  {
    name: 'the legacy metrics keys move to [metrics] together, in the file\'s indentation',
    text: lines('app = "shop"', '[experimental]', '  metrics_path = "/metrics"', '  metrics_port = 9091', '[env]', '  A = "1"'),
    expect: [
      { at: 'metrics_path', message: /^"metrics_path" in \[experimental\] is deprecated/, fixed: lines('app = "shop"', '[experimental]', '[env]', '  A = "1"', '', '[metrics]', '  port = 9091', '  path = "/metrics"') },
      { at: 'metrics_port', message: /^"metrics_port" in \[experimental\] is deprecated/, fixed: lines('app = "shop"', '[experimental]', '[env]', '  A = "1"', '', '[metrics]', '  port = 9091', '  path = "/metrics"') },
    ],
  },
  {
    // flyctl copies them only when nothing is there: with a top-level value or a [metric] the move would change the deploy.
    name: 'no move of a legacy experimental key that flyctl would not copy the same way',
    text: lines('Kill_Timeout = 5', '[metric]', 'port = 9100', '[experimental]', 'kill_timeout = 3', 'metrics_port = 9091'),
    expect: [
      { at: 'metric', message: /legacy spelling of "metrics"/ },
      { at: 'kill_timeout', message: /^"kill_timeout" in \[experimental\] is deprecated/, fixed: null },
      { at: 'metrics_port', message: /^"metrics_port" in \[experimental\] is deprecated/, fixed: null },
    ],
  },
  {
    name: '[[services.ports]] before any [[services]] gets its [[services]] header, in the same indentation',
    text: lines('app = "shop"', '', '  [[services.ports]]', '    port = 80', '  [services.concurrency]', '    type = "requests"'),
    expect: [{ at: 'services', message: '[[services.ports]] comes before any [[services]], which makes "services" a single table: the legacy form, which flyctl reads as one entry. Add [[services]] above it', fixed: lines('app = "shop"', '', '  [[services]]', '  [[services.ports]]', '    port = 80', '  [services.concurrency]', '    type = "requests"') }],
  },
  {
    // TOML lets [services] come after its sub-tables: a [[services]] header would be a second definition.
    name: 'no [[services]] header above sub-tables when a [services] header follows',
    text: lines('[services.concurrency]', 'type = "requests"', '[services]', 'internal_port = 8080'),
    expect: [{ at: 'services', message: /^A single \[services\] table is the legacy form/, fixed: null }],
  },
  {
    name: 'legacy check headers become one table of Name = "value" under the same check',
    text: lines('[[services]]', 'internal_port = 8080', '[[services.http_checks]]', 'path = "/"', '[[services.http_checks.headers]]', 'name = "origin"', 'value = "http://localhost:8000"', '', '[[services.http_checks.headers]]', 'name = "X-Probe"', 'value = "1"', '[[services.ports]]', 'port = 443'),
    expect: [{ at: 'headers', message: 'A list of { name, value } tables is the legacy form of check headers: write a table of Name = "value"', fixed: lines('[[services]]', 'internal_port = 8080', '[[services.http_checks]]', 'path = "/"', '[services.http_checks.headers]', 'origin = "http://localhost:8000"', 'X-Probe = "1"', '[[services.ports]]', 'port = 443') }],
  },
  {
    // flyctl makes "" of a missing value and text of a number; the rewrite leaves such lists to a person.
    name: 'no rewrite of legacy headers without a string value',
    text: lines('[[services]]', 'internal_port = 8080', '[[services.http_checks]]', '[[services.http_checks.headers]]', 'name = "origin"'),
    expect: [{ at: 'headers', message: /legacy form of check headers/, fixed: null }],
  },
  {
    name: 'keys of the Nomad platform do nothing and are removed; moved keys are named',
    text: lines('[experimental]', 'allowed_public_ports = [8080]', 'private_network = true', 'kill_timeout = 3', 'metrics_port = 9091'),
    expect: [
      { at: 'allowed_public_ports', message: /^"allowed_public_ports" in \[experimental\] is deprecated\. A setting of the retired Nomad platform: flyctl ignores it/, fixed: lines('[experimental]', 'private_network = true', 'kill_timeout = 3', 'metrics_port = 9091') },
      { at: 'private_network', message: /^"private_network" in \[experimental\] is deprecated\./, fixed: lines('[experimental]', 'allowed_public_ports = [8080]', 'kill_timeout = 3', 'metrics_port = 9091') },
      { at: 'kill_timeout', message: '"kill_timeout" in [experimental] is deprecated. Use the top-level `kill_timeout` (flyctl copies this one there only when that is unset).', fixed: lines('kill_timeout = "3s"', '', '[experimental]', 'allowed_public_ports = [8080]', 'private_network = true', 'metrics_port = 9091') },
      { at: 'metrics_port', message: /^"metrics_port" in \[experimental\] is deprecated\. Use `port` in `\[metrics\]`/, fixed: lines('[experimental]', 'allowed_public_ports = [8080]', 'private_network = true', 'kill_timeout = 3', '', '[metrics]', 'port = 9091') },
    ],
  },
  {
    name: 'legacy arrays of env, checks and headers',
    text: lines('[[env]]', 'A = "1"', '[[checks]]', 'name = "pg"', 'type = "http"', 'port = 5500', '[[services]]', 'internal_port = 5432', '[[services.http_checks]]', 'path = "/"', '[[services.http_checks.headers]]', 'name = "Host"', 'value = "x"', '[[services.script_checks]]', 'command = "/check.sh"'),
    expect: [
      { at: 'env', message: 'The [[env]] array form is legacy: write one [env] table', fixed: null },
      { at: 'checks', message: 'The [[checks]] array form is legacy: write one [checks.<name>] table per check' },
      { at: 'headers', message: 'A list of { name, value } tables is the legacy form of check headers: write a table of Name = "value"' },
      { at: 'script_checks', message: /^"script_checks" in \[\[services\]\] is deprecated\. Script checks are no longer run/ },
    ],
  },
  {
    name: 'the modern forms',
    text: lines(
      'kill_timeout = "5s"',
      '[metrics]',
      'port = 9091',
      'path = "/metrics"',
      '[http_service]',
      'auto_stop_machines = "stop"',
      '[[http_service.checks]]',
      'interval = 10000',
      '[[vm]]',
      'memory = "1gb"',
      '[[services]]',
      'internal_port = 8080',
      '[[services.ports]]',
      'port = 80',
      '[services.concurrency]',
      'type = "requests"',
    ),
    expect: [],
  },
]);
