// Plain questions that route to who-said-what without a slash command:
// «ماذا قال ترامب؟», «ما الذي قاله قو؟», «من قال إن الحوار هو الحل؟», "what did Trump say?",
// "who said the talks failed?", "quotes from Guo". Anything else is not a quote question (null).

import { normalizeArabic, stripControls } from '../normalize.ts';
import type { QuoteHit, SpeakerRegistry } from './registry.ts';

export type QuoteQuestion = { kind: 'who'; name: string } | { kind: 'whosaid'; words: string };

// Questions are short; anything longer is not one (and never reaches a regex).
const MAX_LENGTH = 400;

const AR_WHO = [
  /^(?:و?ماذا|شو|ايش|وش|ماذا) (?:قال|قالت|قالوا|يقول|تقول|يقولون|صرح|صرحت|ذكر|ذكرت) (?:به |عنه )?(.{1,80})$/u,
  /^ما (?:الذي|اللي) (?:قاله|قالته|قالوه|يقوله|تقوله|صرح به|صرحت به) (.{1,80})$/u,
  /^ما (?:هي |هى )?(?:تصريحات|اقوال|اقتباسات|تصريح|كلام) (.{1,80})$/u,
  /^(?:اقوال|تصريحات|اقتباسات|كلام) (.{1,80})$/u,
  /^بماذا (?:صرح|صرحت) (.{1,80})$/u,
];
// Reporting, belief and warning verbs, longer forms first so قالت is not read as قال + ت (folded spelling).
const AR_SAID_VERBS = 'قالت|قال|يقول|تقول|صرحت|صرح|ذكرت|ذكر|اكدت|اكد|اعلنت|اعلن|حذرت|حذر|توقعت|توقع|يتوقع|تتوقع|اعتبرت|اعتبر|يعتبر|تعتبر|رات|راي|يري|تري|اعتقدت|اعتقد|يعتقد|تعتقد|وعدت|وعد|كتبت|كتب|غردت|غرد|نشرت|نشر|دونت|دون|نفت|نفي|اوضحت|اوضح|اشارت|اشار|لفتت|لفت|شددت|شدد|وصفت|وصف|اضافت|اضاف|افادت|افاد|كشفت|كشف|اعترفت|اعترف|اقرت|اقر|تعهدت|تعهد|ردت|رد|علقت|علق|رجحت|رجح|يرجح|ترجح|استبعدت|استبعد|يستبعد|تستبعد|تساءلت|تساءل|تحدثت|تحدث|يتحدث|تتحدث|طمانت|طمان' +
  // Opinion verbs and the present of the common reporting verbs: «من يظن أن …», «من يؤكد أن …».
  '|ظنت|ظن|يظن|تظن|زعمت|زعم|يزعم|تزعم|يوكد|توكد|يحذر|تحذر|يشير|تشير|يصف|تصف|ينفي|تنفي|يقر|تقر|يكشف|تكشف|يوضح|توضح|قدرت|قدر|يقدر|تقدر';
// Verbs that carry what was said (thanks, an apology, blame): kept among the words searched for.
// Support, opposition, advice and complaint are among them (أيّد، رفض، أوصى، اشتكى): the verb is the content.
const AR_CONTENT_VERBS = [
  'شكرت|شكر|اعتذرت|اعتذر|انتقدت|انتقد|اتهمت|اتهم|رحبت|رحب|طالبت|طالب|دعت|دعا|اشادت|اشاد|هددت|هدد|ناشدت|ناشد',
  'ايدت|ايد|يويد|تويد|دعمت|دعم|عارضت|عارض|يعارض|تعارض|رفضت|رفض|يرفض|ترفض|دافعت|دافع|يدافع|تدافع',
  'اوصت|اوصي|يوصي|توصي|نصحت|نصح|اقترحت|اقترح|يقترح|تقترح|حثت|حث|يحث|تحث|اشتكت|اشتكي|يشتكي|تشتكي|شكت|شكا',
  'حملت|حمل|لامت|لام|هاجمت|هاجم|تمنت|تمني|يتمني|تتمني|املت|امل|يامل|تامل|توعدت|توعد|اعربت|اعرب|يعرب|تعرب',
].join('|');
// Where it was said, between the verb and its complement: «على إنستغرام»، «في بيان»، «عبر حسابه».
const AR_WHERE = '(?:(?:في|علي|عبر|خلال|امام|الي) [^ ]+(?: [^ ]+)?? )?';
const AR_THAT = '(?:(?:ب|الي|من|علي) )?(?:(?:انها|انه|انهم|بانها|بانه|بانهم|بان|ان|لان) )?';
// «من قال …», «من الذي قال …», «من هو الذي …», «أي حزب قال …», «أي شركة طيران قالت …», «من المسؤول الذي قال …» (the noun is kept).
const AR_WHO_OPEN = '(?:(?:اي|اية) ([^ ]+(?: [^ ]+)??)|من(?: (?:هو|هي))?(?: (ال[^ ]+)(?= (?:الذي|التي|اللي) ))?)';
const AR_WHOSAID = new RegExp(`^${AR_WHO_OPEN} (?:(?:الذي|التي|اللي) )?(?:(${AR_SAID_VERBS})|(${AR_CONTENT_VERBS})) (${AR_WHERE})${AR_THAT}(.{2,})$`, 'du');

