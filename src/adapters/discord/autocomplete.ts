// Autocomplete choices for slash-command options: document titles and speaker names.
// At most 25 choices, names at most 100.
import type { APIApplicationCommandOptionChoice } from 'discord.js';
import type { BotServices } from '../../bot/types.ts';
import type { Library } from '../../news/library.ts';
import { normalizeForMatch } from '../../news/normalize.ts';
import type { Brief } from '../../news/types.ts';
import { cleanText } from './render.ts';

export const MAX_CHOICES = 25;
const MAX_NAME = 100;
const MAX_VALUE = 100;
const MAX_QUERY = 100;

export type Choice = APIApplicationCommandOptionChoice<string>;

function clipName(text: string): string {
  const t = cleanText(text).replace(/\s+/g, ' ').trim() || '…';
  if (t.length <= MAX_NAME) return t;
  let cut = MAX_NAME - 1;
  const c = t.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut--;
  return `${t.slice(0, cut)}…`;
}

// Normalized titles per library, so typing does not re-normalize every title on every key.
const titleCache = new WeakMap<Library, string[]>();
function normalizedTitles(library: Library): string[] {
  let titles = titleCache.get(library);
  if (!titles) {
    titles = library.briefs.map((b) => normalizeForMatch(b.doc.title));
    titleCache.set(library, titles);
  }
  return titles;
}

function documentChoice(library: Library, brief: Brief): Choice {
  const n = library.numberOf(brief);
  // The document id is what /summary resolves first; the number when an id is too long.
  const value = brief.doc.id.length <= MAX_VALUE && brief.doc.id.trim() ? brief.doc.id : String(n);
  return { name: clipName(`${n}. ${brief.doc.title}`), value };
}

/**
 * Documents for a partly typed value, Arabic or Latin: a number, then titles containing every typed
 * word (prefixes included, Arabic spelling folded), then the library's ranked search. The newest
 * documents when nothing is typed.
 */
export function documentChoices(services: BotServices, value: string): Choice[] {
  const library = services.library();
  const typed = cleanText(value).slice(0, MAX_QUERY).trim();
  if (!typed) return library.briefs.slice(0, MAX_CHOICES).map((b) => documentChoice(library, b));
  const picked: Brief[] = [];
  const seen = new Set<string>();
  const add = (b: Brief | undefined) => {
    if (b && !seen.has(b.doc.id) && picked.length < MAX_CHOICES) {
      seen.add(b.doc.id);
      picked.push(b);
    }
  };
  const query = normalizeForMatch(typed).replace(/\s+/g, ' ');
  const asNumber = /^#?(\d{1,7})$/.exec(query);
  if (asNumber?.[1]) add(library.byNumber(Number(asNumber[1])));
  const words = query.split(' ').filter(Boolean);
  const titles = normalizedTitles(library);
  for (let i = 0; i < titles.length && picked.length < MAX_CHOICES; i++) {
    const title = titles[i]!;
    if (words.every((w) => title.includes(w))) add(library.briefs[i]);
  }
  for (const b of library.search(typed, MAX_CHOICES)) add(b);
  return picked.map((b) => documentChoice(library, b));
}

/**
 * Recent titles for a partly typed search: the newest titles containing every typed word (Arabic
 * spelling folded), what was typed first so it can be sent as is. Choosing a title searches for it.
 */
export function titleChoices(services: BotServices, value: string): Choice[] {
  const library = services.library();
  const typed = cleanText(value).slice(0, MAX_QUERY).trim();
  const choices: Choice[] = typed ? [{ name: clipName(typed), value: typed.slice(0, MAX_VALUE) }] : [];
  const words = normalizeForMatch(typed).split(/\s+/).filter(Boolean);
  const titles = normalizedTitles(library);
  for (let i = 0; i < titles.length && choices.length < MAX_CHOICES; i++) {
    if (!words.every((w) => titles[i]!.includes(w))) continue;
    const title = cleanText(library.briefs[i]!.doc.title).replace(/\s+/g, ' ').trim().slice(0, MAX_VALUE);
    if (title && !choices.some((c) => c.value === title)) choices.push({ name: clipName(title), value: title });
  }
  return choices;
}

// Normalized name forms per registry, so typing does not re-normalize every alias on every key.
const speakerCache = new WeakMap<object, { name: string; forms: string[]; count: number }[]>();

/**
 * Speaker names for a partly typed value, Arabic or Latin: the registry's match for the whole value
 * (Trump ↔ ترامب), then names any of whose forms contain every typed word, most quoted first.
 * The most quoted speakers when nothing is typed.
 */
export function speakerChoices(services: BotServices, value: string): Choice[] {
  const registry = services.speakers();
  let speakers = speakerCache.get(registry);
  if (!speakers) {
    speakers = [...registry.speakers]
      .sort((a, b) => b.count - a.count)
      .map((s) => ({ name: s.name, forms: [s.name, ...s.aliases].map((f) => normalizeForMatch(f)), count: s.count }));
    speakerCache.set(registry, speakers);
  }
  const typed = cleanText(value).slice(0, MAX_QUERY).trim();
  const names: string[] = [];
  const add = (name: string | undefined) => {
    if (name && name.length <= MAX_VALUE && !names.includes(name) && names.length < MAX_CHOICES) names.push(name);
  };
  if (typed) {
    add(registry.find(typed)?.name);
    const words = normalizeForMatch(typed).split(/\s+/).filter(Boolean);
    for (const s of speakers) if (s.forms.some((f) => words.every((w) => f.includes(w)))) add(s.name);
  } else {
    for (const s of speakers) add(s.name);
  }
  return names.map((name) => ({ name: clipName(name), value: name }));
}
