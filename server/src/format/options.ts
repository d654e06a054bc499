/**
 * What a user may choose about formatting. The defaults are the style `fly launch` writes
 * (flyctl encodes fly.toml with go-toml's indented tables: two spaces a level), except quotes:
 * flyctl switched from double to single quotes over the years, and half of the configs in use
 * have each, so quotes are left as written unless asked for.
 */
export type QuoteStyle = 'preserve' | 'single' | 'double';

export interface FormatOptions {
  /** Spaces per level (0: no indentation at all), or 'tab'. */
  indent: number | 'tab';
  quotes: QuoteStyle;
}

export const DEFAULT_FORMAT_OPTIONS: Readonly<FormatOptions> = { indent: 2, quotes: 'preserve' };

/** More spaces a level than anyone uses is a typo, not a style. */
export const MAX_INDENT = 8;

export const QUOTE_STYLES: readonly QuoteStyle[] = ['preserve', 'single', 'double'];

/** The indentation of one level. */
export function indentUnit(options: FormatOptions): string {
  return options.indent === 'tab' ? '\t' : ' '.repeat(options.indent);
}
