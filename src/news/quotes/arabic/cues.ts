// Arabic stage 2, cues: reporting verbs with their agreement forms, participles and complement types,
// and one scan that finds the sentences holding any cue.

import type { Gender } from '../internal.ts';
import { RELAY_NOUNS, SOURCE_CUES } from '../words-ar.ts';

export interface VerbInfo {
  lemma: string;
  gender: Gender | undefined;
  participle: boolean;
  colon: boolean;
  noun: boolean;
  preps: string[];
  thatAfterPrep: boolean;
  objectGuard: boolean;
}

export const VERBS = new Map<string, VerbInfo>();

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

// Every cue form as one regex over the folded text, with Arabic word boundaries.
export const CUE_SCAN = (() => {
  const forms = new Set<string>([...VERBS.keys(), ...SOURCE_CUES, ...RELAY_NOUNS.keys()]);
  const alts = [...forms].sort((a, b) => b.length - a.length).join('|');
  return new RegExp(`(?<![\\u0621-\\u064A])(?:[وف])?(?:${alts})(?![\\u0621-\\u064A])`, 'g');
})();

// Every written form, with and without a conjunction: one lookup per token.
export const VERB_FORMS = new Map<string, { info: VerbInfo; conj: boolean }>();
for (const [form, info] of VERBS) {
  VERB_FORMS.set(form, { info, conj: false });
  for (const c of ['و', 'ف']) if (!VERBS.has(c + form)) VERB_FORMS.set(c + form, { info, conj: true });
}

export function verbAt(t: string): { info: VerbInfo; conj: boolean } | undefined {
  return VERB_FORMS.get(t);
}
