// Marked spans that name something instead of quoting someone: titles, names, labels, terms, scare quotes.

import { foldString } from './fold.ts';
import { BODY_HEADS, STOP_WORDS } from './words-ar.ts';
import type { MarkedSpan } from './marks.ts';

const EN_NAMING = /(?:called|titled|entitled|named|dubbed|nicknamed|known(?: to [\w-]+(?: [\w-]+)?)? as|so-called|the word|the term|the phrase|the slogan|the name|film|movie|song|album|book|novel|programme|program|series|single|play|show|campaign|operation|magazine|newspaper|exhibition|festival|award|motto)\s*$/i;
const SMALL_WORDS = /^(?:of|the|a|an|and|in|on|at|to|for|with|by|from|or|is|are|my|your|our|de|la|le|vs|v|&)$/;

function titleCase(inner: string): boolean {
  const words = inner.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 8) return false;
  if (!/^[\p{Lu}\d]/u.test(words[0]!)) return false;
  const all = words.every((w) => /^[\p{Lu}\d'‘(]/u.test(w) || SMALL_WORDS.test(w));
  if (!all) return false;
  // One capitalized word is a name ("Betty"), an acronym ("BB+"), not a one-word quote ("Rubbish!" has punctuation).
  return true;
}

let lastText = '';
let lastLower = '';
function lowerOf(text: string): string {
  if (text !== lastText) {
    lastText = text;
    lastLower = text.toLowerCase();
  }
  return lastLower;
}

const memo = new WeakMap<MarkedSpan, boolean>();

/** English (and Latin-script) labels; the answer is kept on the span. */
export function isLabel(text: string, sp: MarkedSpan): boolean {
  let v = memo.get(sp);
  if (v === undefined) {
    v = computeLabel(text, sp);
    memo.set(sp, v);
  }
  return v;
}


function computeLabel(text: string, sp: MarkedSpan): boolean {
  const inner = text.slice(sp.start, sp.end);
  if (!/\p{L}/u.test(inner)) return true;
  if (/[.!?,;:]$/.test(inner)) return false;
  if (titleCase(inner)) return true;
  const words = inner.split(/\s+/).filter(Boolean);
  // A short term repeated elsewhere in the document: "career sexism".
  if (words.length <= 3) {
    const needle = inner.toLowerCase();
    const hay = lowerOf(text);
    let at = hay.indexOf(needle);
    let count = 0;
    while (at >= 0 && count < 3) {
      count++;
      at = hay.indexOf(needle, at + needle.length);
    }
    if (count >= 3) return true;
  }
  const before = text.slice(Math.max(0, sp.open - 30), sp.open);
  return EN_NAMING.test(before);
}

// Nouns that introduce a name in marks: منظمة «أطباء بلا حدود», فيلم «...», عملية "...".
const AR_NAMING = new Set(
  `منظمه صحيفه موقع فيلم روايه كتاب معرض عمليه حمله برنامج مسلسل قناه مجله حزب حركه جماعه مهرجان اغنيه البوم شركه
  مبادره مشروع جايزه موتمر مسرحيه وكاله قانون خطه اتفاق اتفاقيه تحالف ايتلاف بعنوان المسمي المسماه يسمي تسمي باسم اسم
  عنوان شعار هاشتاغ وسم ديوان قصيده لوحه منصه تطبيق صفحه مركز مجموعه فرقه نادي منتدي مسابقه بطوله دوري كاس
  اذاعه شبكه تلفزيون جمعيه نقابه هييه اتحاد رابطه لجنه مويسسه موسسه جامعه مستشفي مرصد كتله تيار بنك مصرف صنف فريق فيدراليه
  ماركه علامه مجمع منتج`
    .split(/\s+/)
    .filter(Boolean),
);
const CLAUSE_START = /^(?:لم|لن|لا|ليس|ليست|قد|لقد|ما|ان|انه|انها|كان|كانت|سوف)(?:\s|$)/u;
const AR_KNOWN_AS = /(?:يعرف|تعرف|المعروف|المعروفه|يسمي|تسمي|المسمي|المسماه|يطلق عليه|يطلق عليها|سمي|سميت)\s*ب?\s*$/;

function stripPrefixes(w: string): string {
  let x = w;
  if (x.length > 3 && (x[0] === 'و' || x[0] === 'ف')) x = x.slice(1);
  if (x.startsWith('لل') && x.length > 4) return x.slice(2);
  if (x.length > 4 && (x[0] === 'ب' || x[0] === 'ل' || x[0] === 'ك') && x.slice(1, 3) === 'ال') return x.slice(3);
  if (x.startsWith('ال') && x.length > 3) return x.slice(2);
  if (x.length > 3 && (x[0] === 'ل' || x[0] === 'ب')) return x.slice(1);
  return x;
}

/** Arabic labels: a naming noun or «ما يُعرف بـ» right before the mark; Latin titles inside Arabic text. */
export function isArabicLabel(text: string, sp: MarkedSpan): boolean {
  let v = arMemo.get(sp);
  if (v === undefined) {
    v = computeArabicLabel(text, sp);
    arMemo.set(sp, v);
  }
  return v;
}

const arMemo = new WeakMap<MarkedSpan, boolean>();

function computeArabicLabel(text: string, sp: MarkedSpan): boolean {
  const inner = text.slice(sp.start, sp.end);
  if (!/\p{L}/u.test(inner)) return true;
  if (/^[A-Za-z]/.test(inner) && titleCase(inner)) return true;
  // A name never opens with a negation or a particle: «الشركة «لم تقدم ما يثبت»» quotes.
  if (CLAUSE_START.test(foldString(inner.trim()))) return false;
  // (Not after a colon, where words in marks are what was said: «وقالت: «الجائزة للبحارة»».)
  if (!/[:：]\s*$/u.test(text.slice(Math.max(0, sp.open - 3), sp.open)) && namedBody(foldString(inner.trim()))) return true;
  const before = foldString(text.slice(Math.max(0, sp.open - 40), sp.open));
  if (AR_KNOWN_AS.test(before)) return true;
  const words = before.split(/[\s«»"“”]+/).filter(Boolean);
  const last = words[words.length - 1];
  if (!last) return false;
  // A proclitic glued to the mark (بـ"...", و«...»): look at the word before it.
  const w = /^[وفبلك]$/.test(last) ? words[words.length - 2] : last;
  if (!w) return false;
  if (AR_NAMING.has(w) || AR_NAMING.has(stripPrefixes(w))) return true;
  // A short name after the adjectives and genitives of its naming noun: «الشركة المصرية لتدوير المخلفات «…»».
  if (inner.trim().split(/\s+/).length > 3 || !definite(w)) return false;
  for (let i = words.length - 2; i >= 0 && i >= words.length - 5; i--) {
    const x = words[i]!;
    if (AR_NAMING.has(x) || AR_NAMING.has(stripPrefixes(x))) return true;
    // (A word without the article in construct with a definite one goes on: «شركة سكك الحديد القطرية «…»».)
    if (!definite(x) && !(definite(words[i + 1]!) && !STOP_WORDS.has(x) && !/^(?:ب|ف|و)?ان/u.test(x) && /^[\u0621-\u064A]{3,}$/u.test(x))) return false;
  }
  return false;
}

/** With the article, or «لـ» before a genitive: a word of a naming noun's phrase. */
function definite(w: string): boolean {
  const x = w.length > 3 && (w[0] === 'و' || w[0] === 'ف') ? w.slice(1) : w;
  return x.startsWith('ال') || x.startsWith('لل') || (x[0] === 'ل' && x.length > 3);
}

/**
 * A name that says what it names: a naming or body noun and only its definite adjectives and genitives
 * («الشبكة الدولية لرصد الكويكبات», «مجموعة العمل البيئي»), or one word with a number («سنبلة-1»).
 */
function namedBody(inner: string): boolean {
  const words = inner.split(/\s+/).filter(Boolean);
  if (words.length === 1 && /^[\u0621-\u064A]+-?\d+$/u.test(words[0]!)) return true;
  if (words.length < 2 || words.length > 6) return false;
  const head = stripPrefixes(words[0]!);
  if (!AR_NAMING.has(head) && !BODY_HEADS.has(head)) return false;
  // (Its first adjective has the article: «الجائزة للبحارة» says something of the prize.)
  if (!words[1]!.startsWith('ال')) return false;
  return words.slice(1).every((w) => definite(w) || /^[A-Za-z\d-]+$/.test(w));
}
