// One formatter for every amount the repair-order import writes into notes, warnings and summaries. Built once:
// `Number#toLocaleString` with options builds a new Intl.NumberFormat on every call, which was most of a 50k-row
// dry run (about 7 s of its CPU at scale L). Same options, same text: `¥1,234.50`.
const format = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2 });

export const roYuan = (fen: number): string => `¥${format.format(fen / 100)}`;
