export { formatEdits, formatText, type FormatResult } from './format.js';
export { applyTextEdits, editsWithin } from './text-edits.js';
export { DEFAULT_FORMAT_OPTIONS, MAX_INDENT, QUOTE_STYLES, indentUnit, type FormatOptions, type QuoteStyle } from './options.js';
