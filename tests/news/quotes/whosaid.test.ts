// "Who said …?" over the developers' own short articles: the whole statement (quote and cue sentence)
// decides, and questions cross between Arabic and English through the glossary.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { postText } from '../../../src/bot/post.ts';
import { createRouter, type Router } from '../../../src/bot/router.ts';
import type { BotServices } from '../../../src/bot/types.ts';
import { questionConcepts } from '../../../src/news/quotes/concepts.ts';
import { defaultGazetteer } from '../../../src/news/quotes/gazetteer.ts';
import { defaultGlossary } from '../../../src/news/quotes/glossary.ts';
import { whoSaid } from '../../../src/news/quotes/questions.ts';
import { rankStatements, StatementIndex } from '../../../src/news/quotes/search.ts';
import { realServices } from '../../helpers/services.ts';

const ARTICLES: Record<string, string> = {
  'ar-analyst.txt': 'توقعات السوق\n\nقال المحلل الاقتصادي كريم منصور إن الأسعار ستواصل الارتفاع خلال الأشهر المقبلة بسبب تكاليف الشحن.\n',
  'ar-company.txt':
    'شركة الوادي تخفض أسعار الزيت\n\nأعلنت شركة الوادي للأغذية خفض أسعار الزيت في متاجرها. وقالت الشركة في بيان إن الأسعار الجديدة ستطبق ابتداء من الأسبوع المقبل.\n',
  'ar-health.txt': 'موجة حر\n\nوحذرت وزيرة الصحة سلمى الراشد من أن موجة الحر قد تزيد الضغط على المستشفيات في الجنوب.\n',
  'en-bridge.txt': 'New bridge\n\nThe transport minister, Daniel Hart, said the new bridge would open to traffic in the spring.\n',
  'en-tender.txt': 'Bridge tender\n\nThe ministry said the tender for the bridge lighting was still open to bidders.\n',
  'en-exports.txt': 'Farm exports\n\n"Our exports to Europe doubled last year," said Maria Olsen, head of the farmers\' union.\n',
  'en-harbour.txt': 'Harbour works\n\nSpeaking at the harbour on Monday, port director Ahmed Nasser said: "We will finish in June."\n',
  'en-stadium.txt': 'Stadium works\n\n"We will finish in June," said Paul Brandt, whose firm is building the stadium.\n',
  'ar-union.txt': 'حسابات النقابة\n\nوقال أمين صندوق النقابة سامر الحلبي إن حساباتها خضعت لتدقيق مستقل.\n',
  'en-marathon.txt':
    'Marathon hopes\n\nOrganisers of the city marathon hope the suspended runner Ana Ruiz can still race in April.\nThe federation banned her for missing a training camp.\n"We are watching it closely," said race director Tom Hale.\n',
  'en-merger.txt':
    'Bank merger\n\nTwo regional banks confirmed talks on a merger worth two billion dollars.\nShareholders will vote next month.\n"We are watching it closely," said regulator Ines Falk.\n',
  'en-market.txt': 'Old market\n\n"The first attempt to sell the old market hall was a complete failure," said council leader Mark Dunn.\n',
};

let services: BotServices;
let router: Router;

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'whosaid-'));
  for (const [name, text] of Object.entries(ARTICLES)) fs.writeFileSync(path.join(dir, name), text);
  services = await realServices(dir);
  router = createRouter(services);
});

function top(words: string): string | undefined {
  return whoSaid(services.speakers(), words)[0]?.quote.speaker.name;
}

