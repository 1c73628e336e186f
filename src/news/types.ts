import type { DetectedLang } from './language.ts';
import type { Sentence } from './sentences.ts';
import type { Quote } from './quotes/types.ts';

export interface NewsDocument {
  /** Stable id from the file name: the same file always gets the same id. */
  id: string;
  /** Path relative to the content folder. */
  file: string;
  title: string;
  /** The body: the text without a title line. */
  text: string;
  date: Date;
  lang: DetectedLang;
  /** Where it came from: `folder:<name>` for a content folder, `feed:<id>` for a feed. */
  sourceId?: string;
  /** The source's display name. */
  source?: string;
  url?: string;
  author?: string;
  canonicalUrl?: string;
  /** When a feed item or web page was fetched. */
  fetchedAt?: Date;
  tags: string[];
}

export interface Brief {
  doc: NewsDocument;
  sentences: Sentence[];
  /** Indices into `sentences`, in document order. */
  summary: number[];
  quotes: Quote[];
}
