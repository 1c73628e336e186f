// Arabic reported speech and attribution: reporting verbs with their clitics and agreement forms, the
// speaker phrase after (VSO) or before (SVO) the verb, split into role and name, and the complement after
// إنّ/أنّ/بأن, a preposition, or a colon; attribution cues (بحسب، وفقًا لـ، نقلًا عن، قوله).
// Everything runs on the folded text (see fold.ts); offsets go back through its map.

import type { Sentence } from '../sentences.ts';
import type { Folded } from './fold.ts';
import type { Gazetteer } from './gazetteer.ts';
import type { Candidate, Gender, Mention, SubjectAt, Token } from './internal.ts';
import { spanIndexAt, type MarkedSpan } from './marks.ts';
import { isArabicLabel } from './labels.ts';

interface VerbInfo {
  lemma: string;
  gender: Gender | undefined;
  participle: boolean;
  colon: boolean;
  noun: boolean;
  preps: string[];
  thatAfterPrep: boolean;
  objectGuard: boolean;
}

const VERBS = new Map<string, VerbInfo>();

function verb(lemma: string, m: string, f: string, p: string, opts: Partial<Pick<VerbInfo, 'colon' | 'noun' | 'preps' | 'thatAfterPrep' | 'objectGuard'>> & { participles?: string } = {}): void {
  const parts = new Set((opts.participles ?? '').split(' ').filter(Boolean));
  const add = (forms: string, gender: Gender | undefined): void => {
    for (const form of forms.split(' ').filter(Boolean)) {
      VERBS.set(form, {
        lemma,
        gender,
        participle: parts.has(form),
        colon: opts.colon ?? false,
        noun: opts.noun ?? false,
        preps: opts.preps ?? [],
        thatAfterPrep: opts.thatAfterPrep ?? false,
        objectGuard: opts.objectGuard ?? false,
      });
    }
  };
  add(m, 'm');
  add(f, 'f');
  add(p, 'p');
}

// Folded forms: أ/إ/آ → ا, ى → ي, ة → ه, ؤ → و, ئ → ي, no diacritics.
verb('قال', 'قال يقول قايلا', 'قالت تقول قايله', 'قالوا قالا قالتا يقولون يقولان قايلين', { colon: true, participles: 'قايلا قايله قايلين' });
verb('اضاف', 'اضاف يضيف مضيفا', 'اضافت تضيف مضيفه', 'اضافوا اضافا اضافتا يضيفون مضيفين', { colon: true, participles: 'مضيفا مضيفه مضيفين' });
verb('اكد', 'اكد يوكد موكدا', 'اكدت توكد موكده', 'اكدوا اكدا اكدتا يوكدون موكدين', { colon: true, preps: ['علي'], participles: 'موكدا موكده موكدين' });
verb('اوضح', 'اوضح يوضح موضحا', 'اوضحت توضح موضحه', 'اوضحوا اوضحا يوضحون موضحين', { colon: true, participles: 'موضحا موضحه موضحين' });
verb('اعلن', 'اعلن يعلن معلنا', 'اعلنت تعلن معلنه', 'اعلنوا اعلنا يعلنون معلنين', { colon: true, noun: true, preps: ['عن'], participles: 'معلنا معلنه معلنين' });
verb('صرح', 'صرح يصرح مصرحا', 'صرحت تصرح مصرحه', 'صرحوا صرحا يصرحون', { colon: true, participles: 'مصرحا مصرحه' });
verb('ذكر', 'ذكر يذكر', 'ذكرت تذكر', 'ذكروا ذكرا يذكرون', { colon: true });
verb('اشار', 'اشار يشير مشيرا', 'اشارت تشير مشيره', 'اشاروا اشارا يشيرون مشيرين', { preps: ['الي'], thatAfterPrep: true, participles: 'مشيرا مشيره مشيرين' });
verb('لفت', 'لفت يلفت لافتا', 'لفتت تلفت لافته', 'لفتوا', { preps: ['الي'], thatAfterPrep: true, participles: 'لافتا لافته' });
verb('شدد', 'شدد يشدد مشددا', 'شددت تشدد مشدده', 'شددوا شددا يشددون', { preps: ['علي'], participles: 'مشددا مشدده' });
verb('نفي', 'نفي ينفي نافيا', 'نفت تنفي نافيه', 'نفوا ينفون', { noun: true, participles: 'نافيا نافيه' });
verb('ادعي', 'ادعي يدعي مدعيا', 'ادعت تدعي', 'ادعوا يدعون', { participles: 'مدعيا' });
verb('زعم', 'زعم يزعم زاعما', 'زعمت تزعم', 'زعموا يزعمون', { participles: 'زاعما' });
verb('اعرب', 'اعرب يعرب معربا', 'اعربت تعرب معربه', 'اعربوا اعربا يعربون', { preps: ['عن'], participles: 'معربا معربه' });
verb('اعتبر', 'اعتبر يعتبر معتبرا', 'اعتبرت تعتبر معتبره', 'اعتبروا يعتبرون', { participles: 'معتبرا معتبره' });
verb('راي', 'راي يري', 'رات تري', 'راوا يرون', {});
verb('تابع', 'تابع متابعا', 'تابعت متابعه', 'تابعوا', { colon: true, participles: 'متابعا متابعه' });
verb('حذر', 'حذر يحذر محذرا', 'حذرت تحذر محذره', 'حذروا يحذرون', { preps: ['من'], participles: 'محذرا محذره' });
verb('دعا', 'دعا يدعو داعيا', 'دعت تدعو داعيه', 'دعوا يدعون', { preps: ['الي'], objectGuard: true, participles: 'داعيا داعيه' });
verb('طالب', 'طالب يطالب مطالبا', 'طالبت تطالب مطالبه', 'طالبوا يطالبون', { preps: ['ب'], participles: 'مطالبا مطالبه' });
verb('كشف', 'كشف يكشف كاشفا', 'كشفت تكشف كاشفه', 'كشفوا يكشفون', { preps: ['عن'], participles: 'كاشفا كاشفه' });
verb('افاد', 'افاد يفيد مفيدا', 'افادت تفيد', 'افادوا يفيدون', { participles: 'مفيدا' });
verb('وصف', 'وصف يصف واصفا', 'وصفت تصف واصفه', 'وصفوا يصفون', { preps: ['ب'], participles: 'واصفا واصفه' });
verb('ابلغ', 'ابلغ', 'ابلغت', 'ابلغوا', {});
verb('اعترف', 'اعترف يعترف معترفا', 'اعترفت تعترف', 'اعترفوا', { preps: ['ب'], participles: 'معترفا' });
verb('اقر', 'اقر يقر مقرا', 'اقرت تقر', 'اقروا', { preps: ['ب'], participles: 'مقرا' });
verb('تساءل', 'تساءل يتساءل متساءلا', 'تساءلت تتساءل', 'تساءلوا', { colon: true, participles: 'متساءلا' });

