/**
 * The keys whose value flyctl reads in a way the text does not show (§2 of the reference): which
 * unit a bare number counts in, which size unit applies, which values a patch rewrites.
 */
import type { DurationUnit } from './units.js';

export type ValueKind =
  | { kind: 'duration'; unit: DurationUnit }
  | { kind: 'memory'; numbers: boolean }
  | { kind: 'volume'; numbers: boolean }
  | { kind: 'autostop' }
  | { kind: 'preset' }
  | { kind: 'memoryMb' }
  | { kind: 'patchedInt' }
  | { kind: 'env' }
  | { kind: 'argv' }
  | { kind: 'persistRootfs' }
  | { kind: 'region' };

const VM = ['vm', 'compute', 'computes'];
const CHECK_TIMES = ['interval', 'timeout', 'grace_period'];

/** `*` matches any one name; alternatives are lists. Paths carry no array indices. */
const PATTERNS: Array<{ path: Array<string | string[]>; kind: ValueKind }> = [
  { path: ['kill_timeout'], kind: { kind: 'duration', unit: 's' } },
  { path: ['experimental', 'kill_timeout'], kind: { kind: 'duration', unit: 's' } },
  { path: ['checks', '*', CHECK_TIMES], kind: { kind: 'duration', unit: 'ms' } },
  { path: ['checks', CHECK_TIMES], kind: { kind: 'duration', unit: 'ms' } }, // legacy [[checks]]
  { path: ['services', ['tcp_checks', 'http_checks'], CHECK_TIMES], kind: { kind: 'duration', unit: 'ms' } },
  { path: ['http_service', 'checks', CHECK_TIMES], kind: { kind: 'duration', unit: 'ns' } },
  { path: ['deploy', ['wait_timeout', 'release_command_timeout']], kind: { kind: 'duration', unit: 'ns' } },
  { path: ['machine_checks', 'kill_timeout'], kind: { kind: 'duration', unit: 'ns' } },
  { path: [['services', 'http_service'], 'machine_checks', 'kill_timeout'], kind: { kind: 'duration', unit: 'ns' } },
  { path: [VM, 'memory'], kind: { kind: 'memory', numbers: true } },
  { path: ['deploy', 'release_command_vm', 'memory'], kind: { kind: 'memory', numbers: false } },
  { path: [[...VM], 'memory_mb'], kind: { kind: 'memoryMb' } },
  { path: ['deploy', 'release_command_vm', 'memory_mb'], kind: { kind: 'memoryMb' } },
  { path: [VM, 'size'], kind: { kind: 'preset' } },
  { path: ['deploy', 'release_command_vm', 'size'], kind: { kind: 'preset' } },
  { path: [VM, 'persist_rootfs'], kind: { kind: 'persistRootfs' } },
  { path: [['mounts', 'mount'], 'initial_size'], kind: { kind: 'volume', numbers: true } },
  { path: [['mounts', 'mount'], ['auto_extend_size_increment', 'auto_extend_size_limit']], kind: { kind: 'volume', numbers: false } },
  { path: [['http_service', 'services'], 'auto_stop_machines'], kind: { kind: 'autostop' } },
  { path: ['services', 'internal_port'], kind: { kind: 'patchedInt' } },
  { path: ['services', 'ports', 'port'], kind: { kind: 'patchedInt' } },
  { path: ['env', '*'], kind: { kind: 'env' } },
  { path: ['experimental', ['cmd', 'entrypoint', 'exec']], kind: { kind: 'argv' } },
  { path: ['primary_region'], kind: { kind: 'region' } },
];

function matches(pattern: string | string[], name: string): boolean {
  if (pattern === '*') return true;
  return Array.isArray(pattern) ? pattern.includes(name) : pattern === name;
}

type Pattern = (typeof PATTERNS)[number];

/**
 * The patterns that can match a path by its last name (lower-cased), in their order; a name no
 * pattern ends in has only those ending in `*`. Hover asks once, but inlay hints ask for every
 * value of the file.
 */
const ANY_LAST: Pattern[] = PATTERNS.filter((p) => p.path[p.path.length - 1] === '*');
const BY_LAST = new Map<string, Pattern[]>();
for (const p of PATTERNS) {
  const last = p.path[p.path.length - 1]!;
  for (const name of Array.isArray(last) ? last : last === '*' ? [] : [last]) BY_LAST.set(name, []);
}
for (const [name, list] of BY_LAST) list.push(...PATTERNS.filter((p) => matches(p.path[p.path.length - 1]!, name)));

/**
 * The kind of value at a key path (array indices are skipped). `exactCase` is false when the
 * path matched only case-insensitively: flyctl still loads such keys, but its patches skip them,
 * so a bare-number duration there counts nanoseconds.
 */
export function valueKindAt(keyPath: readonly (string | number)[]): (ValueKind & { exactCase: boolean }) | undefined {
  const names = keyPath.every((p) => typeof p === 'string') ? (keyPath as readonly string[]) : keyPath.filter((p): p is string => typeof p === 'string');
  if (names.length === 0) return undefined;
  const candidates = BY_LAST.get(names[names.length - 1]!.toLowerCase()) ?? ANY_LAST;
  if (!candidates.some((p) => p.path.length === names.length)) return undefined;
  for (const exact of [true, false]) {
    const path = exact ? names : names.map((n) => n.toLowerCase());
    const found = candidates.find((p) => p.path.length === path.length && p.path.every((segment, i) => matches(segment, path[i]!)));
    if (found) return { ...found.kind, exactCase: exact };
  }
  return undefined;
}
