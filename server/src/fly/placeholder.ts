import type { Vm } from './config-types.js';

/**
 * Placeholders of template configs: values a script, a template engine or a person fills in before
 * the config is deployed (`app = "${APP_NAME}"`, `primary_region = "{{ .Region }}"`,
 * `app = "PUT-YOUR-FLY-IO-APP-NAME-HERE"`). They are not the app names, regions or values the
 * config will carry, so no rule reports them as invalid, compares them across configs or suggests
 * names built from them.
 */

// Each alternative scans forward without backtracking over the text (`[^{}]*`, not `.*`): values
// come from any file, and a long one must not cost more than one pass.
export const PLACEHOLDER = new RegExp(
  [
    String.raw`\$\{?[A-Za-z_][A-Za-z0-9_]*`, // $REGION, ${PRIMARY_REGION} (shell, envsubst)
    String.raw`\{\{[^{}]*\}\}`, // {{ .Region }}, {{APP_NAME}} (Go templates, Handlebars, Jinja)
    String.raw`\{%[^%]*%\}`, // {% if … %} (Jinja)
    String.raw`<%[^%]*%>`, // <%= app %> (ERB)
    String.raw`%[A-Za-z_][A-Za-z0-9_-]*%`, // %NAME%, %fly_app_name%
    String.raw`@[A-Za-z_][A-Za-z0-9_]*@`, // @APP_NAME@ (autoconf, sed scripts)
    String.raw`<[A-Za-z][^<>]*>`, // <your-app>, <region>
    String.raw`(?:^|[^a-z])(?:change[-_ ]?me|replace[-_ ]?me|fill[-_ ]?me[-_ ]?in|placeholder|tbd|xxx+)(?![a-z])`, // changeme, xxx-windmill
    String.raw`(?:^|[^a-z])your(?![a-z])`, // your-app-name, PUT-YOUR-FLY-IO-APP-NAME-HERE
    String.raw`(?:^|[^a-z])your[-_]?(?:app|name|region|org|domain|project|service|site)`, // yourappname
  ].join('|'),
  'i',
);
/** `__APP_NAME__`: upper case only (`__proto__` is a word of its own). */
const DUNDER = /__[A-Z][A-Z0-9_]*__/;
/** Names, regions and the values checked against a list are short; a long text is a value of its own. */
const LONGEST = 256;

/**
 * What every alternative of PLACEHOLDER holds: a delimiter, or one of its words in any case. V8
 * compiles a regular expression at its first use, and this one, case-insensitive with ten
 * alternatives, cost a one-file lint more than anything else it compiles; real values (app names,
 * regions, ports) mostly hold none of these, so it is compiled only for a value that could match.
 */
const DELIMITER = /[$%<@{]/;
const WORDS = ['change', 'replace', 'fill', 'placeholder', 'tbd', 'xxx', 'your'];

function mayBePlaceholder(value: string): boolean {
  if (DELIMITER.test(value)) return true;
  // The pattern matches ASCII letters in either case only: lower case finds every word it could.
  const lower = value.toLowerCase();
  return WORDS.some((word) => lower.includes(word));
}

/** Whether a string value is a placeholder to be filled in, not a value of its own. */
export function isPlaceholder(value: string): boolean {
  return value.length <= LONGEST && ((mayBePlaceholder(value) && PLACEHOLDER.test(value)) || DUNDER.test(value));
}

/** Whether a `[[vm]]`'s size, CPU kind, CPU count or memory is left to a placeholder: its Machine size is not known yet. */
export function vmSizeIsPlaceholder(vm: Vm): boolean {
  for (const field of [vm.size, vm.cpuKind, vm.memoryText, vm.cpus, vm.memoryMbKey, vm.gpuKind]) {
    if (field && typeof field.value === 'string' && isPlaceholder(field.value)) return true;
  }
  return false;
}
