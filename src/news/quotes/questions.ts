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
// Reporting, belief and warning verbs, longer forms first so قالت is not read as قال + ت.
const AR_SAID_VERBS = 'قالت|قال|يقول|تقول|صرحت|صرح|ذكرت|ذكر|اكدت|اكد|اعلنت|اعلن|حذرت|حذر|توقعت|توقع|اعتبرت|اعتبر|رات|راي|وعدت|وعد|كتبت|كتب|غردت|غرد|نفت|نفي|اوضحت|اوضح|اشارت|اشار|شددت|شدد|وصفت|وصف';
const AR_WHOSAID = new RegExp(`^من (?:الذي |اللي )?(?:${AR_SAID_VERBS})(?: (?:ب|الي|من|علي))?(?: (?:انها|انه|بانها|بانه|بان|ان|ب?ان))? (.{2,})$`, 'u');

const EN_WHO = [
  /^what (?:did|does|do|has|have|had|is|was|were|are) (.{1,80}?) (?:say|said|saying|says|tell|told|telling)(?: about .*)?$/,
  /^what (.{1,80}?) (?:said|says|has said|had said|is saying)(?: about .*)?$/,
  /^(?:quotes|statements|comments|remarks|words) (?:from|by|of) (.{1,80})$/,
  /^(?:show|list|give) (?:me )?(?:the )?(?:quotes|statements|comments) (?:from|by|of) (.{1,80})$/,
  /^(.{1,80}?)['’]s (?:quotes|statements|comments|remarks)$/,
];
const EN_WHOSAID = /^who (?:said|says|has said|had said|told (?:\w+ )?|claimed|stated|warned|wrote|declared|announced|predicted|expected|promised|insisted|argued|admitted|denied|believes|believed|thinks|thought|described|called for|urged|described|added|stressed|explained|confirmed|suggested) (?:that )?(.{2,})$/;

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
    const shown = q.replace(/[\u064B-\u065F\u0670\u0640]/g, '').replace(/[،,]/g, ' ').replace(/\s+/g, ' ').trim();
    const ar = normalizeArabic(shown);
    const slice = (m: RegExpExecArray): string => {
      const g = m[1]!;
      const at = m.index + m[0].lastIndexOf(g);
      return (ar.length === shown.length ? shown.slice(at, at + g.length) : g).trim();
    };
    for (const re of AR_WHO) {
      const m = re.exec(ar);
      if (m?.[1]) return { kind: 'who', name: slice(m) };
    }
    const m = AR_WHOSAID.exec(ar);
    if (m?.[1]) return { kind: 'whosaid', words: slice(m) };
    return null;
  }
  const en = q.toLowerCase();
  const said = EN_WHOSAID.exec(en);
  if (said?.[1]) return { kind: 'whosaid', words: q.slice(q.length - said[1].length).trim() };
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
