import { describe, expect, it } from 'vitest';
import { parseQuestion } from '../../../src/news/quotes/questions.ts';

describe('parseQuestion', () => {
  it('reads Arabic who-questions', () => {
    expect(parseQuestion('ماذا قال ترامب؟')).toEqual({ kind: 'who', name: 'ترامب' });
    expect(parseQuestion('ماذا قالت وزيرة الخارجية؟')).toEqual({ kind: 'who', name: 'وزيرة الخارجية' });
    expect(parseQuestion('ما الذي قاله قو؟')).toEqual({ kind: 'who', name: 'قو' });
    expect(parseQuestion('وماذا قال لافروف')).toEqual({ kind: 'who', name: 'لافروف' });
  });

  it('reads Arabic who-said questions', () => {
    expect(parseQuestion('من قال إن الحوار والتفاوض هما الطريقة الوحيدة؟')).toEqual({ kind: 'whosaid', words: 'الحوار والتفاوض هما الطريقة الوحيدة' });
    expect(parseQuestion('من قال هناك كراهية هائلة')).toEqual({ kind: 'whosaid', words: 'هناك كراهية هائلة' });
  });

  it('reads English questions', () => {
    expect(parseQuestion('what did Trump say?')).toEqual({ kind: 'who', name: 'Trump' });
    expect(parseQuestion('What has Patricia Hewitt said about maternity pay?')).toEqual({ kind: 'who', name: 'Patricia Hewitt' });
    expect(parseQuestion('quotes from Guo')).toEqual({ kind: 'who', name: 'Guo' });
    expect(parseQuestion('Who said dialogue is the only way?')).toEqual({ kind: 'whosaid', words: 'dialogue is the only way' });
  });

  it('reads who-said questions with other reporting, belief and posting verbs, dropping the verb', () => {
    expect(parseQuestion('Who tweeted that the bridge will reopen in May?')).toEqual({ kind: 'whosaid', words: 'the bridge will reopen in May' });
    expect(parseQuestion('Who expects inflation to slow next year?')).toEqual({ kind: 'whosaid', words: 'inflation to slow next year' });
    expect(parseQuestion('Who wrote on Facebook that the school would stay shut?')).toEqual({ kind: 'whosaid', words: 'the school would stay shut' });
    expect(parseQuestion('Who called the new tax a disaster for farmers?')).toEqual({ kind: 'whosaid', words: 'the new tax a disaster for farmers' });
    expect(parseQuestion('من غرّد بأن الجسر سيفتح في مايو؟')).toEqual({ kind: 'whosaid', words: 'الجسر سيفتح في مايو' });
    expect(parseQuestion('من يتوقع أن يتباطأ التضخم العام المقبل؟')).toEqual({ kind: 'whosaid', words: 'يتباطأ التضخم العام المقبل' });
    expect(parseQuestion('من يظن أن المصنع سيغلق أبوابه؟')).toEqual({ kind: 'whosaid', words: 'المصنع سيغلق أبوابه' });
    expect(parseQuestion('من يؤكد أن الطريق آمن؟')).toEqual({ kind: 'whosaid', words: 'الطريق آمن' });
    expect(parseQuestion('من تنفي أن الفريق تلقى عرضا؟')).toEqual({ kind: 'whosaid', words: 'الفريق تلقى عرضا' });
    expect(parseQuestion('Who told the regulator that the mine was safe?')).toEqual({ kind: 'whosaid', words: 'the mine was safe' });
    expect(parseQuestion('Who is warning that the levee could fail?')).toEqual({ kind: 'whosaid', words: 'the levee could fail' });
    expect(parseQuestion('Who spoke of a wasted summer for growers?')).toEqual({ kind: 'whosaid', words: 'a wasted summer for growers' });
    expect(parseQuestion('Who estimated that 9,000 homes were damaged?')).toEqual({ kind: 'whosaid', words: '9,000 homes were damaged' });
    expect(parseQuestion('من قدّر الخسائر بمليون دينار؟')).toEqual({ kind: 'whosaid', words: 'الخسائر بمليون دينار' });
    expect(parseQuestion('من أعرب عن قلقه من نقص الأدوية؟')).toEqual({ kind: 'whosaid', words: 'أعرب عن قلقه من نقص الأدوية' });
  });

  it('keeps a verb that carries what was said, where it was said, and the noun of "which …"', () => {
    expect(parseQuestion('Who thanked the volunteers after the flood?')).toEqual({ kind: 'whosaid', words: 'thanked the volunteers after the flood' });
    expect(parseQuestion('Which union said the strike would go ahead?')).toEqual({ kind: 'whosaid', words: 'union the strike would go ahead' });
    expect(parseQuestion('من اعتذر للجمهور عن إلغاء الحفل؟')).toEqual({ kind: 'whosaid', words: 'اعتذر للجمهور عن إلغاء الحفل' });
    expect(parseQuestion('من اعترف عبر حسابه بأنه أخطأ في التقدير؟')).toEqual({ kind: 'whosaid', words: 'عبر حسابه أخطأ في التقدير' });
    expect(parseQuestion('أي نقابة قالت إن الإضراب سيستمر؟')).toEqual({ kind: 'whosaid', words: 'نقابة الإضراب سيستمر' });
  });

  it('keeps verbs of support, opposition, advice and complaint, and a two-word noun after «أي»', () => {
    expect(parseQuestion('من أيّد رفع الحد الأدنى للأجور؟')).toEqual({ kind: 'whosaid', words: 'أيد رفع الحد الأدنى للأجور' });
    expect(parseQuestion('من أوصى بإغلاق المدارس يومين؟')).toEqual({ kind: 'whosaid', words: 'أوصى بإغلاق المدارس يومين' });
    expect(parseQuestion('من اشتكى من تأخر الرواتب؟')).toEqual({ kind: 'whosaid', words: 'اشتكى تأخر الرواتب' });
    expect(parseQuestion('من رفض تمديد عقد المدرب؟')).toEqual({ kind: 'whosaid', words: 'رفض تمديد عقد المدرب' });
    expect(parseQuestion('من رجّح أن يكون الحريق ناتجا عن ماس كهربائي؟')).toEqual({ kind: 'whosaid', words: 'يكون الحريق ناتجا عن ماس كهربائي' });
    expect(parseQuestion('أي شركة طيران قالت إن الرحلات ستعود الشهر المقبل؟')).toEqual({ kind: 'whosaid', words: 'شركة طيران الرحلات ستعود الشهر المقبل' });
    expect(parseQuestion('Who threatened to close the factory?')).toEqual({ kind: 'whosaid', words: 'threatened to close the factory' });
    expect(parseQuestion('Who backed the plan for a second runway?')).toEqual({ kind: 'whosaid', words: 'backed the plan for a second runway' });
    expect(parseQuestion('Who recommended boiling tap water?')).toEqual({ kind: 'whosaid', words: 'recommended boiling tap water' });
  });

  it('reads other ways of asking who said it: «مين», «من صاحب تصريح», «من قائل», «لمن هذا التصريح», "who\'s the one who"', () => {
    const rise = { kind: 'whosaid', words: 'الأسعار سترتفع' };
    expect(parseQuestion('مين قال إن الأسعار سترتفع؟')).toEqual(rise);
    expect(parseQuestion('من صاحب تصريح أن الأسعار سترتفع؟')).toEqual(rise);
    expect(parseQuestion('من صاحب مقولة إن الأسعار سترتفع؟')).toEqual(rise);
    expect(parseQuestion('من قائل هذه العبارة: الأسعار سترتفع')).toEqual(rise);
    expect(parseQuestion('لمن هذا التصريح: الأسعار سترتفع')).toEqual(rise);
    const en = { kind: 'whosaid', words: 'fares will rise' };
    expect(parseQuestion("Who's the one who said fares will rise?")).toEqual(en);
    expect(parseQuestion('Who was it that said fares will rise?')).toEqual(en);
    expect(parseQuestion('Who made the comment that fares will rise?')).toEqual(en);
    expect(parseQuestion('Who is quoted saying fares will rise?')).toEqual(en);
    expect(parseQuestion('Who expressed concern about fares?')).toEqual({ kind: 'whosaid', words: 'expressed concern about fares' });
    // Not questions about a quote: who owns something, who holds an office, who won.
    expect(parseQuestion('من صاحب الشركة؟')).toBeNull();
    expect(parseQuestion('مين هو رئيس البلدية؟')).toBeNull();
    expect(parseQuestion('Who is the person who won the race?')).toBeNull();
  });

  it('reads auxiliaries, a colon, "quoted as saying", and «من الذي/من هو الذي/من المسؤول الذي»', () => {
    expect(parseQuestion('Who was quoted as saying the ferry would run again?')).toEqual({ kind: 'whosaid', words: 'the ferry would run again' });
    expect(parseQuestion('Who has warned that the dam could burst?')).toEqual({ kind: 'whosaid', words: 'the dam could burst' });
    expect(parseQuestion('Who said: the ferry would run again')).toEqual({ kind: 'whosaid', words: 'the ferry would run again' });
    expect(parseQuestion('من الذي قال إن العبّارة ستعود للعمل؟')).toEqual({ kind: 'whosaid', words: 'العبارة ستعود للعمل' });
    expect(parseQuestion('من هو الذي حذر من أن السد قد ينهار؟')).toEqual({ kind: 'whosaid', words: 'السد قد ينهار' });
    expect(parseQuestion('من المسؤول الذي قال إن العبارة ستعود للعمل؟')).toEqual({ kind: 'whosaid', words: 'المسؤول العبارة ستعود للعمل' });
  });

  it('leaves other messages and slash commands alone', () => {
    expect(parseQuestion('who won the match?')).toBeNull();
    expect(parseQuestion('who is the new mayor?')).toBeNull();
    expect(parseQuestion('من هو رئيس البلدية؟')).toBeNull();
    expect(parseQuestion('/who Trump')).toBeNull();
    expect(parseQuestion('summarize the latest news')).toBeNull();
    expect(parseQuestion('')).toBeNull();
    expect(parseQuestion('what did he say?')).toBeNull();
  });

  it('survives hostile input quickly', () => {
    const inputs = [
      'what did '.repeat(12_000) + 'say',
      'ماذا قال '.repeat(12_000),
      '<script>alert(1)</script> what did <b>Trump</b> say?',
      '\u202Eماذا قال ترامب؟\u202C',
      'who said ' + 'a'.repeat(100_000),
      'what did ' + ' '.repeat(100_000) + 'x say',
    ];
    const t0 = performance.now();
    for (const s of inputs) expect(() => parseQuestion(s)).not.toThrow();
    expect(performance.now() - t0).toBeLessThan(200);
    expect(parseQuestion('\u202Eماذا قال ترامب؟\u202C')).toEqual({ kind: 'who', name: 'ترامب' });
  });
});
