/** Machine size presets and the CPU/memory rules of the Machines platform. */
export interface Preset {
  cpuKind: 'shared' | 'performance';
  cpus: number;
  memoryMb: number;
  gpu?: string;
}

export const PRESETS: Record<string, Preset> = {
  'shared-cpu-1x': { cpuKind: 'shared', cpus: 1, memoryMb: 256 },
  'shared-cpu-2x': { cpuKind: 'shared', cpus: 2, memoryMb: 512 },
  'shared-cpu-4x': { cpuKind: 'shared', cpus: 4, memoryMb: 1024 },
  'shared-cpu-6x': { cpuKind: 'shared', cpus: 6, memoryMb: 1536 },
  'shared-cpu-8x': { cpuKind: 'shared', cpus: 8, memoryMb: 2048 },
  'performance-1x': { cpuKind: 'performance', cpus: 1, memoryMb: 2048 },
  'performance-2x': { cpuKind: 'performance', cpus: 2, memoryMb: 4096 },
  'performance-4x': { cpuKind: 'performance', cpus: 4, memoryMb: 8192 },
  'performance-6x': { cpuKind: 'performance', cpus: 6, memoryMb: 12288 },
  'performance-8x': { cpuKind: 'performance', cpus: 8, memoryMb: 16384 },
  'performance-10x': { cpuKind: 'performance', cpus: 10, memoryMb: 20480 },
  'performance-12x': { cpuKind: 'performance', cpus: 12, memoryMb: 24576 },
  'performance-14x': { cpuKind: 'performance', cpus: 14, memoryMb: 28672 },
  'performance-16x': { cpuKind: 'performance', cpus: 16, memoryMb: 32768 },
  'a100-40gb': { cpuKind: 'performance', cpus: 8, memoryMb: 32768, gpu: 'a100-pcie-40gb' },
  'a100-80gb': { cpuKind: 'performance', cpus: 8, memoryMb: 32768, gpu: 'a100-sxm4-80gb' },
  l40s: { cpuKind: 'performance', cpus: 8, memoryMb: 32768, gpu: 'l40s' },
  a10: { cpuKind: 'performance', cpus: 8, memoryMb: 32768, gpu: 'a10' },
};

/** The preset of that name (names are case-sensitive), never an inherited property. */
export function presetOf(name: string): Preset | undefined {
  return Object.hasOwn(PRESETS, name) ? PRESETS[name] : undefined;
}

export const CPU_RULES = {
  shared: { cpus: [1, 2, 4, 6, 8], minPerCpu: 256, maxPerCpu: 2048, increment: 256 },
  performance: { cpus: [1, 2, 4, 6, 8, 10, 12, 14, 16, 32, 64, 128], minPerCpu: 2048, maxPerCpu: 8192, increment: 1024 },
} as const;

export interface Guest {
  cpuKind: string;
  cpus: number;
  memoryMb: number;
  gpuKind?: string;
}

export interface GuestInput {
  size?: string;
  cpuKind?: string;
  cpus?: number;
  memoryMb?: number;
  gpuKind?: string;
}

/**
 * The guest a `[[vm]]` section yields, as flyctl builds it (§3.14): the preset (`shared-cpu-1x`,
 * or `performance-8x` when a GPU kind is set), then every explicit field. Undefined for a size
 * that is not a preset (the deploy fails).
 */
export function guestOf(vm: GuestInput): Guest | undefined {
  const preset = presetOf(vm.size ?? (vm.gpuKind ? 'performance-8x' : 'shared-cpu-1x'));
  if (!preset) return undefined;
  const gpuKind = vm.gpuKind ?? preset.gpu;
  return { cpuKind: vm.cpuKind ?? preset.cpuKind, cpus: vm.cpus ?? preset.cpus, memoryMb: vm.memoryMb ?? preset.memoryMb, ...(gpuKind ? { gpuKind } : {}) };
}

/** Like guestOf, reading an unknown size as the default preset. */
export function effectiveGuest(vm: GuestInput): Guest {
  return guestOf(vm) ?? guestOf({ ...vm, size: 'shared-cpu-1x' })!;
}

/** The nearest memory the platform accepts for this CPU kind and count. */
export function nearestValidMemory(cpuKind: 'shared' | 'performance', cpus: number, memoryMb: number): number {
  const rules = CPU_RULES[cpuKind];
  const clamped = Math.min(Math.max(memoryMb, rules.minPerCpu * cpus), rules.maxPerCpu * cpus);
  return Math.max(rules.minPerCpu * cpus, Math.round(clamped / rules.increment) * rules.increment);
}

/**
 * The valid memory sizes closest to `memoryMb` for this CPU kind and count, nearest first: the
 * step below and the step above when both are in range, else the range's nearer end.
 */
export function memoryChoices(cpuKind: 'shared' | 'performance', cpus: number, memoryMb: number): number[] {
  const rules = CPU_RULES[cpuKind];
  const min = rules.minPerCpu * cpus;
  const max = rules.maxPerCpu * cpus;
  if (memoryMb <= min) return [min];
  if (memoryMb >= max) return [max];
  const below = Math.floor(memoryMb / rules.increment) * rules.increment;
  const above = below + rules.increment;
  const choices = [below, above].filter((m) => m >= min && m <= max && m !== memoryMb);
  return choices.sort((a, b) => Math.abs(a - memoryMb) - Math.abs(b - memoryMb) || a - b);
}