const THAT = new Set(['ان', 'انه', 'انها', 'انهم', 'انهما', 'انني', 'اننا', 'انك', 'انكم', 'بان', 'بانه', 'بانها', 'بانهم', 'بانهما', 'فان', 'فانه', 'فانها', 'فانهم', 'وان', 'وانه', 'وانها']);
const RELAY_NOUNS = new Map<string, Gender>([
  ['قوله', 'm'],
  ['قولها', 'f'],
  ['قولهم', 'p'],
  ['قولهما', 'p'],
]);
const SOURCE_BASES = new Set(['بحسب', 'حسب', 'وفقا', 'طبقا', 'نقلا']);
const SOURCE_CUES = new Set(['بحسب', 'حسب', 'وبحسب', 'وحسب', 'وفقا', 'ووفقا', 'طبقا', 'وطبقا', 'نقلا', 'ونقلا']);
const RELATIVE_BEFORE = new Set(['ما', 'لما', 'حسبما', 'كما', 'وكما', 'بحسبما', 'وفقما']);
const SPEECH_EVENTS = new Set(['بيان', 'مويتمر', 'موتمر', 'تصريح', 'تصريحات', 'حديث', 'مقابله', 'حوار', 'كلمه', 'خطاب', 'رساله', 'منشور', 'تغريده', 'لقاء', 'جلسه', 'اجتماع', 'حفل', 'ندوه', 'برنامج', 'تصريحات', 'بيانه', 'بيانها', 'رد', 'تعليق', 'منتدي', 'قمه', 'زياره']);
const TIME_WORDS = new Set(['امس', 'اليوم', 'يوم', 'صباح', 'مساء', 'ليله', 'الاسبوع', 'الشهر', 'العام', 'السنه', 'الليله', 'ظهر', 'فجر', 'صباحا', 'مساءا', 'مساء', 'غدا', 'الاحد', 'الاثنين', 'الثلاثاء', 'الاربعاء', 'الخميس', 'الجمعه', 'السبت', 'مطلع', 'اواخر', 'اوايل', 'منتصف', 'اليوم', 'الاسبوع', 'الماضي', 'المقبل', 'الجاري', 'حاليا', 'مجددا', 'ايضا', 'كذلك', 'بدوره', 'بدورها', 'من جهته', 'بدورهم', 'مرارا', 'سابقا', 'لاحقا']);
const ADVERB_STARTS = new Set(['خلال', 'امام', 'عبر', 'اثناء', 'عقب', 'بعد', 'قبل', 'اثر', 'اذ', 'حين', 'عندما', 'لدي', 'ردا', 'تعليقا', 'قايلا', 'قايله', 'قايلين', 'وهو', 'وهي', 'وهم', 'حيث', 'ايضا', 'كذلك', 'بدوره', 'بدورها', 'مجددا', 'امس', 'اليوم', 'يوم', 'صباح', 'مساء', 'صباحا', 'ليل', 'الليله', 'غدا', 'حاليا', 'سابقا', 'حسبما', 'وفق', 'وفقا', 'بحسب', 'مساء', 'فجر', 'مرارا']);
const MEDIA_ADDRESSEES = new Set(['وكاله', 'موقع', 'قناه', 'صحيفه', 'شبكه', 'اذاعه', 'تلفزيون', 'مجله', 'سكان', 'الصحفيين', 'صحفيين', 'صحافيين', 'صحافه', 'اعلاميين', 'المراسلين', 'مراسلين', 'مراسلي', 'وسايل', 'مواطنين', 'حضور', 'جمهور', 'نواب', 'وفد', 'مشاركين']);
// Words that are a time only with a modifier: "العام الماضي" but "الأمين العام".
const TIME_NEEDS_MODIFIER = new Set(['العام', 'الاسبوع', 'الشهر', 'السنه', 'الماضي', 'المقبل', 'الجاري']);
const TIME_MODIFIERS = new Set(['الماضي', 'المقبل', 'الجاري', 'الحالي', 'المنصرم', 'القادم']);

function isTimePhrase(ctx: Ctx, i: number): boolean {
  const t = ctx.toks[i]!.t;
  if (!TIME_NEEDS_MODIFIER.has(t)) return true;
  if (TIME_MODIFIERS.has(t)) return i > 0 && TIME_NEEDS_MODIFIER.has(ctx.toks[i - 1]!.t);
  const next = ctx.toks[i + 1]?.t ?? '';
  const prev = ctx.toks[i - 1]?.t ?? '';
  return TIME_MODIFIERS.has(next) || prev === 'هذا' || prev === 'هذه' || prev === 'مطلع' || prev === 'نهايه';
}
// Role and body heads that open a role phrase without the article: وزير الخارجية، وزارة الصحة.
const ROLE_HEADS = new Set(
  `وزير وزيره رييس رييسه مدير مديره محافظ زعيم قايد قايده سفير سفيره نايب امين مستشار مستشاره متحدث متحدثه ناطق ناطقه
  مبعوث مبعوثه منسق منسقه عضو مندوب مندوبه ممثل ممثله مفوض مفوضه لاعب لاعبه مدرب مدربه حارس قاضي قاضيه نقيب عميد
  وكيل مساعد استاذ استاذه الدكتور الدكتوره العقيد اللواء العميد الشيخ السيد السيده المهندس الاستاذ النايب الرييس
  رييسا وزيرا ولي ملك امير اميره سلطان مرشد حاكم قاده خبير خبيره محلل محلله باحث باحثه كاتب كاتبه مراسل مراسله`
    .split(/\s+/)
    .filter(Boolean),
);
const BODY_HEADS = new Set(
  `وزاره هييه شركه منظمه مجلس اتحاد نادي حزب جماعه حركه صندوق وكاله صحيفه قناه موقع جمعيه مويسسه موسسه نقابه لجنه
  مفوضيه بلديه حكومه سلطه سلطات جامعه محكمه مكتب مركز بنك مصرف جيش قوات شرطه اداره دايره مديريه رابطه تحالف ايتلاف
  منتخب فريق مجموعه تلفزيون اذاعه شبكه مجلس برلمان الحكومه الوزاره الهييه الشركه المنظمه المجلس الاتحاد الجيش الشرطه
  البرلمان الرياسه رياسه الامانه امانه المفوضيه الجمعيه المويسسه المركز البنك الصندوق الوكاله السلطات السلطه الخارجيه الداخليه
  التلفزيون الاذاعه`
    .split(/\s+/)
    .filter(Boolean),
);
// Words that continue a role phrase without the article: المتحدث باسم وزارة الخارجية.
const CONSTRUCT = new Set([...BODY_HEADS, ...'باسم شوون العام العامه الاول الاولي الدولي الدوليه الوطني الوطنيه مجلس وزراء الوزراء الامم الدول'.split(' ')]);
const COMMON_HEADS = new Set(`مصدر مصادر مسوول مسوولون مسوولين مسوولو شهود مراقبون مراقبين محللون محللين خبراء ناشطون ناشطين سكان اهالي عشرات مييات الاف احد احدي ثلاثه اربعه خمسه عدد بعض مواطنون مواطنين مزارعون مزارعين متظاهرون متظاهرين محتجون محتجين حساب مغردون تقارير تقرير بيان دراسه مراسلنا مراسل مراسله طبيب اطباء معلمون`.split(/\s+/));
const COMPOUND_FIRST = new Set(['عبد', 'نور', 'عز', 'سيف', 'صلاح', 'شمس', 'بدر', 'علاء', 'جمال', 'نصر', 'سعد', 'تاج', 'زين', 'بهاء', 'محيي', 'خير', 'ضياء', 'عماد', 'حسام', 'شرف', 'فخر', 'نجم', 'ابو', 'ام', 'ابن', 'بن', 'بنت', 'ال']);
const NAME_PARTICLES = new Set(['بن', 'ابن', 'بنت', 'ابو', 'ام', 'عبد', 'ال', 'ولد', 'دي', 'فان', 'فون']);
const STOP_WORDS = new Set(`في من الي علي عن مع ان ان او ثم حتي قد لقد لم لن لا ما هذا هذه ذلك تلك الذي التي الذين هو هي هم كان كانت
  بين عند منذ خلال بعد قبل حيث كل بعض غير لكن بل اما اذا كما ايضا وقد فقد كذلك نحو دون لدي ضمن عبر امام وفي ومن وعلي والي`.split(/\s+/));
