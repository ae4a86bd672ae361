const namedEntities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML character references, then Excel's own `_x000D_` escapes for characters XML cannot carry. */
export function decodeXmlText(raw: string): string {
  let v = raw;
  if (v.includes('&')) {
    v = v.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, ref: string) => {
      if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
      if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
      return namedEntities[ref] ?? whole;
    });
  }
  if (v.includes('_x'))
    v = v.replace(/_x([0-9a-fA-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return v;
}

/** Attribute values of one start tag's attribute text (`r="A1" s="3" t="s"`). */
export function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out[m[1]!] = decodeXmlText(m[2] ?? m[3] ?? '');
  return out;
}

/** The text of a string item (`<si>` or `<is>`): every run's `<t>`, leaving out phonetic guides (`<rPh>`). */
export function stringItemText(inner: string): string {
  const body = inner.includes('<rPh') ? inner.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : inner;
  let out = '';
  const re = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g;
  for (let m = re.exec(body); m; m = re.exec(body)) out += m[1];
  return decodeXmlText(out);
}

/**
 * Some generators (the .NET Open XML SDK behind many DMS exports) write `<x:row>` instead of `<row>`. Element
 * prefixes are dropped so one set of patterns reads both; text cannot contain a raw `<`, so only tags change.
 */
export function withoutElementPrefixes(xml: string): string {
  return /<\/?[A-Za-z_][\w.-]*:[A-Za-z]/.test(xml.slice(0, 4096))
    ? xml.replace(/<(\/?)[A-Za-z_][\w.-]*:(?=[A-Za-z])/g, '<$1')
    : xml;
}
