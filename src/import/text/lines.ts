// Extracted text (the seed's style) → numbered lines with page numbers.
// Style: paragraphs separated by blank lines; the first line of each page starts with a space;
// the PDF's bookmarks (outline) appended at the end, tab-indented.

export interface TextLine {
  /** The line without its trailing newline; a page-start marker space is removed. */
  text: string;
  /** 1-based line number in the file. */
  line: number;
  /** 1-based page number, counted from page-start lines. */
  page: number;
}

export interface SplitText {
  lines: TextLine[];
  /** Bookmark lines (tab-indented) found at the end of the file. */
  outline: TextLine[];
  pages: number;
}

/** Splits extracted text into non-blank lines with their page; the trailing tab-indented outline is set apart. */
export function splitLines(text: string): SplitText {
  const raw = text.replace(/\r\n?/g, '\n').split('\n');
  let end = raw.length;
  while (end > 0 && (raw[end - 1] ?? '').trim() === '') end--;
  let outlineStart = end;
  while (outlineStart > 0 && /^\t/.test(raw[outlineStart - 1] ?? '')) outlineStart--;
  const lines: TextLine[] = [];
  const outline: TextLine[] = [];
  let page = 1;
  let seenText = false;
  for (let i = 0; i < end; i++) {
    const s = raw[i] ?? '';
    if (i >= outlineStart) {
      if (s.trim()) outline.push({ text: s.trim(), line: i + 1, page });
      continue;
    }
    if (s.trim() === '') continue;
    if (/^ \S/.test(s) && seenText) page++;
    seenText = true;
    lines.push({ text: s.replace(/^ /, '').trimEnd(), line: i + 1, page });
  }
  return { lines, outline, pages: page };
}
