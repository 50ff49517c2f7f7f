// A printed cell as an importer sees it: its text and where it came from.
// The text importer produces one per token; the PDF importer one per cell rebuilt from geometry.
import type { Source } from '../../model/disclosure.ts';

export interface PrintedCell {
  text: string;
  src?: Source | undefined;
  /** True for the first cell of a printed line (or a rebuilt table row). */
  lineStart?: boolean | undefined;
}

/** A paragraph or a line of prose with its source. */
export interface PrintedText {
  text: string;
  src?: Source | undefined;
}
