import rule from '../../rules/invalid-type.js';
import { lines, ruleCases } from './cases.js';

const LOAD = 'flyctl cannot load this file';

ruleCases(rule, [
  {
    // Go's decoder fills "app" from "APP" first, then from "app": the first fails, and so does the file.
    name: 'a wrong type in a spelling of a key that another spelling overrides',
    text: lines('APP = 123', 'app = "shop"'),
    expect: [
      {
        at: '123',
        message: `"APP" must be a string (got the integer 123): flyctl reads every spelling of "app", this one too before the "app" it keeps, and cannot load this file. Remove "APP"`,
        fixed: null,
        suggested: lines('app = "shop"'),
      },
    ],
  },
  {
    // No rewrite reaches a spelling other than the lower-case one: these stay a string, a string and true.
    name: 'a legacy string or a wrong duration in an overridden spelling, which no rewrite converts',
    text: lines('kill_timeout = "5s"', 'Kill_Timeout = true', '[[services]]', 'internal_port = 8080', 'Internal_Port = "8080"', 'Processes = "app"', 'processes = ["app"]'),
    expect: [
      { at: 'true', message: /^"Kill_Timeout" must be a duration such as "30s" or a number \(got true\): flyctl reads every spelling of "kill_timeout"/ },
      { at: '"8080"', message: /^"Internal_Port" in \[\[services\]\] must be an integer \(got a string "8080"\): flyctl reads every spelling of "internal_port", this one too before the "internal_port" it keeps/ },
      { at: '"app"', message: /^"Processes" in \[\[services\]\] must be a list of strings \(got a string "app"\)/ },
    ],
  },
  {
    name: 'a wrong type inside an overridden spelling',
    text: lines('[[services]]', 'internal_port = 8080', 'Ports = [{ port = "x", handlers = ["http"] }]', '[[services.ports]]', 'port = 80'),
    expect: [{ at: '"x"', message: /^"Ports" in \[\[services\]\] holds a string "x", where an integer belongs: flyctl reads every spelling of "ports", this one too before the "ports" it keeps/ }],
  },
  {
    // [Http_Service] and [http_service] are one struct to Go's decoder, which reads the first's
    // internal_port before the second's replaces it; inline tables of one struct merge the same way.
    name: 'a wrong type in a section spelled twice, where the later spelling sets the same key',
    text: lines('[Http_Service]', 'internal_port = "web"', '[http_service]', 'internal_port = 8080', 'Concurrency = { type = "requests", Hard_Limit = "many" }', 'concurrency = { type = "requests", hard_limit = 25 }'),
    expect: [
      {
        at: '"web"',
        message: `"internal_port" in [Http_Service] must be an integer (got a string "web"): flyctl reads this "internal_port" too, before the one set later replaces it, and cannot load this file. Remove this "internal_port"`,
        suggested: lines('[Http_Service]', '[http_service]', 'internal_port = 8080', 'Concurrency = { type = "requests", Hard_Limit = "many" }', 'concurrency = { type = "requests", hard_limit = 25 }'),
      },
      { at: '"many"', message: /^"Hard_Limit" in \[http_service\.concurrency\] must be an integer \(got a string "many"\): flyctl reads this "Hard_Limit" too, before the one set later replaces it/ },
    ],
  },
  {
    // Map names are exact: [Env] A and [env] A are the same name, and only "env" has its values turned into strings.
    name: 'a number in [Env] that [env] sets again',
    text: lines('[Env]', 'A = 1', '[env]', 'A = "x"'),
    expect: [{ at: '1', message: `"A" in [Env] must be a string (got the integer 1): flyctl reads this "A" too, before the one set later replaces it, and cannot load this file. Remove this "A"` }],
  },
  {
    // Their Go types decode themselves and reject any other value while the file loads (spec §5.1).
    name: 'a value outside the enum of a self-decoding field, in an overridden spelling',
    text: lines('[http_service]', 'internal_port = 8080', 'Auto_Stop_Machines = "Stop"', 'auto_stop_machines = "stop"', '[[vm]]', 'persist_rootfs = "always"', 'Persist_Rootfs = 7'),
    expect: [
      { at: '"Stop"', message: `"Auto_Stop_Machines" in [http_service] is a string "Stop", not one of "off", "stop" or "suspend": flyctl reads every spelling of "auto_stop_machines", this one too before the "auto_stop_machines" it keeps, and cannot load this file. Remove "Auto_Stop_Machines"` },
      { at: '7', message: /^"Persist_Rootfs" in \[\[vm\]\] is the integer 7, not one of "never", "restart", "always" or "none": flyctl reads every spelling/ },
    ],
  },
  {
    // A single [Services] table is the legacy shape only the rewrite of "services" turns into a list.
    name: 'a legacy shape in an overridden spelling',
    text: lines('[Services]', 'internal_port = 8080', '[[services]]', 'internal_port = 9090'),
    expect: [{ at: '[Services]', message: /^"Services" must be an array of tables \(got a table\): flyctl reads every spelling of "services"/ }],
  },
  {
    // What Go takes as written stays a warning (unknown-key); [[VM]] beside [[vm]] is dropped by the rewrite unread.
    name: 'overridden spellings whose values fit their field',
    text: lines('app = "shop"', 'APP = "other"', 'kill_timeout = "5s"', 'Kill_Timeout = 5', '[[vm]]', 'size = "shared-cpu-1x"', 'Persist_Rootfs = 3', 'persist_rootfs = "always"', '[[VM]]', 'size = 1', '[http_service]', 'internal_port = 8080', 'Internal_Port = 8080.0', 'Auto_Stop_Machines = false', 'auto_stop_machines = "stop"'),
    expect: [],
  },
  {
    // One map to Go's decoder, but only "env" gets its values turned into strings. A date is a string already.
    name: 'a number in [Env] beside [env]',
    text: lines('[Env]', 'A = 1', 'D = 1979-05-27', '[env]', 'B = "x"'),
    expect: [{ at: '1', message: '"A" in [Env] is not a string: flyctl reads [Env] into the same map as [env] but turns values into strings only under "env", so it cannot load this file. Quote the value' }],
  },
  {
    // The spelling flyctl does not read alone still fills the struct, type errors and all.
    name: 'a wrong type in another spelling of a section beside the one flyctl reads',
    text: lines('[Http_Service]', 'internal_port = "web"', '[[http_service.checks]]', 'path = "/"'),
    expect: [{ at: '"web"', message: `"internal_port" in [http_service] must be an integer (got a string "web"): ${LOAD}` }],
  },
  {
    // flyctl's rewrite looks up "port", "internal_port" and "cmd" in lower case: spelled otherwise, the string stays.
    name: 'a legacy string under a key written in another case, which flyctl does not convert',
    text: lines('[[services]]', 'Internal_Port = "8080"', '[[services.ports]]', 'Port = "80"', '[experimental]', 'Cmd = "run"'),
    expect: [
      { at: '"8080"', message: `Internal_Port = "8080" in [[services]] stays a string: flyctl converts it only under the key "internal_port", and this one is written "Internal_Port", so it cannot load this file. Rename it to "internal_port"` },
      { at: '"80"', message: /^Port = "80" in \[\[services.ports\]\] stays a string: flyctl converts it only under the key "port"/ },
      { at: '"run"', message: /^Cmd = "run" in \[experimental\] stays a string: flyctl converts it only under the key "cmd"/ },
    ],
  },
  {
    // The rewrite of kill_timeout and of check times drops "" and values of another type as unset,
    // but only under the lower-case key and section; as written, Go's duration decoder fails on them.
    name: 'a duration flyctl treats as unset, under a key or section its rewrite does not look up',
    text: lines('Kill_Timeout = true', '[[Services]]', 'internal_port = 80', '[[Services.tcp_checks]]', 'interval = ""', '[checks.web]', 'type = "tcp"', 'port = 80', 'Grace_Period = 1979-05-27'),
    expect: [
      { at: 'true', message: `Kill_Timeout = true is no duration: flyctl treats it as unset only under the key "kill_timeout", and this one is written "Kill_Timeout", so here it cannot load this file. Write a duration such as "10s", or remove it` },
      { at: '""', message: /^interval = "" in \[\[services.tcp_checks\]\] is no duration: flyctl treats it as unset only under "services", and this is under "Services"/ },
      { at: '1979-05-27', message: /^Grace_Period = 1979-05-27 in \[checks.web\] is no duration/ },
    ],
  },
  {
    // flyctl's rewrites write the string of a number here ([[vm]] memory, mounts initial_size, check
    // header values), but only under the lower-case key and section: elsewhere Go's string field fails.
    name: 'a number flyctl turns into a string, under a key or section its rewrite does not look up',
    text: lines('[[vm]]', 'Memory = 512', '[[mounts]]', 'source = "data"', 'destination = "/data"', 'Initial_Size = 10', '[[Services]]', 'internal_port = 80', '[[Services.http_checks]]', 'path = "/"', 'headers = { X-Retries = 3, Host = "shop" }', '[[vm]]', 'memory = "1gb"', 'Memory = 2048'),
    expect: [
      { at: '512', message: `Memory = 512 in [[vm]] is not a string: flyctl turns it into one only under the key "memory", and this one is written "Memory", so it cannot load this file. Quote the value, or rename it to "memory"` },
      { at: '10', message: /^Initial_Size = 10 in \[\[mounts\]\] is not a string: flyctl turns it into one only under the key "initial_size"/ },
      { at: '3', message: /^X-Retries = 3 in \[services.http_checks.headers\] is not a string: flyctl turns such values into strings only under "services", and this is under "Services"/ },
      { at: '2048', message: /^"Memory" in \[\[vm\]\] must be a string \(got the integer 2048\): flyctl reads every spelling of "memory"/ },
    ],
  },
  {
    // One map to flyctl's decoder: the values of [Processes] are checked as those of [processes] are.
    name: 'a wrong type in another spelling of a map section beside the lower-case one',
    text: lines('[Processes]', 'web = 1', '[processes]', 'worker = "w"'),
    expect: [{ at: '1', message: `"web" in [processes] must be a string (got the integer 1): ${LOAD}` }],
  },
  {
    // Check names are map keys, exact to flyctl: [Checks.Web] and [checks.web] are two checks, each checked.
    name: 'a check in [Checks] beside one of the same name in another case under [checks]',
    text: lines('[Checks.Web]', 'type = "tcp"', 'port = "x"', '[checks.web]', 'type = "tcp"', 'port = 8080'),
    expect: [{ at: '"x"', message: /^"port" in \[checks\.Web\] must be an integer/ }],
  },
  {
    name: 'a date in [Env] alone is a string to flyctl',
    text: lines('[Env]', 'D = 1979-05-27'),
    expect: [],
  },
  {
    name: 'a string port in [http_service] (nothing converts it there)',
    text: lines('[http_service]', 'internal_port = "8080"'),
    expect: [{ at: '"8080"', message: `"internal_port" in [http_service] must be an integer (got a string "8080"): ${LOAD}`, fixed: lines('[http_service]', 'internal_port = 8080') }],
  },
  {
    name: 'a port that is not a number in [[services]]',
    text: lines('app = "foo"', '[[services]]', '\tinternal_port = "can\'tparse as port number"  # invalid', '\tprotocol = "tcp"'),
    expect: [{ at: '"can\'tparse as port number"', message: `"internal_port" in [[services]] must be an integer (got a string "can'tparse as port number"): ${LOAD}`, fixed: null }],
  },
  {
    name: 'a string where a list is required',
    text: lines('[http_service]', 'internal_port = 8080', 'processes = "app"', '[[vm]]', 'kernel_args = "quiet"', '[[services]]', '[[services.ports]]', 'port = 80', 'handlers = "http"'),
    expect: [
      { at: '"app"', message: `"processes" in [http_service] must be a list of strings (got a string "app"): ${LOAD}`, fixed: lines('[http_service]', 'internal_port = 8080', 'processes = ["app"]', '[[vm]]', 'kernel_args = "quiet"', '[[services]]', '[[services.ports]]', 'port = 80', 'handlers = "http"') },
      { at: '"quiet"', message: `"kernel_args" in [[vm]] must be a list of strings (got a string "quiet"): ${LOAD}` },
      { at: '"http"', message: `"handlers" in [[services.ports]] must be a list of strings (got a string "http"): ${LOAD}` },
    ],
  },
  {
    name: 'a command with spaces is not made into a list: which split was meant is unclear',
    text: lines('[[machine_checks]]', 'command = "curl -f http://localhost"'),
    expect: [{ at: '"curl -f http://localhost"', message: /^"command" in \[\[machine_checks\]\] must be a list of strings/, fixed: null }],
  },
  {
    name: 'an array of tables where one table is expected',
    text: lines('app = "shop"', '[[http_service]]', 'internal_port = 8080'),
    expect: [{ at: '[[http_service]]', message: `"http_service" must be a table (got an array of tables): ${LOAD}`, fixed: lines('app = "shop"', '[http_service]', 'internal_port = 8080') }],
  },
  {
    name: 'a single table where an array of tables is expected',
    text: lines('[restart]', 'policy = "always"', '[checks.x]', 'type = "tcp"', '[[checks.y]]', 'type = "tcp"'),
    expect: [
      { at: '[restart]', message: `"restart" must be an array of tables (got a table): ${LOAD}`, fixed: lines('[[restart]]', 'policy = "always"', '[checks.x]', 'type = "tcp"', '[[checks.y]]', 'type = "tcp"') },
      { at: '[[checks.y]]', message: `"y" in [checks] must be a table (got an array of tables): ${LOAD}`, fixed: lines('[restart]', 'policy = "always"', '[checks.x]', 'type = "tcp"', '[checks.y]', 'type = "tcp"') },
    ],
  },
  {
    name: 'a fractional number in an integer field; an integral one is fine',
    text: lines('swap_size_mb = 512.5', '[http_service]', 'internal_port = 8080.0'),
    expect: [{ at: '512.5', message: `"swap_size_mb" must be an integer (got the number 512.5): ${LOAD}`, fixed: null }],
  },
  {
    name: 'no coercion between strings, numbers and booleans',
    text: lines('app = 123', '[http_service]', 'force_https = "true"', '[build.args]', 'NODE_VERSION = 20', '[processes]', 'app = 1'),
    expect: [
      { at: '123', message: `"app" must be a string (got the integer 123): ${LOAD}`, fixed: null },
      { at: '"true"', message: `"force_https" in [http_service] must be true or false (got a string "true"): ${LOAD}`, fixed: lines('app = 123', '[http_service]', 'force_https = true', '[build.args]', 'NODE_VERSION = 20', '[processes]', 'app = 1') },
      { at: '20', message: `"NODE_VERSION" in [build.args] must be a string (got the integer 20): ${LOAD}`, fixed: lines('app = 123', '[http_service]', 'force_https = "true"', '[build.args]', 'NODE_VERSION = "20"', '[processes]', 'app = 1') },
      { at: '1', message: `"app" in [processes] must be a string (got the integer 1): ${LOAD}` },
    ],
  },
  {
    name: 'release_command_vm memory is a string; a volume increment too',
    text: lines('[deploy.release_command_vm]', "memory = 2048", '[[mounts]]', "source = 'data'", "destination = '/data'", 'auto_extend_size_threshold = 80', 'auto_extend_size_increment = 1'),
    expect: [
      { at: '2048', message: `"memory" in [deploy.release_command_vm] must be a string (got the integer 2048): ${LOAD}`, fixed: lines('[deploy.release_command_vm]', "memory = '2048'", '[[mounts]]', "source = 'data'", "destination = '/data'", 'auto_extend_size_threshold = 80', 'auto_extend_size_increment = 1') },
      { at: '1', message: `"auto_extend_size_increment" in [[mounts]] must be a string (got the integer 1): ${LOAD}` },
    ],
  },
  {
    // flyctl's rewrites look for "services", "env", "experimental" in lower case: under another
    // spelling the legacy values stay as written, and its JSON step cannot read them.
    name: 'legacy values under a section spelled other than in lower case, which flyctl does not rewrite',
    text: lines('[[Services]]', 'internal_port = "8080"', '[Env]', 'A = 1', 'B = "x"', '[Experimental]', 'cmd = "x"'),
    expect: [
      { at: '"8080"', message: `internal_port = "8080" in [[services]] stays a string: flyctl converts it only under "services", and this is under "Services", so it cannot load this file. Rename "Services" to "services"`, fixed: null },
      { at: '1', message: /^"A" in \[Env\] is not a string: flyctl turns \[env\] values into strings only under "env"/, fixed: null },
      { at: '"x"', message: /^cmd = "x" in \[experimental\] stays a string: flyctl converts it only under "experimental", and this is under "Experimental"/, fixed: null },
    ],
  },
  {
    name: 'a legacy shape under a section spelled so',
    text: lines('[Services]', 'internal_port = 8080'),
    expect: [{ at: 'Services', message: `"services" is in a legacy form, which flyctl rewrites only under "services", and this is under "Services": it cannot load this file. Rename "Services" to "services"`, fixed: null }],
  },
  {
    // flyctl drops items of a legacy processes array that are not tables, and prints other names as text.
    name: 'legacy processes arrays flyctl loads: items that are not tables, names that are numbers',
    text: lines('processes = ["web"]'),
    expect: [],
  },
  {
    name: 'a legacy [[processes]] item named by a number',
    text: lines('[[processes]]', 'name = 1', 'command = 2.5'),
    expect: [],
  },
  {
    // flyctl splits at the comma and reads each side with strconv.Atoi: a sign is fine, a space is not.
    name: 'legacy concurrency strings as strconv.Atoi reads them',
    text: lines('[[services]]', 'internal_port = 8080', 'concurrency = "12, 23"', '[[services]]', 'internal_port = 8081', 'concurrency = "+12,-23"'),
    expect: [{ at: '"12, 23"', message: `"concurrency" in [[services]] = "12, 23" is neither a table nor the legacy "soft,hard" string: ${LOAD}. Write a table with type, soft_limit and hard_limit` }],
  },
  {
    name: 'concurrency that is a number; max_unavailable as a percentage',
    text: lines('[deploy]', 'max_unavailable = "25%"', '[[services]]', 'internal_port = 8080', 'concurrency = 20'),
    expect: [
      { at: '"25%"', message: `"max_unavailable" in [deploy] must be a number (got a string "25%"): ${LOAD}`, fixed: lines('[deploy]', 'max_unavailable = 0.25', '[[services]]', 'internal_port = 8080', 'concurrency = 20') },
      { at: '20', message: `"concurrency" in [[services]] must be a table (got the integer 20): ${LOAD}`, fixed: null },
    ],
  },
  {
    name: 'sections of the wrong type',
    text: lines('env = "PORT=8080"', 'build = "Dockerfile"', '[checks]', 'health = "/healthz"'),
    expect: [
      { at: '"PORT=8080"', message: `"env" must be a table (got a string "PORT=8080"): ${LOAD}` },
      { at: '"Dockerfile"', message: `"build" must be a table (got a string "Dockerfile"): ${LOAD}` },
      { at: '"/healthz"', message: `"health" in [checks] must be a table (got a string "/healthz"): ${LOAD}` },
    ],
  },
  {
    name: 'a duration flyctl ignores is a warning; one it rejects is an error',
    text: lines('kill_timeout = true', '[deploy]', 'wait_timeout = true'),
    expect: [
      { at: 'true', message: '"kill_timeout" is true: flyctl ignores it and uses the default. Write a duration such as "30s" or a number', severity: 'warning' },
      { at: 'true', message: `"wait_timeout" in [deploy] must be a duration such as "30s" or a number (got true): ${LOAD}` },
    ],
  },
  {
    name: 'nan and inf anywhere but [env]',
    text: lines('swap_size_mb = nan', '[env]', 'RATIO = inf', '[deploy]', 'max_unavailable = -inf'),
    expect: [
      { at: 'nan', message: '"swap_size_mb" is NaN: flyctl cannot load nan or inf outside [env]. Write a number' },
      { at: '-inf', message: '"max_unavailable" in [deploy] is -Infinity: flyctl cannot load nan or inf outside [env]. Write a number' },
    ],
  },
  {
    name: 'a TOML date where a string is expected loads, but not as written',
    text: lines('app = 1979-05-27T07:32:00Z'),
    expect: [{ at: '1979-05-27T07:32:00Z', message: /^"app" is a TOML date, not a string/, severity: 'warning', suggested: lines('app = "1979-05-27T07:32:00Z"') }],
  },
  {
    name: 'shapes and values flyctl accepts',
    text: lines(
      'app = "shop"',
      'kill_timeout = 5',
      '[env]',
      'PORT = 8080',
      'DEBUG = true',
      '[experimental]',
      'cmd = "start"',
      '[http_service]',
      'internal_port = 8080',
      'auto_stop_machines = "suspend"',
      '[http_service.http_options]',
      'idle_timeout = 600',
      '[[services]]',
      'internal_port = "8080"',
      'concurrency = "20,25"',
      '[services.ports]',
      'port = 80.9',
      '[mounts]',
      'source = "data"',
      'destination = "/data"',
      'initial_size = 10',
      '[vm]',
      'memory = 512',
    ),
    expect: [],
  },
]);
