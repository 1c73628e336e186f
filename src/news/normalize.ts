// Normalization for matching only: what users see is always the original text.

const ARABIC_DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]/g;
const TATWEEL = /\u0640/g;
const ARABIC_BLOCK = /[\u0600-\u06FF]/;
// Bidi controls and zero-width characters carry no meaning for matching.
export const INVISIBLES = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u061C]/g;

/** Folds Arabic spelling variants: alef forms, alef maqsura, ta marbuta, hamza seats, diacritics, tatweel. */
export function normalizeArabic(text: string): string {
  // Every form folded below lies in the Arabic block: text without it has nothing to fold.
  if (!ARABIC_BLOCK.test(text)) return text;
  return text
    .replace(ARABIC_DIACRITICS, '')
    .replace(TATWEEL, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي')
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
}

/** The form every matcher compares: NFKC, invisibles removed, Arabic folded, lower case. */
export function normalizeForMatch(text: string): string {
  return normalizeArabic(text.normalize('NFKC').replace(INVISIBLES, '')).toLowerCase();
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const C0_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Removes characters that could reorder or hide text when echoed back to a chat. */
export function stripControls(text: string): string {
  return text.replace(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g, '').replace(C0_CONTROLS, '');
}
