export function fileSnapshot(dir: string): string[];
