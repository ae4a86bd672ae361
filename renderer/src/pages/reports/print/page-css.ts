/** A CSS string literal for `content:` (margin boxes take text only from CSS, so the store name goes in here). */
export function cssString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, ' ')}"`;
}

/** "第 {{page}} 页 共 {{pages}} 页" as a `content:` value with the page counters in place of the tokens. */
export function counterContent(template: string): string {
  return template
    .split(/(\{\{pages?\}\})/)
    .filter((part) => part !== '')
    .map((part) =>
      part === '{{page}}' ? 'counter(page)' : part === '{{pages}}' ? 'counter(pages)' : cssString(part),
    )
    .join(' ');
}

/**
 * The pack's named pages: A4 portrait, and landscape for the wide tables; on each, the store and the month in
 * the header and "第 X 页 共 Y 页" in the footer, drawn by Chromium's @page margin boxes (printToPDF's own
 * header templates render tiny and without the page's fonts).
 */
export function packPageCss({
  left,
  right,
  footer,
}: {
  left: string;
  right: string;
  footer: string;
}): string {
  const boxes = `
    @top-left { content: ${cssString(left)}; font: 9pt var(--rp-print-font); color: #333; vertical-align: bottom; padding-bottom: 3mm; border-bottom: 0.5pt solid #999; }
    @top-right { content: ${cssString(right)}; font: 9pt var(--rp-print-font); color: #333; vertical-align: bottom; padding-bottom: 3mm; border-bottom: 0.5pt solid #999; }
    @bottom-center { content: ${counterContent(footer)}; font: 9pt var(--rp-print-font); color: #333; }`;
  return `
  @page report { size: A4 portrait; margin: 18mm 12mm 15mm; ${boxes} }
  @page report-wide { size: A4 landscape; margin: 16mm 12mm 14mm; ${boxes} }`;
}
