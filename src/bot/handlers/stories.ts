// One story across sources, as the bot shows it: /list and digests show a story once with its sources
// («3 مصادر» / "3 sources"); /summary of a story summarizes its best document and lists the others.
import type { Lang } from '../../news/language.ts';
import type { Library } from '../../news/library.ts';
import type { Brief } from '../../news/types.ts';
import { findStrings } from '../i18n-find.ts';
import { italic, paragraph, type Block, type Inline } from '../post.ts';
import type { BotServices } from '../types.ts';

export interface StoryView {
  /** Every document of the story in the library, newest first. */
  briefs: Brief[];
  /** The document that tells it best: the longest text, then the earliest. */
  best: Brief;
}

/** The story of a document, as briefs; a story of one without a story index. */
export function storyView(services: Pick<BotServices, 'library' | 'stories'>, brief: Brief): StoryView {
  const library = services.library();
  const story = services.stories?.().storyOf(brief.doc.id);
  const briefs = story ? story.members.map((id) => library.byId(id)).filter((b): b is Brief => Boolean(b)) : [brief];
  const list = briefs.length ? briefs : [brief];
  const best = [...list].sort((a, b) => b.doc.text.length - a.doc.text.length || a.doc.date.getTime() - b.doc.date.getTime())[0]!;
  return { briefs: list, best };
}

/** The library newest first with each story once, at its newest document. */
export function storyEntries(services: Pick<BotServices, 'library' | 'stories'>, briefs?: readonly Brief[]): Brief[] {
  const list = briefs ?? services.library().briefs;
  const stories = services.stories?.();
  if (!stories) return [...list];
  const seen = new Set<string>();
  const out: Brief[] = [];
  for (const b of list) {
    const id = stories.storyIdOf(b.doc.id) ?? b.doc.id;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(b);
  }
  return out;
}

/** Source names of a story's documents (distinct, as shown). */
export function storySources(view: StoryView): string[] {
  return [...new Set(view.briefs.map((b) => b.doc.source?.trim() || ''))].filter(Boolean);
}

/** " · 3 sources: BBC, Reuters, …" for a story of several documents, else nothing. */
export function sourcesNote(view: StoryView, lang: Lang, max = 3): Inline[] {
  const n = view.briefs.length;
  if (n < 2) return [];
  const names = storySources(view);
  const shown = names.slice(0, max).join(lang === 'ar' ? '، ' : ', ');
  return [italic(` · ${findStrings[lang].sources(n)}${shown ? `: ${shown}${names.length > max ? '…' : ''}` : ''}`)];
}

/** "Also reported by:" and the story's other documents, each with its source and number. */
export function otherReports(library: Library, view: StoryView, shown: Brief, lang: Lang): Block[] {
  const others = view.briefs.filter((b) => b !== shown);
  if (others.length === 0) return [];
  const items: Inline[][] = others.map((b) => [`${b.doc.title} `, italic(`(${[b.doc.source, `#${library.numberOf(b)}`].filter(Boolean).join(' · ')})`)]);
  return [paragraph(italic(findStrings[lang].alsoFrom)), { type: 'list', items }];
}
