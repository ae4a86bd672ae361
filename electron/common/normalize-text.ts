/** Full-width ASCII (０-９, Ａ-Ｚ, ｀-～) and the ideographic space to their half-width forms. */
export function toHalfWidth(value: string): string {
  return value
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}