// Other ways of asking «من قال …؟», read as it: «مين/منو قال», «من صاحب تصريح/مقولة …», «من قائل …», «لمن
// هذا التصريح: …» (folded letters; صاحب needs its noun: «من صاحب الشركة؟» asks who owns it).
const AR_WHO_WORD = /^(?:مين|منو)(?= )/u;
const AR_OPENER = /^(?:من (?:صاحب(?: (?:هذا|هذه))? (?:ال)?(?:تصريحات|تصريح|مقوله|عباره|كلام|قول|جمله)|قايل(?: (?:هذا|هذه))?(?: (?:ال)?(?:تصريحات|تصريح|مقوله|عباره|كلام|قول|جمله))?)|لمن(?: (?:هذا|هذه))? (?:ال)?(?:تصريحات|تصريح|مقوله|عباره|كلام|قول|جمله|اقتباس)):?(?= )/u;
// "who's the one who said …", "who was it that said …", "who made the comment that …": read as "who said …".
const EN_OPENERS: [RegExp, string][] = [
  [/^who(?:'s|’s| is| was)(?: it)?(?: the (?:one|person|man|woman|people|official|politician|minister|expert))? (?:who|that) (?=\S)/, 'who '],
  [/^who (?:made|gave|offered) (?:the|this|that|a) (?:comments?|remarks?|statement|claim|quote)(?: that|:)? (?=\S)/, 'who said '],
];

const EN_WHO = [
  /^what (?:did|does|do|has|have|had|is|was|were|are) (.{1,80}?) (?:say|said|saying|says|tell|told|telling)(?: about .*)?$/,
  /^what (.{1,80}?) (?:said|says|has said|had said|is saying)(?: about .*)?$/,
  /^(?:quotes|statements|comments|remarks|words) (?:from|by|of) (.{1,80})$/,
  /^(?:show|list|give) (?:me )?(?:the )?(?:quotes|statements|comments) (?:from|by|of) (.{1,80})$/,
  /^(.{1,80}?)['’]s (?:quotes|statements|comments|remarks)$/,
];
// Reporting and belief verbs, also as «is warning» (dropped from the words searched for) and verbs that carry what was said
// (thanks, blame, an apology: kept). "which party said …" keeps its noun, which meets the cue sentence.
const EN_SAID_VERBS = `said|says|has said|had said|told(?: (?:the )?[\\w-]+)?|tells(?: (?:the )?[\\w-]+)?|spoke (?:of|about)|speaks (?:of|about)|talked about|estimated|estimates|reported|reports|saying|warning|claiming|arguing|insisting|predicting|suggesting|urging|telling(?: (?:the )?[\\w-]+)?|claimed|claims|stated|states|warned|warns|wrote|writes|tweeted|tweets|posted|posts|declared|announced|announces|predicted|predicts|expected|expects|forecast|forecasts|promised|promises|pledged|vowed|insisted|insists|argued|argues|admitted|admits|conceded|acknowledged|denied|denies|believes|believed|thinks|thought|feels|felt|reckons|reckoned|described|called for|called|urged|added|stressed|explained|confirmed|suggested|noted|revealed|recalled|replied|responded|commented|maintained|maintains|pointed out|says that|quoted as saying|quoted as having said|quoted saying`;
const EN_CONTENT_VERBS = 'thanked|thanks|apologised|apologized|apologises|apologizes|blamed|blames|accused|accuses|criticised|criticized|criticises|criticizes|praised|praises|welcomed|welcomes|condemned|condemns|congratulated|demanded|demands|questioned|doubted|doubts|hoped|hopes|feared|fears|rejected|dismissed|defended|compared|likened|complained|complains|threatened|threatens|recommended|recommends|backed|backs|supported|supports|opposed|opposes|proposed|proposes|objected to|ruled out|played down|downplayed|called on|asked|expressed|voiced';
const EN_WHERE = '(?:(?:on|in|to|at) (?:[\\w\'’-]+ ){1,3}?(?=that ))?';
const EN_WHOSAID = new RegExp(`^(?:who|which ([a-z][\\w-]*(?: [a-z][\\w-]*)?))(?: (?:has|have|had|was|is))? (?:(?:${EN_SAID_VERBS})[:,]? ${EN_WHERE}(?:that )?|(${EN_CONTENT_VERBS}) )(.{2,})$`, 'd');

function clean(text: string): string {
  return stripControls(text.normalize('NFKC'))
    .replace(/[\u200B-\u200F\uFEFF]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s?؟!.]+$/u, '')
    .replace(/^[\s¿¡]+/u, '');
}

/** Parses a plain question into a who-said-what request, or null. */
export function parseQuestion(text: string): QuoteQuestion | null {
  if (typeof text !== 'string' || text.length > MAX_LENGTH * 4) return null;
  const q = clean(text);
  if (!q || q.length > MAX_LENGTH || q.startsWith('/') || /[<>]/.test(q)) return null;
  if (/[\u0600-\u06FF]/.test(q)) {
    // Match on folded letters, answer with the letters as written (only diacritics and tatweel dropped).
    let shown = q.replace(/[\u064B-\u065F\u0670\u0640]/g, '').replace(/[،,]/g, ' ').replace(/\s+/g, ' ').trim();
    let ar = normalizeArabic(shown);
    // Both forms are rewritten alike, so they keep equal lengths.
    for (const [re, to] of [[AR_WHO_WORD, 'من'], [AR_OPENER, 'من قال']] as const) {
      const m = re.exec(ar);
      if (m) [shown, ar] = [to + shown.slice(m[0].length), to + ar.slice(m[0].length)];
    }
    // The text as written of group g (folding keeps lengths, except in rare compatibility forms).
    const shownOf = (m: RegExpExecArray, g: number): string => {
      const at = m.indices?.[g];
      const text = m[g];
      if (!text) return '';
      return (at && ar.length === shown.length ? shown.slice(at[0], at[1]) : text).trim();
    };
    for (const re of AR_WHO) {
      const m = re.exec(ar);
      if (!m?.[1]) continue;
      const at = m.index + m[0].lastIndexOf(m[1]);
      return { kind: 'who', name: (ar.length === shown.length ? shown.slice(at, at + m[1].length) : m[1]).trim() };
    }
    const m = AR_WHOSAID.exec(ar);
    if (!m) return null;
    // The noun of «أي حزب قال …», a verb that carries what was said, where it was said, then the rest.
    const words = [1, 2, 4, 5, 6].map((g) => shownOf(m, g)).filter(Boolean).join(' ');
    return words ? { kind: 'whosaid', words } : null;
  }
  return parseEnglish(q);
}

function parseEnglish(text: string): QuoteQuestion | null {
  let q = text;
  for (const [re, to] of EN_OPENERS) {
    const m = re.exec(q.toLowerCase());
    if (m) q = to + q.slice(m[0].length);
  }
  const en = q.toLowerCase();
  const said = EN_WHOSAID.exec(en);
  if (said?.[3]) {
    const words = [1, 2, 3].map((g) => (said.indices?.[g] ? q.slice(said.indices[g]![0], said.indices[g]![1]).trim() : '')).filter(Boolean).join(' ');
    return { kind: 'whosaid', words };
  }
  for (const re of EN_WHO) {
    const m = re.exec(en);
    if (m?.[1]) {
      const start = m.index + m[0].indexOf(m[1]);
      const name = q.slice(start, start + m[1].length).trim();
      if (name && !/^(?:he|she|they|it|you|i|we|people|everyone|anyone)$/i.test(name)) return { kind: 'who', name };
    }
  }
  return null;
}

/** Answers shown for one "who said …?" question. */
export const WHOSAID_ANSWERS = 5;

/**
 * The bot's answers to "who said …?": statements ranked by how much of the question they hold, best
 * first. The bot's handlers and the eval both go through here.
 */
export function whoSaid(registry: Pick<SpeakerRegistry, 'searchQuotes'>, words: string, limit = WHOSAID_ANSWERS): QuoteHit[] {
  return registry.searchQuotes(words, limit);
}
