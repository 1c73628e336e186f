// Arabic stage 2, cues: reporting verbs with their agreement forms, participles and complement types,
// and one scan that finds the sentences holding any cue.

import type { Gender } from '../internal.ts';
import { RELAY_NOUNS, SOURCE_CUES } from '../words-ar.ts';

export interface VerbInfo {
  lemma: string;
  gender: Gender | undefined;
  participle: boolean;
  preps: string[];
  thatAfterPrep: boolean;
  objectGuard: boolean;
}

export const VERBS = new Map<string, VerbInfo>();

function verb(lemma: string, m: string, f: string, p: string, opts: Partial<Pick<VerbInfo, 'preps' | 'thatAfterPrep' | 'objectGuard'>> & { participles?: string } = {}): void {
  const parts = new Set((opts.participles ?? '').split(' ').filter(Boolean));
  const add = (forms: string, gender: Gender | undefined): void => {
    for (const form of forms.split(' ').filter(Boolean)) {
      VERBS.set(form, {
        lemma,
        gender,
        participle: parts.has(form),
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
verb('قال', 'قال يقول قايلا', 'قالت تقول قايله', 'قالوا قالا قالتا يقولون يقولان قايلين قلن يقلن', { participles: 'قايلا قايله قايلين' });
verb('اضاف', 'اضاف يضيف مضيفا', 'اضافت تضيف مضيفه', 'اضافوا اضافا اضافتا يضيفون مضيفين اضفن يضفن', { participles: 'مضيفا مضيفه مضيفين' });
verb('اكد', 'اكد يوكد موكدا', 'اكدت توكد موكده', 'اكدوا اكدا اكدتا يوكدون موكدين اكدن يوكدن', { preps: ['علي'], participles: 'موكدا موكده موكدين' });
verb('اوضح', 'اوضح يوضح موضحا', 'اوضحت توضح موضحه', 'اوضحوا اوضحا يوضحون موضحين اوضحن يوضحن', { participles: 'موضحا موضحه موضحين' });
// أعلن and نفى report only a clause or a quotation: «أعلنت الشركة خفض الأسعار» announces an action, and a
// denial of a noun («نفت الوزارة الاتهامات») states no proposition.
verb('اعلن', 'اعلن يعلن معلنا', 'اعلنت تعلن معلنه', 'اعلنوا اعلنا يعلنون معلنين', { participles: 'معلنا معلنه معلنين' });
verb('صرح', 'صرح يصرح مصرحا', 'صرحت تصرح مصرحه', 'صرحوا صرحا يصرحون', { participles: 'مصرحا مصرحه' });
verb('ذكر', 'ذكر يذكر', 'ذكرت تذكر', 'ذكروا ذكرا يذكرون', {});
verb('اشار', 'اشار يشير مشيرا', 'اشارت تشير مشيره', 'اشاروا اشارا يشيرون مشيرين اشرن يشرن', { preps: ['الي'], thatAfterPrep: true, participles: 'مشيرا مشيره مشيرين' });
verb('لفت', 'لفت يلفت لافتا', 'لفتت تلفت لافته', 'لفتوا', { preps: ['الي'], thatAfterPrep: true, participles: 'لافتا لافته' });
verb('شدد', 'شدد يشدد مشددا', 'شددت تشدد مشدده', 'شددوا شددا يشددون', { preps: ['علي'], participles: 'مشددا مشدده' });
verb('نفي', 'نفي ينفي ينف نافيا', 'نفت تنفي تنف نافيه', 'نفوا ينفون', { participles: 'نافيا نافيه' });
verb('ادعي', 'ادعي يدعي مدعيا', 'ادعت تدعي', 'ادعوا يدعون', { participles: 'مدعيا' });
verb('زعم', 'زعم يزعم زاعما', 'زعمت تزعم', 'زعموا يزعمون', { participles: 'زاعما' });
verb('اعرب', 'اعرب يعرب معربا', 'اعربت تعرب معربه', 'اعربوا اعربا يعربون', { preps: ['عن'], participles: 'معربا معربه' });
verb('اعتبر', 'اعتبر يعتبر معتبرا', 'اعتبرت تعتبر معتبره', 'اعتبروا يعتبرون', { participles: 'معتبرا معتبره' });
verb('راي', 'راي يري', 'رات تري', 'راوا يرون', {});
verb('تابع', 'تابع متابعا', 'تابعت متابعه', 'تابعوا', { participles: 'متابعا متابعه' });
verb('حذر', 'حذر يحذر محذرا', 'حذرت تحذر محذره', 'حذروا يحذرون', { preps: ['من'], participles: 'محذرا محذره' });
verb('دعا', 'دعا يدعو داعيا', 'دعت تدعو داعيه', 'دعوا يدعون', { preps: ['الي'], objectGuard: true, participles: 'داعيا داعيه' });
verb('طالب', 'طالب يطالب مطالبا', 'طالبت تطالب مطالبه', 'طالبوا يطالبون', { preps: ['ب'], participles: 'مطالبا مطالبه' });
verb('كشف', 'كشف يكشف كاشفا', 'كشفت تكشف كاشفه', 'كشفوا يكشفون', { preps: ['عن'], participles: 'كاشفا كاشفه' });
verb('افاد', 'افاد يفيد مفيدا', 'افادت تفيد', 'افادوا يفيدون', { participles: 'مفيدا' });
verb('وصف', 'وصف يصف واصفا', 'وصفت تصف واصفه', 'وصفوا يصفون', { preps: ['ب'], participles: 'واصفا واصفه' });
verb('ابلغ', 'ابلغ', 'ابلغت', 'ابلغوا', {});
verb('اعترف', 'اعترف يعترف معترفا', 'اعترفت تعترف', 'اعترفوا', { preps: ['ب'], participles: 'معترفا' });
// «أقرّ بأن …» admits; «أقرّت الحكومة الخطة بصيغتها» approves: أقرّ reports a clause or a quotation, never «بـ» and a noun.
verb('اقر', 'اقر يقر مقرا', 'اقرت تقر', 'اقروا', { participles: 'مقرا' });
// Writing and posting verbs report what follows a colon, a quotation or أنّ: «كتب في تدوينة: ...».
verb('كتب', 'كتب يكتب', 'كتبت تكتب', 'كتبوا يكتبون', {});
verb('غرد', 'غرد يغرد مغردا', 'غردت تغرد مغرده', 'غردوا يغردون', { participles: 'مغردا مغرده' });
verb('نشر', 'نشر ينشر', 'نشرت تنشر', 'نشروا ينشرون', {});
// (The masculine past «دوّن» is left out: unvoweled it is «دون», without.)
verb('دون', 'يدون', 'دونت تدون', 'دونوا يدونون', {});
// Belief verbs with a clause: «يعتقد الباحث أن ...» (رأى and اعتبر above).
verb('اعتقد', 'اعتقد يعتقد', 'اعتقدت تعتقد', 'اعتقدوا يعتقدون', {});
// Expectation, likelihood and narration: «متوقعًا أن …», «مرجحًا أن …», «توقعت الوزارة أن …», «ويروي X أن …». (The bare «يتوقع» and «روى»
// read as the passive «يُتوقَّع أن», «رُوي أن» too: see PASSIVE_READINGS.)
verb('توقع', 'توقع يتوقع متوقعا', 'توقعت تتوقع متوقعه', 'توقعوا يتوقعون متوقعين', { participles: 'متوقعا متوقعه متوقعين' });
verb('رجح', 'رجح مرجحا', 'رجحت مرجحه', 'رجحوا مرجحين', { participles: 'مرجحا مرجحه مرجحين' });
// «مكتفيًا بالقول إن …»: only with «بالقول» (see findMarker); «اكتفى بالصمت» reports nothing.
verb('اكتفي', 'اكتفي مكتفيا', 'اكتفت مكتفيه', 'اكتفوا مكتفين', { participles: 'مكتفيا مكتفيه مكتفين' });
// «وردّت الوزيرة بأن …» (only with بأنّ, see findMarker: «في ردّ على سؤال» is a noun).
verb('رد', 'رد يرد', 'ردت ترد', 'ردوا يردون', {});
verb('روي', 'روي يروي', 'روت تروي', 'رووا يروون', {});
// What a study or a document found: «أظهرت الدراسة أن …», «خلص التقرير إلى أن …» (the document speaks; «يظهر أن …» with
// no subject is «it seems», see PASSIVE_READINGS).
verb('اظهر', 'اظهر يظهر', 'اظهرت تظهر', 'اظهروا', {});
verb('خلص', 'خلص يخلص', 'خلصت تخلص', 'خلصوا', { preps: ['الي'], thatAfterPrep: true });
// «وجاء في بيان …»: read only before «في» and a document, or «فيه» (see cameIn); «جاء» alone is «came».
verb('جاء', 'جاء', 'جاءت', '', {});
// Closing words, ruling out, complaining, answering and warning: «وختم حديثه قائلًا», «وتختم: «…»», «استبعد أن …»,
// «تشتكي من أن …», «أجاب بأن …», «نبّه إلى أن …».
verb('ختم', 'ختم يختم', 'ختمت تختم', 'ختموا', {});
verb('اختتم', 'اختتم يختتم', 'اختتمت تختتم', 'اختتموا', {});
verb('استبعد', 'استبعد يستبعد مستبعدا', 'استبعدت تستبعد مستبعده', 'استبعدوا يستبعدون', { participles: 'مستبعدا مستبعده' });
verb('اشتكي', 'اشتكي يشتكي', 'اشتكت تشتكي', 'اشتكوا يشتكون', { preps: ['من'], thatAfterPrep: true });
verb('اجاب', 'اجاب يجيب مجيبا', 'اجابت تجيب مجيبه', 'اجابوا يجيبون', { participles: 'مجيبا مجيبه' });
verb('نبه', 'نبه ينبه منبها', 'نبهت تنبه منبهه', 'نبهوا ينبهون', { preps: ['الي'], thatAfterPrep: true, participles: 'منبها منبهه' });
verb('تساءل', 'تساءل يتساءل متساءلا', 'تساءلت تتساءل', 'تساءلوا', { participles: 'متساءلا' });

// More verbs of saying that editors use for variety: «أردف»، «بيّن»، «نوّه إلى أن»، «ألمح إلى أن»، «جزم بأن»،
// «لاحظ»، «استطرد»، «استدرك»، «تعهّد بأن»، «أصرّ على أن»، «طمأن إلى أن»، «علّق»، «عقّب»، «أورد»، «أبرز»،
// «شرح»، «أكمل»، «قدّر». Unvoweled forms that are also a common other word are left out: «بين» (between), «عقب»
// (after), «أبرز» (most prominent), «قدر» (amount); «سجّل» scores goals and records figures far more often than it reports.
verb('اردف', 'اردف يردف مردفا', 'اردفت تردف مردفه', 'اردفوا', { participles: 'مردفا مردفه' });
verb('بين', 'يبين مبينا', 'بينت مبينه', 'بينوا يبينون', { participles: 'مبينا مبينه' });
verb('نوه', 'نوه ينوه منوها', 'نوهت تنوه منوهه', 'نوهوا', { preps: ['الي', 'ب'], thatAfterPrep: true, participles: 'منوها منوهه' });
verb('المح', 'المح يلمح ملمحا', 'المحت تلمح ملمحه', 'المحوا', { preps: ['الي'], thatAfterPrep: true, participles: 'ملمحا ملمحه' });
verb('جزم', 'جزم يجزم جازما', 'جزمت تجزم جازمه', 'جزموا', { preps: ['ب'], thatAfterPrep: true, participles: 'جازما جازمه' });
verb('لاحظ', 'لاحظ ملاحظا', 'لاحظت تلاحظ', 'لاحظوا', {});
verb('استطرد', 'استطرد يستطرد مستطردا', 'استطردت تستطرد مستطرده', 'استطردوا', { participles: 'مستطردا مستطرده' });
verb('استدرك', 'استدرك يستدرك مستدركا', 'استدركت تستدرك مستدركه', 'استدركوا', { participles: 'مستدركا مستدركه' });
verb('تعهد', 'تعهد يتعهد متعهدا', 'تعهدت تتعهد متعهده', 'تعهدوا', { preps: ['ب'], thatAfterPrep: true, participles: 'متعهدا متعهده' });
verb('اصر', 'اصر يصر مصرا', 'اصرت تصر مصره', 'اصروا', { preps: ['علي'], thatAfterPrep: true, participles: 'مصرا مصره' });
verb('طمان', 'طمان يطمين مطمينا', 'طمانت تطمين', 'طمانوا', { preps: ['الي'], thatAfterPrep: true, participles: 'مطمينا' });
verb('علق', 'علق يعلق معلقا', 'علقت تعلق معلقه', 'علقوا', { participles: 'معلقا معلقه' });
verb('عقب', 'يعقب معقبا', 'عقبت تعقب معقبه', 'عقبوا', { participles: 'معقبا معقبه' });
verb('اورد', 'اورد يورد', 'اوردت تورد', 'اوردوا', {});
verb('ابرز', 'يبرز مبرزا', 'ابرزت تبرز مبرزه', 'ابرزوا', { participles: 'مبرزا مبرزه' });
verb('شرح', 'شرح يشرح شارحا', 'شرحت تشرح شارحه', 'شرحوا', { participles: 'شارحا شارحه' });
verb('اكمل', 'اكمل', 'اكملت', 'اكملوا', {});
verb('قدر', 'يقدر مقدرا', 'قدرت تقدر مقدره', 'قدروا', { participles: 'مقدرا مقدره' });

// Masculine forms that unvoweled also read as a passive with no agent: «ويُعتقد أن», «ويُذكر أن», «ويُتوقع أن»,
// «ورُوي أن». Right before their complement, with no subject named, they report nobody.
export const PASSIVE_READINGS = new Set(['يعتقد', 'يذكر', 'يتوقع', 'روي', 'يعتبر', 'يظهر', 'يبدو', 'يقدر', 'يلاحظ', 'يبين']);

// Negations before a verb; and the verbs that, negated with a complement, still say something: «لم يستبعد أن»
// (did not rule out that), «لم ينفِ أن».
export const NEGATIONS = new Set(['لم', 'لن', 'لا', 'ولم', 'ولا']);
export const LITOTES = new Set(['استبعد', 'نفي']);

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

// «روى» alone is also the given name Rui/Roy («المدرب البرتغالي روي …»): only «وروى»/«فروى» report.
VERB_FORMS.delete('روي');

export function verbAt(t: string): { info: VerbInfo; conj: boolean } | undefined {
  return VERB_FORMS.get(t);
}
