export { parseToml } from './parse.js';
export type { ParseOptions, ParseResult, TomlError } from './parse.js';
export { toPlainValue, toTaggedJson } from './plain.js';
export type { PlainValue, TaggedValue } from './plain.js';
export { printDocument, tokensAreContiguous } from './print.js';
export type * from './ast.js';
export type * from './values.js';
export { TokenList } from './token-list.js';
