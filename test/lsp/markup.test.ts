/** Markdown documentation as plain text, for clients that do not render markdown. */
import { describe, expect, it } from 'vitest';
import { formatFor, markupFor, plainText, withDocumentationFormat } from '../../server/src/lsp/markup.js';

describe('plain text from markdown', () => {
  it.each([
    ['bold and a docs link', '**kill_timeout** — duration\n\n[Fly.io docs](https://fly.io/docs/reference/configuration/#kill_timeout)', 'kill_timeout — duration\n\nFly.io docs: https://fly.io/docs/reference/configuration/#kill_timeout'],
    ['code spans keep their content, brackets included', 'Set `[[vm]]` or `size = "shared-cpu-1x"`; `` a`b ``', 'Set [[vm]] or size = "shared-cpu-1x"; a`b'],
    ['a header in bold is not a link', '**[http_service]**', '[http_service]'],
    ['markdown inside code stays as it is', '`**not bold**` and `[a](b)`', '**not bold** and [a](b)'],
    ['a link whose text is its address', '[https://fly.io](https://fly.io) and <https://fly.io/docs>', 'https://fly.io and https://fly.io/docs'],
    ['emphasis, but not snake_case or a lone star', '*only* this, not my_key_name or 2 * 3', 'only this, not my_key_name or 2 * 3'],
    ['lists as plain lines', 'Handlers:\n* `http`\n+ `tls`\n  - nested', 'Handlers:\n- http\n- tls\n  - nested'],
    ['headings, rules, quotes and escapes', '## Ports\n\n---\n> note \\*this\\*', 'Ports\n\nnote *this*'],
    ['code fences become indented lines', 'Example:\n\n```toml\n[[vm]]\n  size = "a"\n```\nDone', 'Example:\n\n    [[vm]]\n      size = "a"\nDone'],
  ])('%s', (_name, markdown, plain) => {
    expect(plainText(markdown)).toBe(plain);
  });

  it('picks markdown only when the client lists it', () => {
    expect(formatFor(['markdown', 'plaintext'])).toBe('markdown');
    expect(formatFor(['plaintext', 'markdown'])).toBe('markdown');
    expect(formatFor(['plaintext'])).toBe('plaintext');
    expect(formatFor(undefined)).toBe('plaintext');
    expect(markupFor('**a**', 'markdown')).toEqual({ kind: 'markdown', value: '**a**' });
    expect(markupFor('**a**', 'plaintext')).toEqual({ kind: 'plaintext', value: 'a' });
  });

  it('turns only markdown completion documentation to plain text', () => {
    const items = [{ label: 'a', documentation: { kind: 'markdown' as const, value: '`x` [d](https://e)' } }, { label: 'b', documentation: 'plain `as is`' }, { label: 'c' }];
    expect(withDocumentationFormat(items, 'plaintext')).toEqual([{ label: 'a', documentation: { kind: 'plaintext', value: 'x d: https://e' } }, items[1], items[2]]);
    expect(withDocumentationFormat(items, 'markdown')).toBe(items);
  });
});
