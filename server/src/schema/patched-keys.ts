/**
 * The keys flyctl's rewrites of legacy values (internal/appconfig/patches.go) look up, by the
 * table that holds them: always in lower case. A key spelled otherwise reaches flyctl's JSON step
 * as written, which reads it all the same (ignoring case) but without the rewrite, and so does
 * everything inside it: under `[[Services]]` a port "80" stays a string, a check's bare 10000 stays
 * nanoseconds.
 */

const CHECK = ['interval', 'timeout', 'grace_period', 'headers'];

const PATCHED: Record<string, readonly string[]> = {
  '': ['kill_timeout', 'env', 'services', 'processes', 'experimental', 'checks', 'build', 'compute', 'computes', 'vm', 'mount', 'mounts', 'metric', 'metrics'],
  experimental: ['cmd', 'entrypoint', 'exec', 'kill_timeout', 'metrics_port', 'metrics_path'],
  services: ['concurrency', 'ports', 'tcp_checks', 'http_checks', 'internal_port'],
  'services.ports': ['port'],
  'services.tcp_checks': CHECK,
  'services.http_checks': CHECK,
  // [checks.<name>], and the legacy [[checks]] list whose items carry their name.
  'checks.*': CHECK,
  checks: ['name', ...CHECK],
  vm: ['memory'],
  compute: ['memory'],
  computes: ['memory'],
  mounts: ['initial_size'],
  mount: ['initial_size'],
  processes: ['name', 'command'],
  build: ['build_target'],
};

/** Whether a rewrite reads `key` (lower case) in the table at `parentPath` (array indices included or not). */
export function isPatchedKey(parentPath: ReadonlyArray<string | number>, key: string): boolean {
  const names = parentPath.filter((p): p is string => typeof p === 'string');
  const place = names.length === 2 && names[0] === 'checks' ? 'checks.*' : names.join('.');
  return PATCHED[place]?.includes(key) ?? false;
}
