import type { Lang } from '../../news/language.ts';
import { parseQuestion, whoSaid, type QuoteRef, type RegistrySpeaker } from '../../news/quotes/index.ts';
import type { Quote } from '../../news/quotes/types.ts';
import { formatDate, strings } from '../i18n.ts';
import { bold, heading, italic, paragraph, type Block, type Button, type Inline, type Post } from '../post.ts';
import { provenance } from '../provenance.ts';
import type { BotServices, CommandRequest } from '../types.ts';
import { clip, resolveDocument } from './news.ts';

const PER_PAGE = 5;

/** Where a quote comes from: the document title and date (and its number, so /summary N finds it). */
function sourceOf(services: BotServices, ref: QuoteRef, lang: Lang): Inline[] {
  const library = services.library();
  const brief = library.byId(ref.doc.id);
  const number = brief ? ` (#${library.numberOf(brief)})` : '';
  const line = italic(`${strings[lang].sourceLine(ref.doc.title, formatDate(ref.doc.date, lang, services.settings.timeZone))}${number}`);
  // Where the document came from (a feed's name), linked when it has an address.
  return [line, ...provenance(ref.doc, lang)];
}

/**
 * One quote as blocks: a direct quote verbatim in a quote block; a reported statement labelled as
 * reported and never inside quotation marks.
 */
export function quoteBlocks(services: BotServices, ref: QuoteRef, lang: Lang, showSpeaker = true): Block[] {
  const { quote } = ref;
  const who: Inline[] = showSpeaker ? [bold(quote.speaker.name)] : [];
  const source = sourceOf(services, ref, lang);
  if (quote.kind === 'direct') return [{ type: 'quote', text: quote.text, cite: [...who, ...(who.length ? [' — '] : []), ...source] }];
  return [paragraph(...who, italic(`${who.length ? ' ' : ''}(${strings[lang].reported}): `), quote.text), paragraph('— ', ...source)];
}

function pageOf<T>(items: T[], page: number): { slice: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(items.length / PER_PAGE));
  const p = Math.min(Math.max(1, page), pages);
  return { slice: items.slice((p - 1) * PER_PAGE, p * PER_PAGE), page: p, pages };
}

function pager(command: string, page: number, pages: number, lang: Lang): Button[][] | undefined {
  const t = strings[lang];
  const nav: Button[] = [];
  if (page > 1) nav.push({ label: t.previous, action: `${command} ${page - 1}` });
  if (page < pages) nav.push({ label: t.next, action: `${command} ${page + 1}` });
  return nav.length ? [nav] : undefined;
}

/** "Trump 2" → name "Trump", page 2. */
function nameAndPage(args: string): { name: string; page: number } {
  const m = /^(.*?)\s+(\d{1,4})$/.exec(args.trim());
  return m?.[1] ? { name: m[1], page: Number(m[2]) } : { name: args.trim(), page: 1 };
}

const ARABIC = /[\u0600-\u06FF]/;

/** The speaker's name in the reply's script when one is known: ترامب in Arabic, Trump in English. */
export function displayName(s: RegistrySpeaker, lang: Lang): string {
  const wantArabic = lang === 'ar';
  if (ARABIC.test(s.name) === wantArabic) return s.name;
  const forms = s.aliases.filter((a) => ARABIC.test(a) === wantArabic);
  // The fullest form in that script: "دونالد ترامب" over "ترامب".
  return forms.sort((a, b) => b.split(' ').length - a.split(' ').length || b.length - a.length)[0] ?? s.name;
}

function speakerLine(s: RegistrySpeaker): Inline[] {
  const roles = s.roles.length ? ` — ${s.roles.slice(0, 2).join('; ')}` : '';
  return [bold(s.name), `${roles} (${s.count})`];
}

export function whoPost(services: BotServices, args: string, lang: Lang): Post {
  const t = strings[lang];
  const registry = services.speakers();
  const { name, page } = nameAndPage(args);
  if (!name) {
    const top = [...registry.speakers].sort((a, b) => b.count - a.count).slice(0, 10);
    return { lang, blocks: [paragraph(t.knownSpeakers), { type: 'list', items: top.map(speakerLine) }] };
  }
  const speaker = registry.find(name);
  if (!speaker) {
    const near = registry.suggest(name, 3);
    return {
      lang,
      blocks: [paragraph(t.unknownSpeaker(clip(name, 60))), ...(near.length ? [paragraph(t.didYouMean), { type: 'list' as const, items: near.map(speakerLine) }] : [])],
      ...(near.length ? { buttons: [near.map((s) => ({ label: clip(s.name, 40), action: `/who ${s.name}` }))] } : {}),
    };
  }
  const refs = registry.quotesBy(speaker);
  const { slice, page: p, pages } = pageOf(refs, page);
  const roles = speaker.roles.length ? [paragraph(italic(speaker.roles.slice(0, 2).join('; ')))] : [];
  const buttons = pager(`/who ${speaker.name}`, p, pages, lang);
  return {
    lang,
    blocks: [heading(t.quotesBy(displayName(speaker, lang))), ...roles, ...slice.flatMap((ref) => quoteBlocks(services, ref, lang, false))],
    ...(buttons ? { buttons } : {}),
  };
}

export function whosaidPost(services: BotServices, words: string, lang: Lang): Post {
  const t = strings[lang];
  const hits = whoSaid(services.speakers(), words, PER_PAGE);
  if (!hits.length) return { lang, blocks: [paragraph(t.noQuotesMatching(clip(words)))] };
  return { lang, blocks: [heading(t.quotesMatching(clip(words))), ...hits.flatMap((hit) => quoteBlocks(services, hit, lang))] };
}

export function whoCommand(req: CommandRequest): Post {
  return whoPost(req.services, req.args, req.lang);
}

export function whosaidCommand(req: CommandRequest): Post {
  const t = strings[req.lang];
  if (!req.args.trim()) return { lang: req.lang, blocks: [paragraph(t.helpPlain)] };
  return whosaidPost(req.services, req.args, req.lang);
}

export function quotesCommand(req: CommandRequest): Post {
  const { services, lang } = req;
  const t = strings[lang];
  const { name: query, page } = nameAndPage(req.args);
  // "/quotes 3" is document 3, "/quotes 3 2" its second page.
  const [docArg, pageArg] = /^\d+$/.test(req.args.trim()) ? [req.args.trim(), 1] : [query, page];
  const brief = resolveDocument(services, docArg);
  if (!brief) return { lang, blocks: [paragraph(t.notFound(clip(docArg)))] };
  if (!brief.quotes.length) return { lang, blocks: [paragraph(t.noQuotesIn(brief.doc.title))] };
  const refs: QuoteRef[] = brief.quotes.map((quote: Quote) => ({ quote, doc: brief.doc }));
  const { slice, page: p, pages } = pageOf(refs, pageArg);
  const buttons = pager(`/quotes ${services.library().numberOf(brief)}`, p, pages, lang);
  return { lang, blocks: [heading(t.quotesIn(brief.doc.title)), ...slice.flatMap((ref) => quoteBlocks(services, ref, lang))], ...(buttons ? { buttons } : {}) };
}

/** Answers a plain who-said-what question, or undefined when the text is not one. */
export function plainQuestion(services: BotServices, text: string, lang: Lang): Post | undefined {
  const question = parseQuestion(text);
  if (!question) return undefined;
  return question.kind === 'who' ? whoPost(services, question.name, lang) : whosaidPost(services, question.words, lang);
}
