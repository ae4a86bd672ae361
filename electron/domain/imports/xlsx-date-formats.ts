// Built-in number formats that show a date: 14–22 everywhere, 27–36 and 50–58 in the Chinese/Japanese/Korean
// locales (年月日 forms), 45–47 times.
const builtInDateIds = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/** Whether a cell style's number format displays the number as a date (so the number is an Excel serial). */
export function isDateFormat(numFmtId: number, formatCode: string | undefined): boolean {
  if (builtInDateIds.has(numFmtId)) return true;
  if (!formatCode) return false;
  // [$-F800] is Windows' "system long date"; other bracketed parts are colours, conditions and locales.
  if (/\[\$-F800\]/i.test(formatCode)) return true;
  const code = formatCode
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '');
  if (/general/i.test(code)) return false;
  return /[yYdD年月日]/.test(code) || /(^|[^0#.E+-])m{1,4}([^0#]|$)/.test(code);
}
