export interface CorpusFile { corpusName: string; filePath: string; text: string }
export interface CorpusProject { repo: string; root: string; files: CorpusFile[] }
export const corpusDir: string;
export function corpusProjects(): CorpusProject[];
export function lintCorpus<F>(
  lintText: (text: string, options: any) => F[],
  options?: Record<string, unknown>,
): Map<string, CorpusFile & { root: string; findings: F[] }>;
