import { extractQuotes } from './quotes/extract.ts';
import { splitSentences } from './sentences.ts';
import { summarize } from './summarize.ts';
import type { Brief, NewsDocument } from './types.ts';

export interface BriefOptions {
  summarySentences: number;
}

/** Everything the bot says about a document, computed once at load time. */
export function buildBrief(doc: NewsDocument, options: BriefOptions): Brief {
  const sentences = splitSentences(doc.text, doc.lang);
  const summary = summarize(sentences, { sentences: options.summarySentences, lang: doc.lang, title: doc.title });
  const quotes = extractQuotes(doc.text, sentences, doc.lang);
  return { doc, sentences, summary, quotes };
}
