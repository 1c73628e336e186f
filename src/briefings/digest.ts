// What a digest holds: the documents new since a subscription's last digest, newest first, filtered
// by its topics, each with its summary and up to two verbatim quotes; split into posts that fit one
// platform message each.
import { strings } from '../bot/i18n.ts';
import { heading, italic, paragraph, postText, type Block, type Inline, type Post } from '../bot/post.ts';
import { provenance } from '../bot/provenance.ts';
import type { Lang } from '../news/language.ts';
import type { Library } from '../news/library.ts';
import { terms } from '../news/tokens.ts';
import type { Brief } from '../news/types.ts';

/** Characters of visible text per post: under Discord's 2000 and well under Telegram's 4096. */
export const POST_BUDGET = 1800;
export const MAX_QUOTES = 2;

export function formatDateTime(instant: number, lang: Lang, zone: string): string {
  return new Intl.DateTimeFormat(lang === 'ar' ? 'ar-EG' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }).format(new Date(instant));
}

/** Topic words as given, and their match terms (Arabic-normalized, stemmed). */
export function topicTerms(topics: readonly string[]): Set<string> {
  return new Set(terms(topics.join(' ')));
}

function briefTerms(brief: Brief): Set<string> {
  const text = [brief.doc.title, ...brief.summary.map((i) => brief.sentences[i]?.text ?? ''), ...brief.doc.tags].join(' ');
  return new Set(terms(text));
}

const termCache = new WeakMap<Brief, Set<string>>();
export function matchesTopics(brief: Brief, wanted: Set<string>): boolean {
  if (wanted.size === 0) return true;
  let have = termCache.get(brief);
  if (!have) termCache.set(brief, (have = briefTerms(brief)));
  for (const t of wanted) if (have.has(t)) return true;
  return false;
}

/**
 * Documents that arrived in (since, until], newest first, matching the topics. A document's arrival is
 * when the bot first saw it (file dates can be old); unknown ids count as arriving at their date.
 */
export function newDocuments(library: Library, arrival: (brief: Brief) => number, since: number, until: number, topics: readonly string[]): Brief[] {
  const wanted = topicTerms(topics);
  return library.briefs.filter((b) => {
    const at = arrival(b);
    return at > since && at <= until && matchesTopics(b, wanted);
  });
}

export interface DigestInput {
  lang: Lang;
  zone: string;
  /** The previous digest: "new since". */
  since: number;
  topics: readonly string[];
  /** Newest first; more than maxDocuments are counted, not shown. */
  documents: readonly Brief[];
  maxDocuments: number;
  /** Documents are the latest ones, not new ones (a /digest with nothing new). */
  latest?: boolean;
  budget?: number;
  /** A story's other sources («3 مصادر» / "3 sources"), shown after a document's date and source. */
  sourcesOf?: (brief: Brief) => Inline[];
}

function quoteBlocks(brief: Brief): Block[] {
  const direct = brief.quotes.filter((q) => q.kind === 'direct');
  const picked = [...direct, ...brief.quotes.filter((q) => q.kind !== 'direct')].slice(0, MAX_QUOTES);
  return picked.map((q) => ({ type: 'quote', text: q.text, cite: [q.speaker.name] }));
}

function section(brief: Brief, lang: Lang, zone: string, budget: number, sourcesOf?: (brief: Brief) => Inline[]): Block[] {
  const meta: Inline[] = [italic(formatDateTime(brief.doc.date.getTime(), lang, zone)), ...provenance(brief.doc, lang)];
  if (sourcesOf) meta.push(...sourcesOf(brief));
  const summary = brief.summary.map((i) => brief.sentences[i]?.text ?? '').filter(Boolean);
  const blocks: Block[] = [heading(brief.doc.title), paragraph(...meta), ...summary.map((s) => paragraph(s)), ...quoteBlocks(brief)];
  // A section alone must fit a post: drop quotes, then summary sentences, then cut the first one.
  const size = (bs: Block[]) => postText({ lang, blocks: bs }).length;
  while (size(blocks) > budget && blocks.length > 3) blocks.pop();
  if (size(blocks) > budget) {
    const last = blocks[blocks.length - 1];
    if (last?.type === 'paragraph') {
      const text = last.content.map((c) => (typeof c === 'string' ? c : c.text)).join('');
      blocks[blocks.length - 1] = paragraph(`${text.slice(0, Math.max(0, budget - (size(blocks) - text.length) - 1))}…`);
    }
  }
  return blocks;
}

/** The digest as posts, each short enough for one message; empty when there are no documents. */
export function digestPosts(input: DigestInput): Post[] {
  const { lang, zone } = input;
  const t = strings[lang];
  const budget = input.budget ?? POST_BUDGET;
  const since = formatDateTime(input.since, lang, zone);
  if (input.documents.length === 0) return [];
  const shown = input.documents.slice(0, input.maxDocuments);
  const topicText = input.topics.length ? t.digestTopics(input.topics.join(', ')) : '';
  const intro = input.latest ? t.digestLatest(since) : t.digestNew(input.documents.length, since);
  const head: Block[] = [heading(t.digestTitle), paragraph(italic(topicText ? `${intro} · ${topicText}` : intro))];

  const posts: Block[][] = [];
  let current: Block[] = [...head];
  const size = (bs: Block[]) => postText({ lang, blocks: bs }).length;
  for (const brief of shown) {
    const blocks = section(brief, lang, zone, budget - 200, input.sourcesOf);
    const onlyHead = posts.length === 0 && current.length === head.length;
    if (!onlyHead && current.length > 0 && size([...current, ...blocks]) > budget - 40) {
      posts.push(current);
      current = [];
    }
    current.push(...blocks);
  }
  const more = input.documents.length - shown.length;
  if (more > 0) {
    const note = paragraph(italic(t.digestMore(more)));
    if (size([...current, note]) > budget) {
      posts.push(current);
      current = [];
    }
    current.push(note);
  }
  posts.push(current);
  if (posts.length === 1) return [{ lang, blocks: posts[0] ?? [] }];
  return posts.map((blocks, i) => ({ lang, blocks: [...blocks, paragraph(italic(`(${t.digestPart(i + 1, posts.length)})`))] }));
}

/** The short note sent when nothing is new and config.briefings.sendWhenEmpty is on. */
export function emptyDigestPost(lang: Lang, zone: string, since: number): Post {
  const t = strings[lang];
  return { lang, blocks: [heading(t.digestTitle), paragraph(t.digestEmpty(formatDateTime(since, lang, zone)))] };
}