const CLAUSE_OPENERS = new Set(['اما', 'لكن', 'ولكن', 'بينما', 'فيما', 'وبينما', 'وفيما', 'غير', 'الا']);
const COMMENT_OPENERS = new Set(['وهو', 'وهي', 'لكن', 'ولكن', 'غير', 'بينما', 'فيما', 'في', 'الا', 'وذلك', 'مما']);
const VAGUE_AR = new Set(['يقال', 'قيل']);

const LATIN = /^[A-Za-z\u00C0-\u024F]/;

/** Tokens of a folded range; s/e are folded offsets (mapped back when a candidate is made). */
function arabicCode(c: number): boolean {
  return (c >= 0x0621 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3);
}

function latinCode(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

function spaceCode(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0xa0 || (c >= 0x2000 && c <= 0x200f) || c === 0x3000;
}

/** Arabic words, Latin words (with inner ' ’ - .), numbers, and single punctuation marks, in one pass. */
function tokenize(folded: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  let i = from;
  while (i < to) {
    const c = folded.charCodeAt(i);
    if (spaceCode(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    if (arabicCode(c)) {
      while (j < to && arabicCode(folded.charCodeAt(j))) j++;
    } else if (latinCode(c)) {
      for (;;) {
        while (j < to && latinCode(folded.charCodeAt(j))) j++;
        const d = j < to ? folded.charCodeAt(j) : 0;
        if ((d === 0x27 || d === 0x2019 || d === 0x2d || d === 0x2e) && j + 1 < to && latinCode(folded.charCodeAt(j + 1))) {
          j++;
          continue;
        }
        break;
      }
    } else if (c >= 0x30 && c <= 0x39) {
      while (j < to) {
        const d = folded.charCodeAt(j);
        if ((d >= 0x30 && d <= 0x39) || ((d === 0x2e || d === 0x2c) && j + 1 < to && folded.charCodeAt(j + 1) >= 0x30 && folded.charCodeAt(j + 1) <= 0x39)) j++;
        else break;
      }
    } else if (c >= 0xd800 && c <= 0xdbff && j < to) j++;
    out.push({ t: folded.slice(i, j), s: i, e: j });
    i = j;
  }
  return out;
}

interface Ctx {
  text: string;
  f: Folded;
  toks: Token[];
  spans: MarkedSpan[];
  /** Per token: index of the marked span (original offsets) it is inside, or -1. */
  inSpan: Int32Array;
  gaz: Gazetteer;
  /** Tokens before this index belong to a cue already read (a source inside a verb's subject). */
  consumedUntil?: number;
}

const orig = (ctx: Ctx, folded: number): number => ctx.f.map[folded]!;

/** In the set as written, or after a conjunction و/ف that is not part of the word. */
function has(set: Set<string>, w: string): boolean {
  return set.has(w) || (w.length > 3 && (w[0] === 'و' || w[0] === 'ف') && set.has(w.slice(1)));
}

function stripConj(w: string): string {
  return w.length > 2 && (w[0] === 'و' || w[0] === 'ف') ? w.slice(1) : w;
}

// Every cue form as one regex over the folded text, with Arabic word boundaries.
const CUE_SCAN = (() => {
  const forms = new Set<string>([...VERBS.keys(), ...SOURCE_CUES, ...RELAY_NOUNS.keys()]);
  const alts = [...forms].sort((a, b) => b.length - a.length).join('|');
  return new RegExp(`(?<![\\u0621-\\u064A])(?:[وف])?(?:${alts})(?![\\u0621-\\u064A])`, 'g');
})();

// Every written form, with and without a conjunction: one lookup per token.
const VERB_FORMS = new Map<string, { info: VerbInfo; conj: boolean }>();
for (const [form, info] of VERBS) {
  VERB_FORMS.set(form, { info, conj: false });
  for (const c of ['و', 'ف']) if (!VERBS.has(c + form)) VERB_FORMS.set(c + form, { info, conj: true });
}

function verbAt(t: string): { info: VerbInfo; conj: boolean } | undefined {
  return VERB_FORMS.get(t);
}

const isPunct = (t: string): boolean => {
  const c = t.charCodeAt(0);
  return !(arabicCode(c) || latinCode(c) || (c >= 0x30 && c <= 0x39) || (c >= 0x0660 && c <= 0x0669));
};
const isComma = (t: string): boolean => t === '،' || t === ',';
const isEnd = (t: string): boolean => t === '.' || t === '!' || t === '؟' || t === '?' || t === '؛' || t === ';';
const hasArticle = (t: string): boolean => {
  const w = stripConj(t);
  return w.startsWith('ال') || w.startsWith('لل') || ((w[0] === 'ب' || w[0] === 'ك') && w.slice(1, 3) === 'ال');
};

function originalText(ctx: Ctx, a: number, b: number): string {
  // Tokens a..b inclusive, as written.
  return ctx.text.slice(orig(ctx, ctx.toks[a]!.s), orig(ctx, ctx.toks[b]!.e)).replace(/\s+/g, ' ').trim();
}

/** Feminine by the original spelling: a role word ending in ta marbuta. */
function endsWithTaMarbuta(ctx: Ctx, i: number): boolean {
  const tok = ctx.toks[i]!;
  const o = ctx.text.slice(orig(ctx, tok.s), orig(ctx, tok.e));
  return /ة[\u064B-\u065F]*$/u.test(o);
}

/** Ends with an attached pronoun (ه، ها، هم): an object, not a name. Uses the original spelling (ة is not ه). */
function hasPronounSuffix(ctx: Ctx, i: number): boolean {
  const tok = ctx.toks[i]!;
  const o = ctx.text.slice(orig(ctx, tok.s), orig(ctx, tok.e)).replace(/[\u064B-\u065F\u0640]/g, '');
  return o.length >= 4 && /(?:ه|ها|هم|هما|هن)$/u.test(o) && !/ة$/u.test(o);
}

function bodyHeadOf(first: string): boolean {
  return BODY_HEADS.has(first) || BODY_HEADS.has(first.replace(/^ال/, ''));
}

function looksPlural(word: string): boolean {
  const w = stripConj(word);
  return /(?:ون|ين|ات)$/.test(w) && w.length > 4 && !/(?:دين|سين|طين|بين|وين)$/.test(w);
}

function gazetteerAt(ctx: Ctx, i: number, limit: number): { end: number; kind: string | undefined } | undefined {
  const w = ctx.toks[i]!.t.toLowerCase();
  const list = ctx.gaz.byFirstWord.get(w) ?? ctx.gaz.byFirstWord.get(stripConj(w));
  if (!list) return undefined;
  for (const { words, entry } of list) {
    if (i + words.length > limit) continue;
    let ok = true;
    for (let k = 1; k < words.length; k++) {
      if (ctx.toks[i + k]!.t.toLowerCase() !== words[k]) {
        ok = false;
        break;
      }
    }
    if (ok) return { end: i + words.length - 1, kind: entry.kind };
  }
  return undefined;
}

interface NP {
  mention: Mention;
  /** First token after the speaker phrase (an object or complement may start there). */
  next: number;
  /** Tokens left after the speaker that are not adverbials: an object. */
  object: boolean;
  speech: boolean;
}

/**
 * Parses a speaker phrase over tokens [a, b): adverbials and appositions out, then role and name.
 * «المتحدث باسم وزارة الخارجية الصينية Guo Jiakun» → name Guo Jiakun, role المتحدث باسم ...
 */
export function parseNP(ctx: Ctx, a: number, b: number): NP | undefined {
  const { toks } = ctx;
  // Relayed: "... نقلًا عن X" — the speaker is X.
  for (let i = a; i + 1 < b; i++) {
    const t = stripConj(toks[i]!.t);
    if ((t === 'نقلا' || t === 'نقل') && toks[i + 1]!.t === 'عن') a = i + 2;
  }
  // A name given later in the clause: "أحد المحتجين ويُدعى علي حسن".
  for (let i = a; i + 1 < b; i++) {
    const t = toks[i]!.t;
    if (t === 'ويدعي' || t === 'يدعي' || t === 'واسمه' || t === 'اسمه' || t === 'ويدعى') {
      const role = i > a ? originalText(ctx, a, i - 1) : undefined;
      let e = i + 1;
      while (e < b && e - i <= 3 && !isPunct(toks[e]!.t)) e++;
      if (e === i + 1) break;
      return { mention: { kind: 'name', name: originalText(ctx, i + 1, e - 1), ...(role ? { role } : {}), start: orig(ctx, toks[i + 1]!.s), end: orig(ctx, toks[e - 1]!.e) }, next: e, object: false, speech: false };
    }
  }
  let speech = false;
  // Cut at the first adverbial, skipping relative clauses and appositions between commas.
  let c = a;
  let latinAfterComma = -1;
  for (; c < b; c++) {
    const t = toks[c]!.t;
    const w = stripConj(t);
    if (ctx.inSpan[c]! >= 0) {
      // A name in marks inside the phrase: منظمة «أطباء بلا حدود».
      const sp = ctx.spans[ctx.inSpan[c]!]!;
      while (c + 1 < b && ctx.inSpan[c + 1]! >= 0 && ctx.spans[ctx.inSpan[c + 1]!] === sp) c++;
      continue;
    }
    if (isComma(t)) {
      // "الرئيس التنفيذي لشركة X، Lars Eriksson، إن": a name in apposition.
      if (c + 1 < b && LATIN.test(toks[c + 1]!.t)) {
        latinAfterComma = c + 1;
        let e = c + 1;
        while (e < b && LATIN.test(toks[e]!.t)) e++;
        c = e - 1;
        continue;
      }
      // "، الذي كان يتحدث في مؤتمر صحفي بالرياض،": a relative clause before the complement.
      if (c + 1 < b && (toks[c + 1]!.t === 'الذي' || toks[c + 1]!.t === 'التي' || toks[c + 1]!.t === 'وهو' || toks[c + 1]!.t === 'وهي')) break;
      break;
    }
    if (isEnd(t) || t === ':') break;
    if (w === 'الذي' || w === 'التي' || w === 'الذين' || w === 'اللذان' || w === 'اللتان' || w === 'اللتين') break;
    if (c > a && t === 'في' && c + 1 < b && (SPEECH_EVENTS.has(toks[c + 1]!.t) || SPEECH_EVENTS.has(stripConj(toks[c + 1]!.t)))) {
      speech = true;
      break;
    }
    if (ADVERB_STARTS.has(t) || (TIME_WORDS.has(t) && isTimePhrase(ctx, c))) break;
    if (c > a && t.startsWith('لل') && t.length > 4 && MEDIA_ADDRESSEES.has(t.slice(2))) break;
    if (c > a && t.length > 3 && t[0] === 'ل' && !t.startsWith('لا') && MEDIA_ADDRESSEES.has(t.slice(1))) break;
    if (c > a && (t === 'ل' || t === 'لـ')) break;
  }
  if (c <= a && latinAfterComma < 0) return undefined;
  // Tokens after the cut that are not adverbials make an object (دعا الملك ضيوفه).
  const end = c;
  let roleStart = a;
  let i = a;
  let nameStart = -1;
  let nameEnd = -1;
  let gender: Gender | undefined;
  // A Latin name in apposition wins.
  if (latinAfterComma >= 0) {
    let e = latinAfterComma;
    while (e < b && LATIN.test(toks[e]!.t)) e++;
    nameStart = latinAfterComma;
    nameEnd = e - 1;
  }
  if (nameStart < 0) {
    // The last run of Latin tokens: "Guo Jiakun", "Sofia Bianchi".
    for (let k = end - 1; k >= a; k--) {
      if (LATIN.test(toks[k]!.t) && ctx.inSpan[k]! < 0) {
        nameEnd = k;
        let s = k;
        while (s - 1 >= a && LATIN.test(toks[s - 1]!.t)) s--;
        nameStart = s;
        break;
      }
    }
    // Only when the Latin run is not an organisation inside the role (لشركة Nordwind Energy).
    if (nameStart > a && /^ل/.test(toks[nameStart - 1]!.t) && BODY_HEADS.has(toks[nameStart - 1]!.t.slice(1))) {
      nameStart = -1;
      nameEnd = -1;
    }
  }
  if (nameStart < 0) {
    // A gazetteer name anywhere in the phrase.
    for (let k = a; k < end; k++) {
      const g = gazetteerAt(ctx, k, end);
      if (g && g.kind !== 'place') {
        nameStart = k;
        nameEnd = g.end;
        break;
      }
      if (g && g.kind === 'place' && k === a && g.end === end - 1) {
        nameStart = k;
        nameEnd = g.end;
        break;
      }
    }
  }
  if (nameStart < 0) {
    // Role words, then a personal name.
    const raw0 = toks[a]!.t;
    const first = ROLE_HEADS.has(raw0) || BODY_HEADS.has(raw0) || COMMON_HEADS.has(raw0) ? raw0 : stripConj(raw0);
    const roleLike = hasArticle(raw0) || ROLE_HEADS.has(first) || BODY_HEADS.has(first);
    if (roleLike) {
      i = a + 1;
      const bodyHead = bodyHeadOf(first);
      // An indefinite head takes its adjectives: "جماعة مسلحة", "مصدر أمني".
      if (!hasArticle(raw0) && i < end && !hasArticle(toks[i]!.t) && /(?:ة|ي|ية)$/u.test(originalText(ctx, i, i)) && !STOP_WORDS.has(toks[i]!.t) && (bodyHeadOf(first) || i + 1 >= end)) i++;
      while (i < end) {
        const t = toks[i]!.t;
        if (ctx.inSpan[i]! >= 0) {
          i++;
          continue;
        }
        const g = gazetteerAt(ctx, i, end);
        if (g && g.kind === 'place') {
          i = g.end + 1;
          continue;
        }
        if (hasArticle(t) || CONSTRUCT.has(t) || (t.length > 3 && t[0] === 'ل' && (CONSTRUCT.has(t.slice(1)) || ROLE_HEADS.has(t.slice(1)))) || t === 'في' || (t.startsWith('وال') && t.length > 4)) {
          i++;
          continue;
        }
        // "في شؤون المناخ": a preposition inside the role.
        break;
      }
      if (i < end && !bodyHead) {
        // A personal name: up to three words, two when more words follow (an object).
        const rest = end - i;
        const max = rest <= 3 ? 3 : 2;
        let k = i;
        while (k < end && k - i < max + 1) {
          const t = toks[k]!.t;
          if (ctx.inSpan[k]! >= 0 || isPunct(t) || STOP_WORDS.has(t)) break;
          if (hasPronounSuffix(ctx, k)) break;
          if (k - i >= max && !NAME_PARTICLES.has(toks[k - 1]!.t)) break;
          if (k > i && hasArticle(t)) {
            // A surname with the article ends the name, unless the first name is compound (نور الهدى سليمان).
            const compound = k === i + 1 && COMPOUND_FIRST.has(toks[i]!.t);
            k++;
            if (!compound) break;
            continue;
          }
          k++;
        }
        if (k > i) {
          nameStart = i;
          nameEnd = k - 1;
        }
      }
      if (ROLE_HEADS.has(first.replace(/^ال/, '')) || ROLE_HEADS.has(first)) {
        if (endsWithTaMarbuta(ctx, a)) gender = 'f';
      }
      if (bodyHead) gender = 'f';
      if (nameStart < 0) {
        // Role only: "رئيس الوزراء", "وزارة الصحة المصرية".
        const next = i;
        const m: Mention = { kind: 'noun', name: originalText(ctx, a, next - 1), start: orig(ctx, toks[a]!.s), end: orig(ctx, toks[next - 1]!.e) };
        const g = gender ?? (looksPlural(toks[a]!.t) ? 'p' : /ان$|ين$/.test(first) && first.length > 5 ? 'p' : undefined);
        if (g) m.gender = g;
        return { mention: m, next, object: next < end, speech };
      }
    } else {
      // No role word: a bare name (ترامب، قو، أبو محمد) or a common noun phrase (مصدر أمني، شهود عيان).
      // "تصريحاته", "بيانها": his statements, her statement — the owner speaks.
      const owner = /^(?:تصريحات|بيان|كلمت|حديث|رسالت|تغريدت|اقوال)(ه|ها|هم)$/.exec(first);
      if (owner && hasPronounSuffix(ctx, a)) {
        const g: Gender = owner[1] === 'ه' ? 'm' : owner[1] === 'ها' ? 'f' : 'p';
        return { mention: { kind: 'pronoun', name: toks[a]!.t, gender: g, start: orig(ctx, toks[a]!.s), end: orig(ctx, toks[a]!.e) }, next: a + 1, object: false, speech: false };
      }
      const common = COMMON_HEADS.has(first);
      if (STOP_WORDS.has(raw0) || STOP_WORDS.has(first) || /^(?:ذلك|هذا|هذه|ذاك|تلك)$/.test(first)) return undefined;
      let k = a;
      const max = common ? 6 : 3;
      while (k < end && k - a < max) {
        const t = toks[k]!.t;
        if (isPunct(t) && ctx.inSpan[k]! < 0) break;
        if (!common && k > a && hasPronounSuffix(ctx, k)) break;
        if (!common && k > a && hasArticle(t) && k - a >= 1) {
          k++;
          break;
        }
        k++;
      }
      const m: Mention = { kind: common ? 'noun' : 'name', name: originalText(ctx, a, k - 1), start: orig(ctx, toks[a]!.s), end: orig(ctx, toks[k - 1]!.e) };
      if (looksPlural(toks[a]!.t) || (common && /^(?:شهود|مراقبون|عشرات|مصادر|سكان|ثلاثه|محللون)$/.test(first)) || (k > a + 1 && looksPlural(toks[k - 1]!.t) && common)) m.gender = 'p';
      return { mention: m, next: k, object: k < end, speech };
    }
  }
  if (nameStart < 0) return undefined;
  roleStart = a;
  const role = nameStart > roleStart ? originalText(ctx, roleStart, nameStart - 1).replace(/[،,]\s*$/u, '').trim() : undefined;
  if (!gender && nameStart > a) {
    const raw0 = toks[a]!.t;
    if ((has(ROLE_HEADS, raw0) || ROLE_HEADS.has(raw0.replace(/^ال/, '')) || hasArticle(raw0)) && endsWithTaMarbuta(ctx, a)) gender = 'f';
  }
  const m: Mention = { kind: 'name', name: originalText(ctx, nameStart, nameEnd), start: orig(ctx, toks[nameStart]!.s), end: orig(ctx, toks[nameEnd]!.e) };
  if (role) m.role = role;
  if (gender) m.gender = gender;
  let next = nameEnd + 1;
  if (latinAfterComma >= 0) next = end;
  return { mention: m, next, object: next < end, speech };
}

/** End of a reported complement: the sentence end, or a comma before another cue or the writer's comment. */
function complementEnd(ctx: Ctx, from: number, n: number): number {
  const { toks } = ctx;
  for (let k = from; k < n; k++) {
    const t = toks[k]!.t;
    if (ctx.inSpan[k]! >= 0) continue;
    if (isEnd(t)) return k;
    if (isComma(t) && k + 1 < n) {
      const nx = toks[k + 1]!.t;
      if (verbAt(nx) || SOURCE_CUES.has(nx) || COMMENT_OPENERS.has(nx) || CLAUSE_OPENERS.has(nx)) return k;
    }
    // "وطالبت بفتح ..." after a comma-less "و": a new reporting act.
    if (k > from && verbAt(t)?.conj && isComma(toks[k - 1]!.t)) return k - 1;
  }
  return n;
}

function trimEndOrig(text: string, s: number, e: number): number {
  while (e > s && /[\s.،,:;!?؟\-–—]/u.test(text[e - 1]!)) e--;
  return e;
}

function pushReported(ctx: Ctx, out: Candidate[], fs: number, fe: number, cue: string, cueAt: number, mention: Mention | undefined): void {
  const s0 = orig(ctx, fs);
  const e0 = trimEndOrig(ctx.text, s0, orig(ctx, fe));
  if (e0 <= s0) return;
  // Direct wins: quoted fragments inside the complement are the quotes.
  const inner: MarkedSpan[] = [];
  for (const sp of ctx.spans) if (sp.open >= s0 && sp.close <= e0 + 1 && !isArabicLabel(ctx.text, sp)) inner.push(sp);
  if (inner.length) {
    for (const sp of inner) out.push({ kind: 'direct', start: sp.start, end: sp.end, cue, cueAt, mention });
    return;
  }
  let s = s0;
  while (s < e0 && /\s/.test(ctx.text[s]!)) s++;
  out.push({ kind: 'reported', start: s, end: e0, cue, cueAt, mention });
}

function pushDirect(ctx: Ctx, out: Candidate[], idx: number, cue: string, cueAt: number, mention: Mention | undefined): boolean {
  const sp = ctx.spans[idx]!;
  if (isArabicLabel(ctx.text, sp)) return false;
  out.push({ kind: 'direct', start: sp.start, end: sp.end, cue, cueAt, mention });
  return true;
}

export interface ArabicResult {
  candidates: Candidate[];
  /** Subjects of sentences, for dropped subjects. */
  subjectAt: SubjectAt;
}

/** The subject of a clause that starts at token a: "التقى وزير الخارجية العماني سالم الهنائي نظيره ...". */
function clauseSubject(ctx: Ctx, a: number, b: number): Mention | undefined {
  const { toks } = ctx;
  let i = a;
  // Skip a leading adverbial up to a comma: "في المقابل،", "وردًا على سؤال عن البطالة،".
  for (let k = a; k < Math.min(b, a + 7); k++) {
    if (isComma(toks[k]!.t)) {
      const first = stripConj(toks[a]!.t);
      if (STOP_WORDS.has(toks[a]!.t) || STOP_WORDS.has(first) || first === 'ردا' || first.startsWith('ب') || first === 'في') i = k + 1;
      break;
    }
  }
  // "في حين أن X", "أما X", "لكن X".
  for (let k = i; k < Math.min(b, i + 4); k++) {
    const t = toks[k]!.t;
    const prev = k > 0 ? toks[k - 1]!.t : '';
    if ((t === 'ان' && (prev === 'حين' || prev === 'رغم' || prev === 'بالرغم' || prev === 'مع' || prev === 'حيث')) || t === 'اما' || t === 'لكن' || t === 'ولكن' || t === 'بينما' || t === 'وبينما') {
      i = k + 1;
      break;
    }
  }
  if (i >= b) return undefined;
  const first = toks[i]!.t;
  // Verb first (VSO): the subject follows the verb.
  const nounFirst = (hasArticle(first) && !/^ال(?:تق|تف|تز|تح)/.test(first)) || has(ROLE_HEADS, first) || has(BODY_HEADS, first) || LATIN.test(first) || gazetteerAt(ctx, i, b) !== undefined;
  const s = nounFirst ? i : i + 1;
  if (s >= b) return undefined;
  if (verbAt(toks[s]!.t)) return undefined;
  // The phrase runs to the first preposition or punctuation.
  let e = s;
  while (e < b && !isPunct(toks[e]!.t) && !['الي', 'علي', 'عن', 'من', 'مع', 'في', 'امام', 'لدي', 'بعد', 'قبل', 'خلال'].includes(toks[e]!.t) && !verbAt(toks[e]!.t) && e - s < 9) e++;
  if (e <= s) return undefined;
  const np = parseNP(ctx, s, e);
  if (!np) return undefined;
  if (np.mention.kind === 'name' && has(STOP_WORDS, toks[s]!.t)) return undefined;
  return np.mention;
}

export function arabicCandidates(text: string, f: Folded, sentences: Sentence[], spans: MarkedSpan[], gaz: Gazetteer): ArabicResult {
  const candidates: Candidate[] = [];
  const n = sentences.length;
  const ctxs: (Ctx | undefined)[] = new Array<Ctx | undefined>(n);
  const subjects: (Mention | null | undefined)[] = new Array<Mention | null | undefined>(n);
  // Sentence offsets are original; their folded starts come from a forward walk over the map.
  const fStart = new Int32Array(n + 1);
  for (let si = 0; si < n; si++) {
    const start = sentences[si]!.start;
    let lo = si > 0 ? fStart[si - 1]! : 0;
    let hi = f.text.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (f.map[mid]! < start) lo = mid + 1;
      else hi = mid;
    }
    fStart[si] = lo;
  }
  const fEnd = (si: number): number => {
    // The first folded offset at or after the sentence end: a binary search over the (increasing) map.
    const end = sentences[si]!.end;
    let lo = fStart[si]!;
    let hi = f.text.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (f.map[mid]! < end) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const ctxAt = (si: number): Ctx => {
    let c = ctxs[si];
    if (!c) {
      const toks = tokenize(f.text, fStart[si]!, fEnd(si));
      const inSpan = new Int32Array(toks.length);
      for (let k = 0; k < toks.length; k++) inSpan[k] = spans.length ? spanIndexAt(spans, f.map[toks[k]!.s]!) : -1;
      c = { text, f, toks, spans, inSpan, gaz };
      ctxs[si] = c;
    }
    return c;
  };
  const subjectOf = (si: number): Mention | undefined => {
    if (si < 0 || si >= n) return undefined;
    let m = subjects[si];
    if (m === undefined) {
      const c = ctxAt(si);
      m = c.toks.length ? (clauseSubject(c, 0, c.toks.length) ?? null) : null;
      subjects[si] = m;
    }
    return m ?? undefined;
  };
  // Sentences holding a cue word: one scan of the folded text.
  let si = 0;
  let last = -1;
  CUE_SCAN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CUE_SCAN.exec(f.text))) {
    const at = f.map[m.index]!;
    while (si < n && sentences[si]!.end <= at) si++;
    if (si >= n) break;
    if (si === last || at < sentences[si]!.start) continue;
    last = si;
    const here = si;
    analyzeSentence(ctxAt(here), candidates, () => subjectOf(here));
  }
  const subjectAt = (si: number): Mention[] => {
    const m = subjectOf(si);
    return m ? [m] : [];
  };
  return { candidates, subjectAt };
}

function analyzeSentence(ctx: Ctx, out: Candidate[], sentenceSubject: () => Mention | undefined): void {
  const { toks } = ctx;
  const n = toks.length;
  const used = new Set<number>();
  let lastMention: Mention | undefined;
  // The subject of the clause so far, for participles and conjoined verbs (", وقال إنه").
  let clauseSubj: Mention | undefined;
  let subjectKnown = false;
  for (let k = 0; k < n; k++) {
    if (ctx.inSpan[k]! >= 0 || used.has(k) || k < (ctx.consumedUntil ?? 0)) continue;
    const t = toks[k]!.t;
    if (VAGUE_AR.has(stripConj(t))) continue;
    // Attribution cues: بحسب X، وفقًا لـX، نقلًا عن X.
    if (SOURCE_CUES.has(t)) {
      const r = sourceCue(ctx, out, k, used);
      if (r) lastMention = r;
      continue;
    }
    const relay = RELAY_NOUNS.get(t);
    if (relay) {
      const r = relayed(ctx, out, k, relay);
      if (r) lastMention = r;
      continue;
    }
    // «ويُدعى علي حسن» names someone; it is not «يدّعي» (claims).
    if (t === 'ويدعي') continue;
    const v = verbAt(t);
    if (!v) continue;
    // "بحسب ما قاله", "كما قال": handled by the cue or as a complement before the verb.
    const prev = k > 0 ? toks[k - 1]!.t : '';
    if (!lastMention && !subjectKnown && v.info.participle) {
      clauseSubj = sentenceSubject();
      subjectKnown = true;
    }
    const m = analyzeVerb(ctx, out, k, v.info, v.conj || prev === 'وقد' || prev === 'فقد' || prev === 'قد' || prev === 'لقد', RELATIVE_BEFORE.has(prev), lastMention ?? clauseSubj);
    if (m) {
      lastMention = m;
      if (m.kind !== 'drop' && m.kind !== 'pronoun') {
        clauseSubj = m;
        subjectKnown = true;
      }
    }
  }
}

/** Speaker and complement of one reporting verb at token k. Returns the speaker mention when a quote was made. */
function analyzeVerb(ctx: Ctx, out: Candidate[], k: number, info: VerbInfo, conj: boolean, relative: boolean, prior: Mention | undefined): Mention | undefined {
  const { toks } = ctx;
  const n = toks.length;
  const cueTok = toks[k]!;
  const cue = ctx.text.slice(orig(ctx, cueTok.s), orig(ctx, cueTok.e));
  const cueAt = orig(ctx, cueTok.s);
  // "لم يذكر", "لن يقول": negated verbs report nothing.
  const before = k > 0 ? toks[k - 1]!.t : '';
  if (before === 'لم' || before === 'لن' || before === 'لا' || before === 'ولم' || before === 'ولا') return undefined;
  // Find the complement marker.
  let marker: { type: 'that' | 'colon' | 'direct' | 'prep'; at: number } | undefined;
  for (let j = k + 1; j < n && j - k < 30; j++) {
    const t = toks[j]!.t;
    if (ctx.inSpan[j]! >= 0) {
      const sp = ctx.spans[ctx.inSpan[j]!]!;
      if (orig(ctx, toks[j]!.s) <= sp.open + 1 && !isArabicLabel(ctx.text, sp)) {
        marker = { type: 'direct', at: j };
        break;
      }
      // A name in marks: skip past it.
      while (j + 1 < n && ctx.inSpan[j + 1]! >= 0 && ctx.spans[ctx.inSpan[j + 1]!] === sp) j++;
      continue;
    }
    if (isEnd(t)) break;
    if (THAT.has(t)) {
      marker = { type: 'that', at: j };
      break;
    }
    if (t === ':') {
      marker = { type: 'colon', at: j };
      break;
    }
    if (j > k + 1 && verbAt(t) && !VERBS.get(t)?.participle && t !== 'ويدعي' && t !== 'يدعي') break;
    if (j > k + 1 && (t === 'قايلا' || t === 'قايله')) continue;
    if (info.preps.length) {
      const prepHit = info.preps.some((p) => (p === 'ب' ? t.length > 2 && t[0] === 'ب' && !SPEECH_EVENTS.has(t.slice(1)) && toks[j - 1]!.t !== 'في' && !THAT.has(t) && !gazetteerAt(ctx, j, n) : t === p));
      if (prepHit) {
        marker = { type: 'prep', at: j };
        break;
      }
    }
  }
  // The speaker phrase: between the verb and the marker (VSO), else before the verb (SVO), else dropped.
  let npEnd = marker ? marker.at : complementEndForNoun(ctx, k + 1, n);
  // وصف takes an object before بأن: "ووصف المدرب أداء فريقه بأنه ...".
  if (info.lemma === 'وصف' && marker && npEnd - (k + 1) >= 2) {
    npEnd--;
    if (npEnd - (k + 1) >= 2 && hasPronounSuffix(ctx, npEnd)) npEnd--;
  }
  let np = npEnd > k + 1 ? parseNP(ctx, k + 1, npEnd) : undefined;
  let svo = false;
  let mention: Mention | undefined = np?.mention;
  if (np && info.objectGuard && np.object && !np.speech) return undefined;
  if (!mention && !conj && !info.participle) {
    // SVO: the clause before the verb.
    let a = k - 1;
    while (a >= 0 && !isComma(toks[a]!.t) && !isEnd(toks[a]!.t) && !CLAUSE_OPENERS.has(toks[a]!.t) && ctx.inSpan[a]! < 0 && k - a <= 10) a--;
    let s = a + 1;
    while (s < k && (toks[s]!.t === 'فقد' || toks[s]!.t === 'قد')) s++;
    let e = k;
    while (e > s && (toks[e - 1]!.t === 'فقد' || toks[e - 1]!.t === 'قد' || toks[e - 1]!.t === 'لقد')) e--;
    if (e > s) {
      const first = toks[s]!.t;
      const okStart = hasArticle(first) || has(ROLE_HEADS, first) || has(BODY_HEADS, first) || LATIN.test(first) || gazetteerAt(ctx, s, e) !== undefined || COMMON_HEADS.has(first);
      if (okStart) {
        const before = parseNP(ctx, s, e);
        if (before) {
          np = before;
          mention = before.mention;
          svo = true;
        }
      } else if (s > 0 || e - s > 0) {
        // Something that is not a speaker stands before the verb (تقارير ... تشير إلى أن): leave it.
        if (!(a >= 0 && isComma(toks[a]!.t) && e === s)) return undefined;
      }
    }
  }
  if (mention && info.gender === 'p' && !mention.gender && mention.kind !== 'name') mention.gender = 'p';
  if (mention && info.gender === 'f' && !mention.gender) mention.gender = 'f';
  if (mention && info.gender === 'm' && !mention.gender && (mention.kind === 'name' || mention.kind === 'noun')) mention.gender = 'm';
  if (marker) ctx.consumedUntil = Math.max(ctx.consumedUntil ?? 0, marker.at);
  if (!mention) {
    // Dropped subject: resolved later from the clause, the sentence or earlier speakers.
    mention = { kind: 'drop', name: '', start: cueAt, end: cueAt, ...(info.gender && info.gender !== 'm' ? { gender: info.gender } : info.gender === 'm' ? { gender: 'm' as Gender } : {}) };
    if (info.participle && prior) mention = { ...prior };
  }
  if (relative) {
    // "، حسبما ذكرت X" / "كما قال X": the complement stands before.
    const e = k - 2;
    if (e >= 0) complementBefore(ctx, out, e, cue, cueAt, mention);
    return mention;
  }
  if (!marker) {
    // Noun complements of نفى / أعلن: the object after the speaker.
    const objStart = svo ? k + 1 : np?.next;
    if (info.noun && np && objStart !== undefined && objStart < n) {
      const s = objStart;
      const e = complementEnd(ctx, s, n);
      if (e > s && !isComma(toks[s]!.t)) {
        pushReported(ctx, out, toks[s]!.s, toks[e - 1]!.e, cue, cueAt, mention);
        return mention;
      }
    }
    // Quotation before the verb: «...»، قال X، «...».
    let made = false;
    if (k >= 1) {
      let b = k - 1;
      if (isComma(toks[b]!.t) && b >= 1) b--;
      const idx = ctx.inSpan[b]!;
      if (idx >= 0) made = pushDirect(ctx, out, idx, cue, cueAt, mention) || made;
    }
    if (made && np) {
      // And a second part after the attribution.
      let j = npEnd;
      while (j < n && (isComma(toks[j]!.t) || ctx.inSpan[j]! < 0) && j - npEnd < 6) {
        if (ctx.inSpan[j]! >= 0) break;
        j++;
      }
      if (j < n && ctx.inSpan[j]! >= 0) pushDirect(ctx, out, ctx.inSpan[j]!, cue, cueAt, mention);
    }
    return made ? mention : undefined;
  }
  if (np && np.object && (marker.type === 'that' || marker.type === 'prep') && info.objectGuard && !np.speech) return undefined;
  switch (marker.type) {
    case 'direct': {
      if (!pushDirect(ctx, out, ctx.inSpan[marker.at]!, cue, cueAt, mention)) return undefined;
      return mention;
    }
    case 'colon': {
      const s = marker.at + 1;
      if (s < n && ctx.inSpan[s]! >= 0) {
        if (pushDirect(ctx, out, ctx.inSpan[s]!, cue, cueAt, mention)) return mention;
        return undefined;
      }
      const e = complementEnd(ctx, s, n);
      if (e > s) pushReported(ctx, out, toks[s]!.s, toks[e - 1]!.e, cue, cueAt, mention);
      return mention;
    }
    case 'that': {
      const s = marker.at + 1;
      if (s >= n) return undefined;
      const e = complementEnd(ctx, s, n);
      if (e <= s) return undefined;
      pushReported(ctx, out, toks[s]!.s, toks[e - 1]!.e, cue, cueAt, mention);
      return mention;
    }
    case 'prep': {
      const p = toks[marker.at]!;
      let s = marker.at + 1;
      let startF = s < n ? toks[s]!.s : p.e;
      if (p.t[0] === 'ب' && p.t.length > 2 && !THAT.has(p.t)) {
        // طالب بالإفراج → الإفراج: the prefix is dropped.
        startF = p.s + 1;
        s = marker.at;
      } else if (s < n && THAT.has(toks[s]!.t)) {
        s++;
        startF = s < n ? toks[s]!.s : p.e;
      } else if (info.thatAfterPrep) return undefined;
      if (s >= n) return undefined;
      const e = complementEnd(ctx, s === marker.at ? s + 1 : s, n);
      if (e <= s) return undefined;
      pushReported(ctx, out, startF, toks[e - 1]!.e, cue, cueAt, mention);
      return mention;
    }
  }
  return undefined;
}

function complementEndForNoun(ctx: Ctx, from: number, n: number): number {
  for (let k = from; k < n; k++) {
    const t = ctx.toks[k]!.t;
    if (isEnd(t) || (isComma(t) && ctx.inSpan[k]! < 0)) return k;
  }
  return n;
}

/** The clause before a postposed cue, ending at token e (a comma or the word before the cue). */
function complementBefore(ctx: Ctx, out: Candidate[], e: number, cue: string, cueAt: number, mention: Mention): void {
  const { toks } = ctx;
  let b = e;
  while (b >= 0 && isComma(toks[b]!.t)) b--;
  if (b < 0) return;
  const idx = ctx.inSpan[b]!;
  if (idx >= 0) {
    pushDirect(ctx, out, idx, cue, cueAt, mention);
    return;
  }
  // Back to the start of the sentence (or of the clause after a leading connective).
  let s = 0;
  while (s < b && (CLAUSE_OPENERS.has(toks[s]!.t) || isComma(toks[s]!.t)) && s < 2) s++;
  if (b >= s) pushReported(ctx, out, toks[s]!.s, toks[b]!.e, cue, cueAt, mention);
}

/** بحسب X، ... / ...، وفقًا لـX / نقلًا عن X، فإن ... */
function sourceCue(ctx: Ctx, out: Candidate[], k: number, used: Set<number>): Mention | undefined {
  const { toks } = ctx;
  const n = toks.length;
  const t0 = toks[k]!.t;
  const t = SOURCE_BASES.has(t0) ? t0 : t0.slice(1);
  let s = k + 1;
  if (t === 'نقلا') {
    if (s >= n || toks[s]!.t !== 'عن') return undefined;
    s++;
  }
  let cueEnd = k;
  if (s < n && (toks[s]!.t === 'ل' || toks[s]!.t === 'لـ')) s++;
  // "بحسب ما قاله X", "وفقًا لما ذكره X".
  let stripL = (t === 'وفقا' || t === 'طبقا') && s < n && toks[s]!.t !== 'لما';
  if (s < n && (toks[s]!.t === 'ما' || toks[s]!.t === 'لما')) {
    s++;
    if (s < n && /^[\u0621-\u064A]+$/.test(toks[s]!.t)) {
      const base = toks[s]!.t.replace(/(?:ه|ها|هم|هما)$/u, '');
      if (verbAt(base) || verbAt(toks[s]!.t)) {
        used.add(s);
        s++;
      }
    }
    stripL = false;
  }
  if (s >= n) return undefined;
  // The source phrase runs to a comma or the end.
  let e = s;
  while (e < n && !isComma(toks[e]!.t) && !isEnd(toks[e]!.t) && ctx.inSpan[e]! < 0) e++;
  if (e <= s) return undefined;
  const np = parseNPWithoutLam(ctx, s, e, stripL);
  if (!np) return undefined;
  const mention = np.mention;
  const cueTok = toks[k]!;
  cueEnd = k + (t === 'نقلا' ? 1 : 0);
  const cueText = ctx.text.slice(orig(ctx, cueTok.s), orig(ctx, toks[cueEnd]!.e)) + ((t === 'وفقا' || t === 'طبقا') && k + 1 < n ? ' ل' : '');
  const cueAt = orig(ctx, cueTok.s);
  // Preposed: the cue opens the sentence and a comma follows the source.
  let lead = 0;
  while (lead < k && (STOP_WORDS.has(toks[lead]!.t) || isComma(toks[lead]!.t))) lead++;
  if (lead === k && e < n && isComma(toks[e]!.t)) {
    let c = e + 1;
    if (c < n && (THAT.has(toks[c]!.t) || toks[c]!.t === 'فان')) c++;
    const end = complementEnd(ctx, c, n);
    if (end > c) pushReported(ctx, out, toks[c]!.s, toks[end - 1]!.e, cueText, cueAt, mention);
    return mention;
  }
  // Postposed: "...، وفقًا لـX".
  if (k > 0) complementBefore(ctx, out, k - 1, cueText, cueAt, mention);
  return mention;
}

function parseNPWithoutLam(ctx: Ctx, s: number, e: number, stripL: boolean): NP | undefined {
  if (!stripL) return parseNP(ctx, s, e);
  // "لهيئة الطيران المدني" → "هيئة الطيران المدني", "للمسؤولين الصينيين" → "المسؤولين الصينيين".
  const tok = ctx.toks[s]!;
  const w = tok.t;
  let cut = 0;
  if (w.startsWith('لل')) cut = 1;
  else if (w[0] === 'ل' && w.length > 3) cut = 1;
  if (!cut) return parseNP(ctx, s, e);
  const saved = ctx.toks[s]!;
  ctx.toks[s] = { t: w.startsWith('لل') ? `ا${w.slice(1)}` : w.slice(1), s: saved.s + 1, e: saved.e };
  try {
    const np = parseNP(ctx, s, e);
    if (np && w.startsWith('لل') && np.mention.start === ctx.f.map[saved.s + 1]) {
      // Restore the article the preposition swallowed: للمسؤولين → المسؤولين.
      np.mention.name = `ال${np.mention.name.replace(/^ل/, '')}`;
    }
    return np;
  } finally {
    ctx.toks[s] = saved;
  }
}

/** «نقلت X عن Y قوله إن ...»: the speaker is Y (or the pronoun in عنه). */
function relayed(ctx: Ctx, out: Candidate[], k: number, gender: Gender): Mention | undefined {
  const { toks } = ctx;
  const n = toks.length;
  let mention: Mention | undefined;
  for (let j = k - 1; j >= 0 && k - j <= 14; j--) {
    const t = toks[j]!.t;
    if (t === 'عن') {
      const np = parseNP(ctx, j + 1, k);
      if (np) mention = np.mention;
      break;
    }
    if (t === 'عنه' || t === 'عنها' || t === 'عنهم') {
      const g: Gender = t === 'عنه' ? 'm' : t === 'عنها' ? 'f' : 'p';
      const at = orig(ctx, toks[j]!.s);
      mention = { kind: 'pronoun', name: t, gender: g, start: at, end: orig(ctx, toks[j]!.e) };
      break;
    }
    if (isEnd(t)) break;
  }
  if (!mention) mention = { kind: 'drop', name: '', gender, start: orig(ctx, toks[k]!.s), end: orig(ctx, toks[k]!.s) };
  let s = k + 1;
  if (s < n && THAT.has(toks[s]!.t)) s++;
  else if (s < n && toks[s]!.t === ':') s++;
  else return undefined;
  const e = complementEnd(ctx, s, n);
  if (e <= s) return undefined;
  const cue = ctx.text.slice(orig(ctx, toks[k]!.s), orig(ctx, toks[k]!.e));
  pushReported(ctx, out, toks[s]!.s, toks[e - 1]!.e, cue, orig(ctx, toks[k]!.s), mention);
  return mention;
}

