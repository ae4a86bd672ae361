import type { ReactNode } from 'react';

/** Marks the first occurrence of `needle` in `text` (case-insensitive); the text itself when it is absent. */
export function highlight(text: string, needle: string | null | undefined): ReactNode {
  if (!needle) return text;
  const at = text.toLowerCase().indexOf(needle.toLowerCase());
  if (at < 0) return text;
  return (
    <>
      {text.slice(0, at)}
      <mark className="search-mark">{text.slice(at, at + needle.length)}</mark>
      {text.slice(at + needle.length)}
    </>
  );
}
