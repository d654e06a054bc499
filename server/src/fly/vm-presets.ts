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

export const CPU_RULES = {
  shared: { cpus: [1, 2, 4, 6, 8], minPerCpu: 256, maxPerCpu: 2048, increment: 256 },
  performance: { cpus: [1, 2, 4, 6, 8, 10, 12, 14, 16, 32, 64, 128], minPerCpu: 2048, maxPerCpu: 8192, increment: 1024 },
} as const;

/** The guest a `[[vm]]` section yields, as flyctl builds it: the preset, then explicit fields. */
export function effectiveGuest(vm: { size?: string; cpuKind?: string; cpus?: number; memoryMb?: number; gpuKind?: string }): { cpuKind: string; cpus: number; memoryMb: number } {
  const preset = PRESETS[vm.size ?? (vm.gpuKind ? 'performance-8x' : 'shared-cpu-1x')] ?? PRESETS['shared-cpu-1x']!;
  return { cpuKind: vm.cpuKind ?? preset.cpuKind, cpus: vm.cpus ?? preset.cpus, memoryMb: vm.memoryMb ?? preset.memoryMb };
}

/** The nearest memory the platform accepts for this CPU kind and count. */
export function nearestValidMemory(cpuKind: 'shared' | 'performance', cpus: number, memoryMb: number): number {
  const rules = CPU_RULES[cpuKind];
  const clamped = Math.min(Math.max(memoryMb, rules.minPerCpu * cpus), rules.maxPerCpu * cpus);
  return Math.max(rules.minPerCpu * cpus, Math.round(clamped / rules.increment) * rules.increment);
}
