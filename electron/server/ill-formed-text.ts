/**
 * Whether text has a UTF-8 form, i.e. no UTF-16 surrogate without its partner (SQLite would store bytes no other
 * tool reads). String#isWellFormed (ES2024, in Node 20) answers a one-byte string at once: the 50 MB of base64
 * in an import upload costs nothing, where a regular expression scan takes ~150 ms.
 */
const isWellFormed = (text: string): boolean =>
  (text as unknown as { isWellFormed(): boolean }).isWellFormed();

export const illFormedTextMessage = '包含无法保存的字符（可能是复制时截断的表情符号），请删除后重新输入';

/**
 * The path (`fields.name`, `tags.2`) of the first string, or object key, in parsed input that is not
 * well-formed UTF-16; null when all text is fine. The walk uses its own stack: input nesting is not bounded.
 *
 * Refused rather than repaired with U+FFFD: no keyboard types a lone surrogate (it comes from a client cutting
 * an emoji in half, or from a crafted request), and a silent repair would store text the user never saw, while
 * a validation error names the field and changes nothing.
 */
export function findIllFormedText(input: unknown): string | null {
  const stack: { value: unknown; path: string }[] = [{ value: input, path: '' }];
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: string };
    if (typeof value === 'string') {
      if (!isWellFormed(value)) return path;
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => stack.push({ value: v, path: path ? `${path}.${i}` : String(i) }));
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        const at = path ? `${path}.${k}` : k;
        if (!isWellFormed(k)) return at;
        stack.push({ value: v, path: at });
      }
    }
  }
  return null;
}