describe('who said … ? over whole statements', () => {
  it('finds the analyst, not a company announcement that shares a few words', () => {
    expect(top('الأسعار ستواصل الارتفاع')).toBe('كريم منصور');
    const hits = whoSaid(services.speakers(), 'الأسعار ستواصل الارتفاع');
    expect(hits[0]!.score).toBeGreaterThan(hits.find((h) => h.quote.speaker.name !== 'كريم منصور')?.score ?? 0);
  });

  it('uses the sentence around the quote: the same words said at the harbour or about the stadium', () => {
    expect(top('at the harbour they would finish in June')).toBe('Ahmed Nasser');
    expect(top('the stadium would be finished in June')).toBe('Paul Brandt');
  });

  it('answers an English question about an Arabic quote', () => {
    expect(top('prices will keep rising')).toBe('كريم منصور');
    expect(top('the heatwave could put pressure on hospitals')).toBe('سلمى الراشد');
  });

  it('answers an Arabic question about an English quote, and not with the body that shares its subject', () => {
    expect(top('الجسر الجديد سيفتح أمام حركة المرور في الربيع')).toBe('Daniel Hart');
    expect(top('الصادرات إلى أوروبا تضاعفت العام الماضي')).toBe('Maria Olsen');
  });

  it('prefers, of two statements holding as much of the question, the one that says little else', () => {
    // Both quotes hold returning, Libya and young; the long one says much else, and comes first in the index.
    const index = new StatementIndex([
      { quote: 'نحو عشرين ألف مهاجر غادروا مراكز الإيواء في المدن الساحلية خلال العام الماضي وأغلب العائدين من ليبيا من الشباب', context: 'وأكدت المنظمة في تقريرها أن' },
      { quote: 'أغلب العائدين من ليبيا من الشباب', context: 'وقالت المتحدثة باسم المنظمة هالة سمير إن' },
    ]);
    const concepts = questionConcepts('those returning from Libya were young', [{ index }], defaultGlossary(), defaultGazetteer());
    const [first, second] = rankStatements([index], concepts);
    expect(first!.statement).toBe(1);
    expect(first!.share).toBeCloseTo(second!.share, 5);
    expect(first!.score).toBeGreaterThan(second!.score);
  });

  it('counts a question word with no form in a statement\'s script for half against it', () => {
    // "obsolete" and "prefecture" have no Arabic form in the glossary: the Arabic statement, holding the two
    // words that cross (rules, still), is not held to the words it could not show, and the English one,
    // holding the other two, is.
    const index = new StatementIndex([
      { quote: 'the prefecture is obsolete', context: 'said the governor.' },
      { quote: 'القواعد لا تزال سارية', context: 'وقال المحافظ إن' },
    ]);
    const concepts = questionConcepts('the rules are still obsolete in the prefecture', [{ index }], defaultGlossary(), defaultGazetteer());
    const [first] = rankStatements([index], concepts);
    expect(first!.statement).toBe(1);
    // Two of four equally rare words, in glossary forms (0.85), over a weight of two words and two halves.
    expect(first!.share).toBeCloseTo((2 * 0.85) / 3, 2);
  });

  it('meets Arabic inflections: a plural with a possessive, an accusative alif, a clitic on a short word', () => {
    // حساباتها: plural ات under the pronoun; فشلا and لبيع: a first letter that is not a clitic, and one that is.
    expect(top('its accounts had been independently audited')).toBe('سامر الحلبي');
    expect(top('المحاولة الأولى لبيع قاعة السوق القديمة كانت فشلا ذريعا')).toBe('Mark Dunn');
  });

  it('uses the article\'s lead when the question names the event and the quote does not', () => {
    // The same words said about a runner's ban and about a bank merger: the question names the marathon.
    expect(top('يتابعون عن كثب مشاركة العداءة الموقوفة في الماراثون')).toBe('Tom Hale');
    expect(top('watching closely the merger of the two banks')).toBe('Ines Falk');
  });

  it('takes a glossary phrase that opens with a function word (لا يزال: remains)', () => {
    const index = new StatementIndex([{ quote: 'demand remains weak', context: '' }]);
    const concepts = questionConcepts('الطلب لا يزال ضعيفا', [{ index }], defaultGlossary(), defaultGazetteer());
    expect(concepts.some((c) => c.alts.some((a) => a.terms.join(' ') === '~remain'))).toBe(true);
  });

  it('meets a name in the other script through the transliteration skeleton', () => {
    expect(top('ماريا أولسن')).toBe('Maria Olsen');
  });

  it('gives no answer when nothing said matches', () => {
    expect(whoSaid(services.speakers(), 'the moon is made of cheese')).toEqual([]);
  });
});

describe('who said … ? through the router', () => {
  it('shows the verbatim quote and its source for a plain question in either language', async () => {
    const en = await router.handle({ platform: 'test', chatId: 'c', text: 'Who said prices will keep rising?', chatType: 'private' });
    const text = postText(en!);
    expect(text).toContain('كريم منصور');
    expect(text).toContain('الأسعار ستواصل الارتفاع خلال الأشهر المقبلة بسبب تكاليف الشحن');
    expect(text).toContain('توقعات السوق');
    const ar = await router.handle({ platform: 'test', chatId: 'c', text: 'من قال إن الجسر الجديد سيفتح أمام حركة المرور؟', chatType: 'private' });
    expect(postText(ar!)).toContain('the new bridge would open to traffic in the spring');
    expect(postText(ar!)).toContain('Daniel Hart');
    const slash = await router.handle({ platform: 'test', chatId: 'c', text: '/whosaid الأسعار ستواصل الارتفاع', chatType: 'private' });
    expect(postText(slash!)).toContain('كريم منصور');
  });
});
