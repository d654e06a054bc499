import type { Arbitrary } from 'fast-check';

export const SYNTAX_PIECES: string[];
export const anyString: Arbitrary<string>;
export const anyBytesAsText: Arbitrary<string>;
export const tomlDocument: Arbitrary<string>;
export const flyConfig: Arbitrary<string>;
export function corpusMutation(corpus: readonly string[]): Arbitrary<string>;
export const longTokenDocument: Arbitrary<string>;
export const frameHeaderVariant: Arbitrary<(body: string) => string>;
