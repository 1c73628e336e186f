import type { Lang } from '../news/language.ts';

/** The words of /search, stories and /alert (kept apart from i18n.ts so the features merge cleanly). */
const en = {
  searchTitle: (q: string, total: number) => `“${q}”: ${total} result${total === 1 ? '' : 's'}`,
  searchPage: (page: number, pages: number) => `page ${page} of ${pages}`,
  searchHint: 'Send /summary N for a document’s summary.',
  searchNone: (q: string) => `I found nothing for “${q}”. Try fewer or other words, or another spelling.`,
  searchNoWords: 'Tell me what to look for: a few words, e.g. /search inflation, or /search التضخم source:bbc since:7d.',
  searchBadFilter: (f: string) => `I could not read “${f}”. Filters: source:NAME, lang:ar or lang:en, since:7d or since:2024-05-01.`,
  searchExpired: 'That search has expired: please send it again.',
  searchWords: 'Words to look for (filters: source: lang: since:)',
  sources: (n: number) => `${n} sources`,
  alsoFrom: 'Also reported by:',
  alertTitle: '🔔',
  alertSource: 'Source',
  alertOn: (topics: string, max: number) => `Alerts on: each new story (${topics}) will be posted here as it arrives, at most ${max} an hour; past that they wait for the digest. /alert off stops them.`,
  alertOff: 'Alerts off: no more instant alerts here.',
  alertNone: 'This chat has no alerts. Send /alert [topics] to get each new story as it arrives.',
  alertAllTopics: 'all topics',
} as const;

type Strings = { [K in keyof typeof en]: (typeof en)[K] extends (...args: infer A) => string ? (...args: A) => string : string };

const ar: Strings = {
  searchTitle: (q, total) => `«${q}»: ${total} ${total === 1 ? 'نتيجة' : total === 2 ? 'نتيجتان' : total <= 10 ? 'نتائج' : 'نتيجة'}`,
  searchPage: (page, pages) => `الصفحة ${page} من ${pages}`,
  searchHint: 'أرسل /summary مع رقم الوثيقة لترى ملخصها.',
  searchNone: (q) => `لم أجد شيئًا عن «${q}». جرّب كلمات أقل أو غيرها، أو تهجئة أخرى.`,
  searchNoWords: 'أخبرني عمّا أبحث: بضع كلمات، مثل ‎/search التضخم أو ‎/search inflation source:bbc since:7d.',
  searchBadFilter: (f) => `لم أفهم «${f}». المرشحات: source:الاسم، lang:ar أو lang:en، since:7d أو since:2024-05-01.`,
  searchExpired: 'انتهت صلاحية هذا البحث: أرسله من جديد.',
  searchWords: 'كلمات البحث (المرشحات: source: lang: since:)',
  sources: (n) => `${n} ${n === 2 ? 'مصدران' : n <= 10 ? 'مصادر' : 'مصدرًا'}`,
  alsoFrom: 'ونقلته أيضًا:',
  alertTitle: '🔔',
  alertSource: 'المصدر',
  alertOn: (topics, max) => `التنبيهات مفعّلة: ستُنشر هنا كل قصة جديدة (${topics}) فور وصولها، بحد أقصى ${max} في الساعة؛ وما زاد ينتظر الموجز. أرسل ‎/alert off لإيقافها.`,
  alertOff: 'أُوقفت التنبيهات: لن تصل تنبيهات فورية هنا بعد الآن.',
  alertNone: 'لا تنبيهات في هذه المحادثة. أرسل ‎/alert [مواضيع] لتصلك كل قصة جديدة فور وصولها.',
  alertAllTopics: 'كل المواضيع',
};

export const findStrings: Record<Lang, Strings> = { en, ar };
