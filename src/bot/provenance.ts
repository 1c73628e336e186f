import type { Lang } from '../news/language.ts';
import type { NewsDocument } from '../news/types.ts';
import { strings } from './i18n.ts';
import { italic, link, type Inline } from './post.ts';

/** The address to open a document at: its link, else the canonical address of the page. */
export function documentUrl(doc: NewsDocument): string | undefined {
  return doc.url ?? doc.canonicalUrl;
}

/**
 * Where a document came from, after a date or title: " · Source name" (linked when it has an address),
 * " · Source" as the link text when only the address is known, nothing for a plain file.
 */
export function provenance(doc: NewsDocument, lang: Lang): Inline[] {
  const url = documentUrl(doc);
  if (url) return [' · ', link(doc.source ?? strings[lang].source, url)];
  return doc.source ? [italic(` · ${doc.source}`)] : [];
}
