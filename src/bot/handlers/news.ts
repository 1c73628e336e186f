import type { Lang } from '../../news/language.ts';
import type { Brief } from '../../news/types.ts';
import { formatDate, strings } from '../i18n.ts';
import { heading, italic, paragraph, type Button, type Inline, type Post } from '../post.ts';
import { provenance } from '../provenance.ts';
import type { BotServices, CommandRequest } from '../types.ts';
import { otherReports, sourcesNote, storyEntries, storyView } from './stories.ts';

const FULL_TEXT_PAGE_CHARS = 3000;

/** Echoed user text is cut short: a reply must not grow with a hostile message. */
export function clip(text: string, max = 80): string {
  const t = text.trim();
  return t.length > max ? `${t.slice(0, max)}…` : t;
}

/** Finds a document from a number, "latest", or title words. */
export function resolveDocument(services: BotServices, query: string): Brief | undefined {
  const library = services.library();
  const q = query.trim();
  if (!q || /^(latest|last|newest|الأحدث|الاحدث|آخر|اخر)$/i.test(q)) return library.briefs[0];
  const asNumber = /^#?(\d{1,7})$/.exec(q.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660)));
  if (asNumber?.[1]) return library.byNumber(Number(asNumber[1]));
  return library.byId(q) ?? library.search(q, 1)[0];
}

function sourceLine(services: BotServices, brief: Brief, lang: Lang): Inline[] {
  const library = services.library();
  const t = strings[lang];
  const parts: Inline[] = [italic(`${t.summaryOf(library.numberOf(brief), library.briefs.length)} · ${formatDate(brief.doc.date, lang, services.settings.timeZone)}`)];
  return [...parts, ...provenance(brief.doc, lang)];
}

export function summaryPost(services: BotServices, asked: Brief, lang: Lang): Post {
  const t = strings[lang];
  const library = services.library();
  // A story told by several sources: its best document is summarized, the others listed.
  const view = storyView(services, asked);
  const brief = view.best;
  const key = library.keyOf(brief);
  const text = brief.summary.map((i) => brief.sentences[i]?.text ?? '').filter(Boolean);
  const buttons: Button[] = [{ label: t.fullText, action: `/full ${key} 1` }];
  if (brief.quotes.length) buttons.push({ label: `${t.quotes} (${brief.quotes.length})`, action: `/quotes ${library.numberOf(brief)}` });
  return {
    lang,
    blocks: [
      heading(brief.doc.title),
      paragraph(...sourceLine(services, brief, lang), ...sourcesNote(view, lang)),
      ...text.map((s) => paragraph(s)),
      ...otherReports(library, view, brief, lang),
    ],
    buttons: [buttons],
  };
}

export function summaryCommand(req: CommandRequest): Post {
  const { services, lang } = req;
  const t = strings[lang];
  if (services.library().briefs.length === 0) return { lang, blocks: [paragraph(t.noDocuments)] };
  const brief = resolveDocument(services, req.args);
  if (!brief) return { lang, blocks: [paragraph(t.notFound(clip(req.args)))] };
  return summaryPost(services, brief, lang);
}

export function listCommand(req: CommandRequest): Post {
  const { services, lang } = req;
  const t = strings[lang];
  const library = services.library();
  if (library.briefs.length === 0) return { lang, blocks: [paragraph(t.noDocuments)] };
  // Each story once, at its newest document, numbered as /summary knows it.
  const entries = storyEntries(services);
  const size = services.settings.pageSize;
  const pages = Math.max(1, Math.ceil(entries.length / size));
  const requested = Number.parseInt(req.args.trim(), 10);
  const page = Number.isFinite(requested) ? Math.min(Math.max(1, requested), pages) : 1;
  const slice = entries.slice((page - 1) * size, page * size);
  const items: Inline[][] = slice.map((b) => [
    `${b.doc.title} `,
    italic(`(${formatDate(b.doc.date, lang, services.settings.timeZone)})`),
    ...provenance(b.doc, lang),
    ...sourcesNote(storyView(services, b), lang),
  ]);
  const numbers = slice.map((b) => library.numberOf(b));
  const nav: Button[] = [];
  if (page > 1) nav.push({ label: t.previous, action: `/list ${page - 1}` });
  if (page < pages) nav.push({ label: t.next, action: `/list ${page + 1}` });
  return {
    lang,
    blocks: [heading(t.listTitle(page, pages)), { type: 'list', items, ordered: true, start: numbers[0] ?? 1, numbers }, paragraph(italic(t.listHint))],
    ...(nav.length ? { buttons: [nav] } : {}),
  };
}

export function aboutCommand(req: CommandRequest): Post {
  const briefs = req.services.library().briefs;
  const ar = briefs.filter((b) => b.doc.lang === 'ar').length;
  const en = briefs.filter((b) => b.doc.lang === 'en').length;
  return { lang: req.lang, blocks: [paragraph(strings[req.lang].about(briefs.length, ar, en))] };
}

/** Splits a body into pages at paragraph, then sentence, boundaries. */
export function pageText(text: string, max = FULL_TEXT_PAGE_CHARS): string[] {
  const pages: string[] = [];
  let current = '';
  for (const para of text.split(/\n\s*\n|\n/)) {
    const pieces = para.length > max ? (para.match(/[^.!?؟]+[.!?؟]*\s*/gu) ?? [para]) : [para];
    for (const piece of pieces) {
      for (let i = 0; i < piece.length; i += max) {
        const chunk = piece.slice(i, i + max);
        if (current && current.length + chunk.length + 1 > max) {
          pages.push(current);
          current = '';
        }
        current = current ? `${current}\n${chunk}` : chunk;
      }
    }
  }
  if (current) pages.push(current);
  return pages.length ? pages : [''];
}

export function fullCommand(req: CommandRequest): Post {
  const { services, lang } = req;
  const t = strings[lang];
  const [key = '', pageArg = '1'] = req.args.trim().split(/\s+/);
  const brief = services.library().byKey(key) ?? resolveDocument(services, key);
  if (!brief) return { lang, blocks: [paragraph(t.notFound(clip(key)))] };
  const pages = pageText(brief.doc.text);
  const page = Math.min(Math.max(1, Number.parseInt(pageArg, 10) || 1), pages.length);
  const k = services.library().keyOf(brief);
  const nav: Button[] = [];
  if (page > 1) nav.push({ label: t.previous, action: `/full ${k} ${page - 1}` });
  if (page < pages.length) nav.push({ label: t.next, action: `/full ${k} ${page + 1}` });
  return {
    lang,
    blocks: [heading(brief.doc.title), paragraph(italic(t.fullTextPage(page, pages.length))), ...(pages[page - 1] ?? '').split('\n').map((p) => paragraph(p))],
    ...(nav.length ? { buttons: [nav] } : {}),
  };
}
