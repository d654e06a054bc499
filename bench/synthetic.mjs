// Synthetic fly.toml configs of a chosen size, built from the shapes real configs use, for the
// latency and scaling benchmarks.

const SERVICE = (i) => `
[[services]]
  internal_port = ${8000 + (i % 1000)}
  protocol = "tcp"
  processes = ["app"]
  auto_stop_machines = "stop"
  auto_start_machines = true
  min_machines_running = 1

  [[services.ports]]
    port = ${10000 + i}
    handlers = ["tls", "http"]

  [services.concurrency]
    type = "connections"
    hard_limit = 25
    soft_limit = 20

  [[services.tcp_checks]]
    interval = "15s"
    timeout = "2s"
    grace_period = "1s"
`;

const HEAD = `app = "bench-app"
primary_region = "ord"
swap_size_mb = 512
kill_signal = "SIGINT"
kill_timeout = "5s"

[build]
  dockerfile = "Dockerfile"

[deploy]
  release_command = "bin/migrate"
  strategy = "rolling"

[processes]
  app = "bin/server"
  worker = "bin/worker --queue default"

[env]
`;

const TAIL = `
[[vm]]
  cpu_kind = "performance"
  cpus = 2
  memory = "4gb"

[metrics]
  port = 9091
  path = "/metrics"
`;

/** A config of roughly `lines` lines: half of them `[env]` entries, half `[[services]]` blocks. */
export function syntheticConfig(lines) {
  const budget = Math.max(0, lines - HEAD.split('\n').length - TAIL.split('\n').length);
  const env = [];
  for (let i = 0; i < Math.floor(budget / 2); i++) env.push(`  SETTING_${i} = "value-${i}"\n`);
  const services = [];
  let serviceLines = 0;
  for (let i = 0; serviceLines < budget - env.length; i++) {
    const block = SERVICE(i);
    services.push(block);
    serviceLines += block.split('\n').length - 1;
  }
  return HEAD + env.join('') + services.join('') + TAIL;
}
