// Questions across languages and in other words, over the developers' own short articles: the glossary's
// news vocabulary (economy, technology, health, utilities), numbers written as words or digits, a root
// و in a question word, and a nisba adverb (يوميًا) meet the statement.
import { describe, expect, it } from 'vitest';
import { buildBrief } from '../../../src/news/brief.ts';
import { parseQuestion, whoSaid } from '../../../src/news/quotes/questions.ts';
import { createSpeakerRegistry } from '../../../src/news/quotes/registry.ts';
import type { NewsDocument } from '../../../src/news/types.ts';

// Each target statement comes after others that share all its words but one (what the question needs
// the glossary or the word rules for): without that word they tie, and the earlier one would win.
const ARTICLES: [string, 'ar' | 'en', string, string][] = [
  ['en-hiring-1', 'en', 'Hiring', '"Employers added jobs at a fast pace last month," said economist Carl Ode.'],
  ['en-hiring-2', 'en', 'Hiring', '"Employers added workers at a modest pace last month," said economist Pia Lund.'],
  ['en-hiring-3', 'en', 'Hiring', '"Employers added jobs at a modest pace last month," said economist Laura Fenwick.'],
  ['en-phones-1', 'en', 'Phone market', 'Analyst Mia Grant said the phone market would grow by 15% within two years.'],
  ['en-phones-2', 'en', 'Phone market', 'Analyst Tom Reyes said the phone market would grow by 40% within two years.'],
  ['en-scam-1', 'en', 'Email scam', 'Security researcher Ian Cole said the file arrived as an e-mail attachment.'],
  ['en-scam-2', 'en', 'Email scam', 'Security researcher Eve Park said the malicious file arrived as an attachment.'],
  ['en-scam-3', 'en', 'Email scam', 'Security researcher Dana Whitlock said the malicious file arrived as an e-mail attachment.'],
  ['en-mayor-1', 'en', 'Mayor', 'Mayor Li Wen said she would stay on until March.'],
  ['en-mayor-2', 'en', 'Mayor', 'Mayor Jo Hart said she would resign in March.'],
  ['en-doping-1', 'en', 'Athletics', 'Coach Ray Dunn said the sprinter had never missed a race.'],
  ['en-doping-2', 'en', 'Athletics', 'Coach Amy Hale said the sprinter had never taken banned substances.'],
  ['en-arrest-1', 'en', 'Terror law', 'Minister Oli Kent said the arrest powers would be reviewed by judges.'],
  ['en-arrest-2', 'en', 'Terror law', 'Minister Joan Pike said the house arrest powers would be reviewed by judges.'],
  ['en-posters-1', 'en', 'Posters', 'Spokesman Al Roe said the row over the posters was serious.'],
  ['en-posters-2', 'en', 'Posters', 'Spokesman Ed Vale said the row over the posters was a silly fuss.'],
  ['en-space-1', 'en', 'Space', '"The probe will study rocky soil," said Bo Lin.'],
  ['en-space-2', 'en', 'Space', '"The probe will study rocky planets," said Ana Reed.'],
  ['ar-talks-1', 'ar', 'المفاوضات', 'قال الوسيط عادل الرفاعي إن الطرفين أغلقا باب الاتفاق.'],
  ['ar-talks-2', 'ar', 'المفاوضات', 'قال الوسيط سامي الحداد إن الطرفين قريبان من اتفاق.'],
  ['ar-water-1', 'ar', 'مياه الشرب', 'قال مدير المختبر رامي حداد إن فرق الصيانة تفحص مياه الشرب كل شهر.'],
  ['ar-water-2', 'ar', 'مياه الشرب', 'قال مدير شركة المياه سمير العلي إن فرق الصيانة تفحص مياه الشرب يوميًا.'],
  ['ar-farm-1', 'ar', 'موسم الزراعة', 'قال المزارع سالم العبدلي إن أسعار الأسمدة ارتفعت هذا الموسم.'],
  ['ar-farm-2', 'ar', 'موسم الزراعة', 'قال المزارع حمدان الكعبي إن أسعار الفواكه ارتفعت هذا الموسم.'],
  ['ar-fire-1', 'ar', 'حرائق', 'قال رئيس البلدية نبيل سركيس إن النيران التهمت مئات الهكتارات من الأراضي الزراعية.'],
  ['ar-fire-2', 'ar', 'حرائق', 'قال قائد الدفاع المدني جورج عقل إن النيران التهمت مئات الهكتارات من الأحراج.'],
  ['ar-book-1', 'ar', 'ترجمة', 'قالت المترجمة ليلى سعد إنها تقرأ كل فصل بصوت عال قبل ترجمته.'],
  ['ar-book-2', 'ar', 'ترجمة', 'قالت المترجمة منى داود إنها تقرأ كل فقرة بصوت عال قبل ترجمتها.'],
];
const registry = createSpeakerRegistry(
  ARTICLES.map(([id, lang, title, text]) => {
    const doc: NewsDocument = { id, file: id, title, text, date: new Date('2026-01-01T00:00:00Z'), lang, tags: [] };
    return buildBrief(doc, { summarySentences: 3 });
  }),
);

