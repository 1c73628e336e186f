// What the store keeps of a document between runs, and the small interface the storage layer
// implements (src/storage/documents.ts); src/news never sees the database itself.
import { createHash } from 'node:crypto';
import { buildBrief } from './brief.ts';
import type { Sentence } from './sentences.ts';
import type { Quote, Speaker } from './quotes/types.ts';
import type { Brief, NewsDocument } from './types.ts';

/** Bumped when the stored brief format changes, so stored briefs made by older code are built again. */
export const BRIEF_VERSION = 2;

// Made-up probe documents: when summarizing or quote finding changes what it makes of them, every
// stored brief was made by other code and is built again (BRIEF_VERSION covers what they miss).
const PROBES: NewsDocument[] = [
  {
    id: 'probe-en', file: '', title: 'Port workers end strike', lang: 'en', tags: [], date: new Date(0),
    text: 'Port workers ended a two-week strike on Friday after a pay deal. "We got what we asked for," said union leader Maria Lopez. The port authority said ships would dock again on Monday. Shipping firms had diverted cargo to other ports during the strike. Dr. Ahmed Karim, an economist, said the losses would be recovered within a month.',
  },
  {
    id: 'probe-ar', file: '', title: 'افتتاح جسر جديد', lang: 'ar', tags: [], date: new Date(0),
    text: 'افتتحت البلدية جسرا جديدا فوق النهر يوم الأحد. وقال رئيس البلدية سامي حداد: «سيختصر الجسر الطريق إلى النصف». وأضاف أن العمل استغرق ثلاث سنوات. وذكرت وزارة النقل أن الجسر يخدم عشرين ألف سيارة يوميا.',
  },
];

const keys = new Map<number, string>();

/** Which code and settings made a brief: stored with it, compared at start-up. */
export function briefKey(summarySentences: number): string {
  let key = keys.get(summarySentences);
  if (!key) {
    const h = createHash('sha1');
    for (const doc of PROBES) h.update(encodeBrief(buildBrief(doc, { summarySentences }), ''));
    key = `${BRIEF_VERSION}.${summarySentences}.${h.digest('base64url').slice(0, 12)}`;
    keys.set(summarySentences, key);
  }
  return key;
}

export interface StoredDocument {
  doc: NewsDocument;
  /** Content hash of the document and the brief settings: equal hash, nothing to process. */
  hash: string;
  /** The brief without the document, as encodeBrief makes it. */
  brief: string;
  /** When the bot first had this document (kept when it changes). */
  firstSeenAt: number;
  /** False for documents that must never count as new in digests (a feed's first poll). */
  announce: boolean;
}

/** Persistence handed in by the wiring; every call is one transaction. */
export interface DocumentPersistence {
  /** Every stored document, for start-up, a page at a time so the raw rows never all sit in memory at once. */
  load(): AsyncIterable<StoredDocument[]>;
  /** These documents (those found), to follow what another process stored. */
  loadSome?(ids: readonly string[]): Promise<StoredDocument[]>;
  /** Inserts or replaces documents by id. */
  save(docs: readonly StoredDocument[]): Promise<void>;
  remove(ids: readonly string[]): Promise<void>;
}

/** The content hash: every field that shapes the brief or what is shown (the code that makes briefs is briefKey's part). */
export function contentHash(doc: NewsDocument): string {
  const h = createHash('sha1');
  const parts = [doc.id, doc.sourceId, doc.file, doc.title, doc.text, doc.date.getTime(), doc.lang, doc.source, doc.url, doc.author, doc.canonicalUrl, doc.tags.join('\u0001')];
  // One update of the joined parts: the same bytes as one update per part, without a native call for each.
  let joined = '';
  for (const p of parts) joined += `${p === undefined ? '\u0000' : String(p)}\u0002`;
  return h.update(joined).digest('base64url');
}

interface EncodedQuote {
  s: number;
  e: number;
  k: 'd' | 'r';
  n: number;
  p: number;
  c?: string;
  /** Only when the quote's text is not the slice of the body at its offsets. */
  t?: string;
}

interface EncodedBrief {
  /** briefKey of the code and settings that made it. */
  k: string;
  /** Sentences as offsets into the body: start, end, start, end... */
  s: number[];
  m: number[];
  q: EncodedQuote[];
  /** Speakers, shared between the quotes that name the same one. */
  p: Speaker[];
}

/** The brief as JSON, sentences and quotes as offsets into the body so no text is stored twice. */
export function encodeBrief(brief: Brief, key: string): string {
  const speakers: Speaker[] = [];
  const speakerIndex = new Map<Speaker, number>();
  const q = brief.quotes.map((quote): EncodedQuote => {
    let p = speakerIndex.get(quote.speaker);
    if (p === undefined) {
      speakerIndex.set(quote.speaker, (p = speakers.length));
      speakers.push(quote.speaker);
    }
    const out: EncodedQuote = { s: quote.start, e: quote.end, k: quote.kind === 'direct' ? 'd' : 'r', n: quote.sentence, p };
    if (quote.cue !== undefined) out.c = quote.cue;
    if (brief.doc.text.slice(quote.start, quote.end) !== quote.text) out.t = quote.text;
    return out;
  });
  const s: number[] = [];
  for (const sentence of brief.sentences) s.push(sentence.start, sentence.end);
  const encoded: EncodedBrief = { k: key, s, m: brief.summary, q, p: speakers };
  return JSON.stringify(encoded);
}

/** The brief back from encodeBrief over its document, and its key; throws on a record that does not fit the body. */
export function decodeBrief(doc: NewsDocument, json: string): { brief: Brief; key: string } {
  const e = JSON.parse(json) as EncodedBrief;
  const text = doc.text;
  const sentences: Sentence[] = [];
  for (let i = 0; i + 1 < e.s.length; i += 2) {
    const start = e.s[i]!;
    const end = e.s[i + 1]!;
    if (end > text.length) throw new Error(`stored brief of ${doc.id} does not fit its text`);
    sentences.push({ text: text.slice(start, end), start, end });
  }
  const quotes = e.q.map((q): Quote => {
    const speaker = e.p[q.p];
    if (!speaker) throw new Error(`stored brief of ${doc.id} names a missing speaker`);
    const quote: Quote = { text: q.t ?? text.slice(q.s, q.e), kind: q.k === 'd' ? 'direct' : 'reported', speaker, start: q.s, end: q.e, sentence: q.n };
    if (q.c !== undefined) quote.cue = q.c;
    return quote;
  });
  return { brief: { doc, sentences, summary: e.m, quotes }, key: e.k ?? '' };
}
