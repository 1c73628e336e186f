import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/news/quotes/extract.ts';
import { findMarkedSpans } from '../../../src/news/quotes/marks.ts';
import { splitSentences } from '../../../src/news/sentences.ts';
import type { Quote } from '../../../src/news/quotes/types.ts';

function quotes(text: string, lang: 'ar' | 'en' = 'en'): Quote[] {
  return extractQuotes(text, splitSentences(text, lang), lang);
}

function marked(text: string): string[] {
  return findMarkedSpans(text).map((s) => text.slice(s.start, s.end));
}

describe('quotation marks', () => {
  it('pairs every style and mixed pairs', () => {
    expect(marked('He said “curly quotes” here.')).toEqual(['curly quotes']);
    expect(marked('قال «نص بين علامتين» هنا.')).toEqual(['نص بين علامتين']);
    expect(marked('He said "straight quotes" here.')).toEqual(['straight quotes']);
    expect(marked('Er sagte „deutsche Anführung“ hier.')).toEqual(['deutsche Anführung']);
    expect(marked('She said ‘single curly’ here.')).toEqual(['single curly']);
    expect(marked('وقال: "نص مختلط”.')).toEqual(['نص مختلط']);
    expect(marked('وقال: “نص مختلط».')).toEqual(['نص مختلط']);
    expect(marked('وقال: «نص مختلط”.')).toEqual(['نص مختلط']);
  });

  it('keeps nested quotations inside the outer one', () => {
    expect(marked('He said: "When I said, \'Look\', he laughed."')).toEqual(["When I said, 'Look', he laughed."]);
    expect(marked('قال: «قالوا لي “اصبر” فصبرت».')).toEqual(['قالوا لي “اصبر” فصبرت']);
  });

  it('takes a quotation across sentences and across lines with reopening marks', () => {
    expect(marked('قالت: “الوضع صعب. نحتاج إلى ممرات آمنة”.')).toEqual(['الوضع صعب. نحتاج إلى ممرات آمنة']);
    const text = 'Mr Law added: "I think the remark was ill-advised.\n\n"We don\'t want to preach to young people."\nHe left.';
    expect(marked(text)).toEqual(['I think the remark was ill-advised.\n\n"We don\'t want to preach to young people.']);
  });

  it('does not take apostrophes, inch marks or stray closing marks for quotations', () => {
    expect(marked("It's the players' union, don't you know, and a 15\" screen.")).toEqual([]);
    expect(marked('"I am ready," he said."')).toEqual(['I am ready,']);
    expect(marked("Rock 'n' roll in the '90s")).toEqual([]);
  });

  it('gives offsets into the text, exactly between the marks', () => {
    const text = 'Ms Hewitt said: "We have made a firm commitment."';
    const [q] = quotes(text);
    expect(q).toBeDefined();
    expect(text.slice(q!.start, q!.end)).toBe(q!.text);
    expect(q!.text).toBe('We have made a firm commitment.');
  });
});

describe('direct quotes', () => {
  it('finds a short fragment governed by a reporting verb', () => {
    const qs = quotes('Jack Law said Jack McConnell\'s comment was "ill-advised".');
    expect(qs.map((q) => [q.kind, q.text])).toEqual([['direct', 'ill-advised']]);
    expect(qs[0]!.speaker.name).toBe('Jack Law');
  });

  it('does not take titles, names or labels for quotations', () => {
    expect(quotes('His comments come in a BBC documentary called "No More Mr Nasty".')).toEqual([]);
    expect(quotes('The film "Lord of the Rings" boosted results.')).toEqual([]);
    expect(quotes('وفاز فيلم «الطريق إلى البحر» بجائزة أفضل فيلم عربي.', 'ar')).toEqual([]);
    expect(quotes('وتقع القرية داخل ما يُعرف بـ"المنطقة العازلة" على الحدود.', 'ar')).toEqual([]);
    expect(quotes('أطلق التحالف عملية "عاصفة الحزم" في مارس.', 'ar')).toEqual([]);
  });

  it('attributes a run of quoted sentences to the speaker of the run', () => {
    const text = ['"I am quite confident," said Claxton.', '"But I take each race as it comes."', 'She won the title.'].join('\n');
    const qs = quotes(text);
    expect(qs.map((q) => [q.text, q.speaker.name])).toEqual([
      ['I am quite confident,', 'Claxton'],
      ['But I take each race as it comes.', 'Claxton'],
    ]);
  });

  it('attributes a quotation split by the attribution to both parts', () => {
    const qs = quotes('«الاقتصاد بدأ يتعافى»، قال وزير التخطيط رياض البيطار، «لكن الطريق ما زال طويلًا».', 'ar');
    expect(qs.map((q) => [q.text, q.speaker.name])).toEqual([
      ['الاقتصاد بدأ يتعافى', 'رياض البيطار'],
      ['لكن الطريق ما زال طويلًا', 'رياض البيطار'],
    ]);
  });
});