/** The top answer's speaker, once it is ahead of the next answer (a tie is no answer). */
function answer(question: string): string | undefined {
  const q = parseQuestion(question);
  if (q?.kind !== 'whosaid') return undefined;
  const [first, second] = whoSaid(registry, q.words);
  return first && (!second || first.score > second.score) ? first.quote.speaker.name : undefined;
}

describe('who said … ? across languages and in other words', () => {
  it('carries economy words and an Arabic plural with a root و (الوظائف) to an English statement', () => {
    expect(answer('من قال إن أصحاب العمل أضافوا الوظائف بوتيرة متواضعة؟')).toBe('Laura Fenwick');
  });

  it('meets a number written as a word with its digits', () => {
    expect(answer('من توقع أن ينمو سوق الهواتف بأربعين في المئة؟')).toBe('Tom Reyes');
  });

  it('finds technology words, e-mail included', () => {
    expect(answer('من قال إن الملف الخبيث وصل مرفقًا برسالة بريد إلكتروني؟')).toBe('Dana Whitlock');
  });

  it('meets يوميًا with "every day" and drinking water with مياه الشرب, not another statement about water', () => {
    expect(answer('Who said maintenance teams check drinking water every day?')).toBe('سمير العلي');
  });

  it('meets a synonym in the same language: step down / resign, تنحّى / استقال', () => {
    expect(answer('Who said she would step down in March?')).toBe('Jo Hart');
    expect(answer('من قالت إنها ستتنحى في مارس؟')).toBe('Jo Hart');
  });

  it('knows the words of sport, courts and politics news: منشطات / banned substances, الإقامة الجبرية / house arrest', () => {
    expect(answer('من قال إن العداء لم يتعاط المنشطات أبدا؟')).toBe('Amy Hale');
    expect(answer('من قال إن القضاة سيراجعون صلاحيات الإقامة الجبرية؟')).toBe('Joan Pike');
  });

  it('knows the words of judgement quotes are made of: ضجة سخيفة / a silly fuss', () => {
    expect(answer('من قال إن الخلاف حول الملصقات ضجة سخيفة؟')).toBe('Ed Vale');
  });

  it('knows science words: الكواكب / planets', () => {
    expect(answer('من قال إن المسبار سيدرس الكواكب الصخرية؟')).toBe('Ana Reed');
  });

  it('knows the words of farming, disasters and books: fruit / الفواكه, forest / الأحراج, paragraph / فقرة', () => {
    expect(answer('Who said fruit prices went up this season?')).toBe('حمدان الكعبي');
    expect(answer('Who said the fire burned hundreds of hectares of woodland?')).toBe('جورج عقل');
    expect(answer('Which translator said she reads every paragraph aloud before translating it?')).toBe('منى داود');
  });

  it('takes the phrase before its words: "close to a deal" is قريبان من اتفاق, not a door closed', () => {
    expect(answer('Who said the two sides are close to a deal?')).toBe('سامي الحداد');
  });
});
