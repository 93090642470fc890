/**
 * Validator for Telegram's `parse_mode: 'HTML'` message text, as strict as the
 * Bot API documentation (https://core.telegram.org/bots/api#html-style).
 *
 * Telegram's real parser (tdlib `parse_html`) is more lenient than its docs: it
 * silently keeps an unparseable `&` as text, accepts a bare `>`, ignores unknown
 * attributes and repairs bad entity nesting. This checker reports all of those,
 * so that text passing it is accepted by Telegram *and* renders as intended.
 * Problem messages mimic Telegram's wording ("Unsupported start tag "p" at byte
 * offset 0") where Telegram has an equivalent error.
 */

/** Tags without attributes. */
const SIMPLE_TAGS = new Set(['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'tg-spoiler', 'pre']);
/** Allowed attributes per tag (SIMPLE_TAGS allow none). */
const TAG_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  span: ['class'],
  code: ['class'],
  blockquote: ['expandable'],
  'tg-emoji': ['emoji-id'],
};
const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

const TAG_RE = /<(\/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s=>\/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*(\/?)>/y;
const ATTR_RE = /([^\s=>\/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?/g;
const ENTITY_RE = /&(?:#([0-9]+)|#[xX]([0-9A-Fa-f]+)|([A-Za-z][A-Za-z0-9]*));/y;

/** Decodes the entity at `text[i]` (which is '&'); returns null if it is not a valid one. */
function readEntity(text: string, i: number): { value: string; end: number; problem?: string } | null {
  ENTITY_RE.lastIndex = i;
  const m = ENTITY_RE.exec(text);
  if (!m) return null;
  const end = i + m[0].length;
  if (m[3] !== undefined) {
    const value = NAMED_ENTITIES[m[3]];
    return value === undefined ? { value: m[0], end, problem: `Unsupported entity "${m[0]}"` } : { value, end };
  }
  const code = m[1] !== undefined ? Number.parseInt(m[1], 10) : Number.parseInt(m[2] ?? '', 16);
  if (!(code > 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) {
    return { value: m[0], end, problem: `Invalid numeric entity "${m[0]}"` };
  }
  return { value: String.fromCodePoint(code), end };
}

/**
 * Checks `text` against Telegram's HTML parse mode rules. Returns a list of
 * problems (empty when the text is valid): unsupported tags or attributes,
 * unclosed/mismatched tags, forbidden nesting (anything inside code/pre except
 * `<pre><code class="language-x">`, nested blockquotes or links), bare `<`,
 * `>` or `&`, and entities other than &lt; &gt; &amp; &quot; and numeric ones.
 */
export function checkTelegramHtml(text: string): string[] {
  const problems: string[] = [];
  const at = (i: number) => `at byte offset ${Buffer.byteLength(text.slice(0, i))}`;
  const stack: string[] = [];
  const checkAttributeEntities = (value: string, where: string) => {
    for (let j = value.indexOf('&'); j !== -1; j = value.indexOf('&', j + 1)) {
      const entity = readEntity(value, j);
      if (!entity) problems.push(`Bare "&" in an attribute value of the tag ${where} must be escaped as &amp;`);
      else if (entity.problem) problems.push(`${entity.problem} in an attribute value of the tag ${where}`);
    }
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '&') {
      const entity = readEntity(text, i);
      if (!entity) problems.push(`Bare "&" ${at(i)} must be escaped as &amp;`);
      else if (entity.problem) problems.push(`${entity.problem} ${at(i)}`);
      i = entity ? entity.end : i + 1;
      continue;
    }
    if (c === '>') problems.push(`Bare ">" ${at(i)} must be escaped as &gt;`);
    if (c !== '<') {
      i++;
      continue;
    }
    TAG_RE.lastIndex = i;
    const m = TAG_RE.exec(text);
    if (!m) {
      const [, slash, name = ''] = /^<(\/?)([^\s>]*)/.exec(text.slice(i, i + 40)) ?? [];
      problems.push(
        `${slash ? 'Malformed end' : 'Unsupported start'} tag "${name}" ${at(i)}: bare "<" must be escaped as &lt;`,
      );
      i++;
      continue;
    }
    const [whole, slash, rawName = '', attrText = '', selfClose] = m;
    const name = rawName.toLowerCase();
    const where = at(i);
    i += whole.length;
    if (slash) {
      const top = stack[stack.length - 1];
      if (attrText.trim() || selfClose) problems.push(`Malformed end tag "</${name}>" ${where}`);
      if (!top) problems.push(`Unexpected end tag "</${name}>" ${where}`);
      else if (top !== name) problems.push(`Unmatched end tag ${where}, expected "</${top}>", found "</${name}>"`);
      // Recover: pop up to the matching tag when it is open, else drop the top.
      const index = stack.lastIndexOf(name);
      stack.length = index === -1 ? Math.max(0, stack.length - 1) : index;
      continue;
    }
    if (!SIMPLE_TAGS.has(name) && !(name in TAG_ATTRIBUTES)) {
      problems.push(`Unsupported start tag "${name}" ${where}`);
      continue;
    }
    if (selfClose) problems.push(`Self-closing tag "<${name}/>" is not supported ${where}`);
    const attrs = new Map<string, string | undefined>();
    for (const a of attrText.matchAll(ATTR_RE)) {
      const attrName = (a[1] ?? '').toLowerCase();
      const rawValue = a[2];
      const quoted = rawValue !== undefined && /^["']/.test(rawValue);
      const value = rawValue === undefined ? undefined : quoted ? rawValue.slice(1, -1) : rawValue;
      if (value !== undefined) checkAttributeEntities(value, `"${name}" ${where}`);
      if (!(TAG_ATTRIBUTES[name] ?? []).includes(attrName)) {
        problems.push(`Unsupported attribute "${attrName}" in the tag "${name}" ${where}`);
      }
      attrs.set(attrName, value === undefined ? undefined : stripTelegramHtml(value));
    }
    const parent = stack[stack.length - 1];
    const cls = attrs.get('class');
    const hasLanguage = name === 'code' && cls !== undefined;
    if (name === 'a' && !attrs.get('href')) problems.push(`Tag "a" must have a non-empty href ${where}`);
    if (name === 'span' && cls !== 'tg-spoiler') problems.push(`Tag "span" must have class "tg-spoiler" ${where}`);
    if (name === 'tg-emoji' && !/^\d+$/.test(attrs.get('emoji-id') ?? '')) {
      problems.push(`Tag "tg-emoji" needs a numeric emoji-id ${where}`);
    }
    if (name === 'blockquote' && attrs.has('expandable') && attrs.get('expandable') !== undefined) {
      problems.push(`Attribute "expandable" of "blockquote" takes no value ${where}`);
    }
    if (hasLanguage && !/^language-[\w+#.-]*$/.test(cls ?? '')) {
      problems.push(`Tag "code" may only have class "language-…" ${where}`);
    }
    if (hasLanguage && parent !== 'pre') {
      problems.push(`A language can only be given to "code" directly inside "pre" ${where}`);
    }
    // Only <pre><code class="language-…"> may nest inside pre/code; links and quotes can't nest.
    const codeDepth = stack.filter((t) => t === 'code' || t === 'pre').length;
    if (codeDepth > 0 && !(codeDepth === 1 && parent === 'pre' && name === 'code')) {
      problems.push(`Tag "${name}" can't be nested inside "${parent === 'code' ? 'code' : 'pre'}" ${where}`);
    }
    if ((name === 'blockquote' || name === 'a') && stack.includes(name)) {
      problems.push(`Tag "${name}" can't be nested inside another "${name}" ${where}`);
    }
    if (!selfClose) stack.push(name);
  }
  for (const open of stack.reverse()) problems.push(`Can't find end tag corresponding to start tag "${open}"`);
  return problems;
}

/**
 * The visible text of a Telegram HTML message: tags removed and entities
 * decoded. Its `.length` (UTF-16 code units) is what Telegram compares with the
 * 4096-character message limit. Best effort on invalid input.
 */
export function stripTelegramHtml(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? '';
    if (c === '&') {
      const entity = readEntity(text, i);
      out += entity ? entity.value : c;
      i = entity ? entity.end : i + 1;
      continue;
    }
    if (c === '<') {
      TAG_RE.lastIndex = i;
      const m = TAG_RE.exec(text);
      if (m) {
        i += m[0].length;
        continue;
      }
    }
    out += c;
    i++;
  }
  return out;
}