describe('reported speech (English)', () => {
  it('takes the complement after the verb, without "that"', () => {
    const [q] = quotes('The minister told delegates that the gap would close by 2010.');
    expect(q).toMatchObject({ kind: 'reported', text: 'the gap would close by 2010', cue: 'told' });
  });

  it('takes the complement before a postposed attribution', () => {
    const [q] = quotes('It would mean paid leave would be increased to nine months by 2007, Ms Hewitt told GMTV.');
    expect(q).toMatchObject({ kind: 'reported', text: 'It would mean paid leave would be increased to nine months by 2007' });
    expect(q!.speaker.name).toBe('Hewitt');
    expect(q!.speaker.aliases).toContain('Ms Hewitt');
  });

  it('handles "according to" before and after the clause', () => {
    const [a] = quotes('Women earn 19% less than men, according to the Equal Opportunities Commission.');
    expect(a).toMatchObject({ kind: 'reported', text: 'Women earn 19% less than men', cue: 'according to' });
    expect(a!.speaker.name).toMatch(/Equal Opportunities Commission/);
    const [b] = quotes('According to the Bank of England, rates will rise.');
    expect(b).toMatchObject({ kind: 'reported', text: 'rates will rise' });
  });

  it('knows every form of the verbs', () => {
    for (const verb of ['says', 'said', 'has said', 'claimed', 'warned', 'insisted', 'argued', 'added', 'stressed', 'noted']) {
      const [q] = quotes(`The chancellor ${verb} that taxes would not rise.`);
      expect(q, verb).toMatchObject({ kind: 'reported', text: 'taxes would not rise' });
    }
  });

  it('reports nothing for passive or unattributed speech', () => {
    expect(quotes('The castle is said to date from the 12th century.')).toEqual([]);
    expect(quotes('Analysts said the shares were overvalued.')).toEqual([]);
  });
});

describe('reported speech (Arabic)', () => {
  it('finds verbs with clitics and agreement forms and the complement after إن/أن', () => {
    const cases: [string, string, string][] = [
      ['قالت وزيرة الخارجية الكندية ميلاني جولي إن بلادها ستستضيف الاجتماع.', 'قالت', 'بلادها ستستضيف الاجتماع'],
      ['وأكد وزير الدفاع أن القوات جاهزة.', 'وأكد', 'القوات جاهزة'],
      ['فقال رئيس الوزراء إن القرار سيتخذ قريبا.', 'فقال', 'القرار سيتخذ قريبا'],
      ['السكان قالوا إنهم لم يتلقوا أي تحذير.', 'قالوا', 'لم يتلقوا أي تحذير'],
      ['وأشار وزير المالية عمر الخوالدة إلى أن العجز انخفض.', 'وأشار', 'العجز انخفض'],
      ['وطالب المحتجون بالإفراج عن المعتقلين.', 'وطالب', 'الإفراج عن المعتقلين'],
      ['وأعرب الأمين العام للأمم المتحدة عن قلقه العميق.', 'وأعرب', 'قلقه العميق'],
    ];
    for (const [text, cue, quote] of cases) {
      const [q] = quotes(text, 'ar');
      expect(q, text).toMatchObject({ kind: 'reported', cue, text: quote });
    }
  });

  it('takes attribution cues: بحسب، وفقًا لـ، نقلًا عن', () => {
    const [a] = quotes('ستُستأنف الرحلات الجوية بين البلدين، وفقًا لهيئة الطيران المدني.', 'ar');
    expect(a).toMatchObject({ kind: 'reported', text: 'ستُستأنف الرحلات الجوية بين البلدين' });
    expect(a!.speaker.name).toBe('هيئة الطيران المدني');
    const [b] = quotes('بحسب المتحدث باسم الشرطة المحلية رامي عودة، فإن المشتبه به سُلّم إلى النيابة.', 'ar');
    expect(b).toMatchObject({ kind: 'reported', text: 'المشتبه به سُلّم إلى النيابة' });
    expect(b!.speaker.name).toBe('رامي عودة');
  });

  it('counts a quote found both ways once, as direct', () => {
    const qs = quotes('واعتبر زعيم المعارضة طارق البزاز أن الميزانية الجديدة «تخدم الأغنياء فقط».', 'ar');
    expect(qs.map((q) => [q.kind, q.text])).toEqual([['direct', 'تخدم الأغنياء فقط']]);
  });

  it('leaves non-speech uses of reporting verbs alone', () => {
    for (const text of ['وبعيدًا عن القيل والقال، انشغل السكان بالزيتون.', 'وأشار الحكم إلى نقطة الجزاء.', 'وتابع الملايين المباراة النهائية.', 'ويُقال إن القلعة بُنيت قديما.', 'ودعا الملك ضيوفه إلى مأدبة عشاء.']) {
      expect(quotes(text, 'ar'), text).toEqual([]);
    }
  });
});
