/** Where each rule's docs page lives; the CLI's --explain prints the same page. */
export const DOCS_BASE_URL = 'https://github.com/flylint/flylint/blob/main/docs/rules/';

export function ruleDocsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}
