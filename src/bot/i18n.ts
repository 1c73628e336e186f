import type { Lang } from '../news/language.ts';

/** The bot's own words. Document content is never translated: it stays in the document's language. */
const en = {
  welcome: 'Hello! I turn the news in my library into short answers.',
  helpIntro: 'Commands:',
  helpPlain: 'You can also send a document number or a few title words, or ask "what did Trump say?" / "who said …?".',
  noDocuments: 'The library is empty: no documents are loaded yet.',
  notFound: (q: string) => `I found no document matching “${q}”. Send /list to see what I have.`,
  summaryOf: (n: number, total: number) => `Document ${n} of ${total}`,
  fullText: 'Full text',
  fullTextPage: (page: number, pages: number) => `Full text, part ${page} of ${pages}`,
  more: 'More',
  next: 'Next ›',
  previous: '‹ Previous',
  listTitle: (page: number, pages: number) => `Documents, newest first (page ${page} of ${pages})`,
  listHint: 'Send /summary N for a document’s summary.',
  about: (docs: number, ar: number, en: number) =>
    `newsbot: open-source summaries and who-said-what for ${docs} documents (${ar} Arabic, ${en} English). Every quote is shown verbatim with its source.`,
  unknownCommand: (name: string) => `I don't know the command /${name}. Send /help for the list.`,
  didNotUnderstand: 'I did not find anything for that. Send /help to see what I can do, or /list for the documents.',
  source: 'Source',
  quotes: 'Quotes',
  reported: 'reported',
  quotesBy: (name: string) => `Quotes by ${name}`,
  quotesIn: (title: string) => `Quotes in “${title}”`,
  noQuotesIn: (title: string) => `I found no quotes in “${title}”.`,
  quotesMatching: (q: string) => `Who said “${q}”`,
  noQuotesMatching: (q: string) => `I found no quote matching “${q}”.`,
  unknownSpeaker: (name: string) => `I have no quotes from “${name}”.`,
  didYouMean: 'Did you mean:',
  knownSpeakers: 'Speakers I know:',
  sourceLine: (title: string, date: string) => `${title}, ${date}`,
  inputTooLong: 'That message is very long; I read only its beginning.',
  error: 'Sorry, something went wrong on my side. Please try again in a moment.',
  noDigestTarget: 'Briefings are not set up on this bot.',
} as const;

type Strings = { [K in keyof typeof en]: (typeof en)[K] extends (...args: infer A) => string ? (...args: A) => string : string };

const ar: Strings = {
  welcome: 'مرحبًا! أحوّل الأخبار في مكتبتي إلى إجابات قصيرة.',
  helpIntro: 'الأوامر:',
  helpPlain: 'يمكنك أيضًا إرسال رقم وثيقة أو كلمات من عنوانها، أو أن تسأل «ماذا قال ترامب؟» أو «من قال إن …؟».',
  noDocuments: 'المكتبة فارغة: لم تُحمَّل أي وثيقة بعد.',
  notFound: (q) => `لم أجد وثيقة تطابق «${q}». أرسل /list لترى ما لدي.`,
  summaryOf: (n, total) => `الوثيقة ${n} من ${total}`,
  fullText: 'النص الكامل',
  fullTextPage: (page, pages) => `النص الكامل، الجزء ${page} من ${pages}`,
  more: 'المزيد',
  next: 'التالي ‹',
  previous: '› السابق',
  listTitle: (page, pages) => `الوثائق، الأحدث أولًا (الصفحة ${page} من ${pages})`,
  listHint: 'أرسل /summary مع رقم الوثيقة لترى ملخصها.',
  about: (docs, arDocs, enDocs) =>
    `newsbot: ملخصات ومن قال ماذا، مفتوح المصدر، لـ ${docs} وثيقة (${arDocs} بالعربية و${enDocs} بالإنجليزية). كل اقتباس يُعرض بنصه الحرفي مع مصدره.`,
  unknownCommand: (name) => `لا أعرف الأمر /${name}. أرسل /help لقائمة الأوامر.`,
  didNotUnderstand: 'لم أجد شيئًا لذلك. أرسل /help لترى ما أستطيع فعله، أو /list للوثائق.',
  source: 'المصدر',
  quotes: 'اقتباسات',
  reported: 'منقول بتصرف',
  quotesBy: (name) => `اقتباسات ${name}`,
  quotesIn: (title) => `اقتباسات في «${title}»`,
  noQuotesIn: (title) => `لم أجد اقتباسات في «${title}».`,
  quotesMatching: (q) => `من قال «${q}»`,
  noQuotesMatching: (q) => `لم أجد اقتباسًا يطابق «${q}».`,
  unknownSpeaker: (name) => `ليس لدي اقتباسات من «${name}».`,
  didYouMean: 'هل تقصد:',
  knownSpeakers: 'متحدثون أعرفهم:',
  sourceLine: (title, date) => `${title}، ${date}`,
  inputTooLong: 'رسالتك طويلة جدًا؛ قرأت بدايتها فقط.',
  error: 'عذرًا، حدث خطأ من جهتي. حاول مرة أخرى بعد قليل.',
  noDigestTarget: 'النشرات غير مفعّلة في هذا البوت.',
};

export const strings: Record<Lang, Strings> = { en, ar };

export function formatDate(date: Date, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(lang === 'ar' ? 'ar-EG' : 'en-GB', { dateStyle: 'medium', timeZone }).format(date);
}
