// The search stemmers' effect, measured on word pairs: pairs that are forms of one word should meet
// (share a search term), pairs of different words should not. Compared: the light stemmer the rest of
// newsbot uses (tokens.ts), Snowball alone, and what /search uses (Snowball over every prefix reading).
// The pairs were written for this check while choosing the stemmer: the figures are in-sample.
import snowball from 'snowball-stemmers';
import { wordTerms } from '../news/search/analyze.ts';
import { normalizeForMatch } from '../news/normalize.ts';
import { stem } from '../news/tokens.ts';
import type { EvalOptions } from './index.ts';

const AR_SAME: [string, string][] = [
  ['الانتخابات', 'انتخابات'], ['والانتخابات', 'الانتخابات'], ['بالانتخابات', 'انتخابات'], ['الانتخابات', 'انتخاب'], ['الحكومة', 'حكومة'],
  ['والحكومة', 'الحكومة'], ['للحكومة', 'حكومة'], ['حكومتها', 'الحكومة'], ['التضخم', 'تضخم'], ['بالتضخم', 'التضخم'], ['الوزير', 'وزير'],
  ['الرئيس', 'رئيس'], ['لرئيس', 'الرئيس'], ['الأسعار', 'أسعار'], ['المعلمين', 'معلمون'], ['المعلمون', 'المعلمين'], ['الصينية', 'الصين'],
  ['الصيني', 'الصين'], ['وترامب', 'ترامب'], ['صرحت', 'صرح'], ['وأعلنت', 'أعلن'], ['الاقتصادية', 'الاقتصاد'], ['اقتصادي', 'اقتصاد'],
  ['الفلسطينيين', 'الفلسطينيون'], ['فلسطين', 'بفلسطين'], ['غزة', 'بغزة'], ['المفاوضات', 'مفاوضات'], ['الدولية', 'الدولي'], ['المتحدة', 'متحدة'],
  ['الأمريكية', 'الأمريكي'], ['سوريا', 'وسوريا'], ['الحرب', 'حرب'], ['بالحرب', 'الحرب'], ['المدارس', 'مدارس'], ['النفط', 'ونفط'],
  ['الشركات', 'شركات'], ['الشركة', 'شركة'], ['مسؤولون', 'المسؤولين'], ['العسكرية', 'العسكري'], ['لبنان', 'ولبنان'],
];
const AR_DIFFERENT: [string, string][] = [
  ['كتب', 'كتاب'], ['حكم', 'حكومة'], ['سعر', 'سعى'], ['قال', 'قتل'], ['عمل', 'عامل'], ['مصر', 'مصير'], ['علم', 'عالم'], ['نفط', 'نفى'],
  ['دول', 'دولار'], ['امن', 'امين'], ['سلام', 'سلم'], ['وزير', 'زير'], ['فلسطين', 'لسطين'], ['لبنان', 'بنان'], ['بيان', 'يان'],
];
const EN_SAME: [string, string][] = [
  ['election', 'elections'], ['talks', 'talk'], ['running', 'run'], ['economies', 'economy'], ['governments', 'government'], ['rising', 'rises'],
  ['negotiations', 'negotiation'], ['negotiate', 'negotiating'], ['policies', 'policy'], ['closed', 'closing'], ['studies', 'study'],
  ['arrested', 'arrest'], ['investigation', 'investigations'], ['happily', 'happy'], ['organisation', 'organisations'], ['generously', 'generous'],
];
const EN_DIFFERENT: [string, string][] = [
  ['news', 'new'], ['general', 'generous'], ['university', 'universe'], ['police', 'policy'], ['organ', 'organisation'], ['arm', 'army'], ['state', 'statement'],
];

type Stemmer = (word: string) => string[];
const arabic = snowball.newStemmer('arabic');
const english = snowball.newStemmer('english');
const STEMMERS: Record<string, Stemmer> = {
  'light (tokens.ts)': (w) => [stem(normalizeForMatch(w))],
  snowball: (w) => [normalizeForMatch(/[\u0600-\u06FF]/.test(w) ? arabic.stem(w) : english.stem(w.toLowerCase()))],
  'search (snowball, every reading)': (w) => wordTerms(w.toLowerCase()),
};

function meets(s: Stemmer, [a, b]: [string, string]): boolean {
  const other = new Set(s(b));
  return s(a).some((t) => other.has(t));
}

export function runSearchEval(options: EvalOptions): unknown {
  const rows = Object.entries(STEMMERS).map(([name, s]) => ({
    stemmer: name,
    arabicSame: AR_SAME.filter((p) => meets(s, p)).length,
    arabicMerged: AR_DIFFERENT.filter((p) => meets(s, p)).length,
    englishSame: EN_SAME.filter((p) => meets(s, p)).length,
    englishMerged: EN_DIFFERENT.filter((p) => meets(s, p)).length,
  }));
  if (options.json) console.log(JSON.stringify(rows));
  else {
    console.log(`stemmers on word pairs (in-sample): forms of one word that meet, and different words merged`);
    console.log(`| stemmer | Arabic forms met (of ${AR_SAME.length}) | Arabic different merged (of ${AR_DIFFERENT.length}) | English forms met (of ${EN_SAME.length}) | English different merged (of ${EN_DIFFERENT.length}) |`);
    for (const r of rows) console.log(`| ${r.stemmer} | ${r.arabicSame} | ${r.arabicMerged} | ${r.englishSame} | ${r.englishMerged} |`);
  }
  return rows;
}
