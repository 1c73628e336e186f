/** Real-shaped feeds and article pages for the fake server. The article texts are written for these tests. */

export interface Entry {
  title: string;
  link?: string;
  guid?: string;
  /** Plain text or HTML. */
  body: string;
  date?: string;
  author?: string;
}

export const harbour: Entry = {
  title: 'Harbour reopens after storm repairs',
  link: 'https://news.example/en/harbour-reopens?utm_source=rss&utm_medium=feed',
  guid: 'urn:example:en:harbour',
  date: '2026-11-30T08:00:00Z',
  author: 'Dana Reyes',
  body: `<p>The city's main harbour reopened on Tuesday after three weeks of repairs to the storm-damaged sea wall.</p>
<p>Port director Helen Marsh said the work had finished ahead of schedule. "We expect the first container ships back by Friday," Marsh said.</p>
<p>Fishing crews, who had moored their boats in a neighbouring bay, welcomed the news. The council will publish the cost of the repairs next month.</p>`,
};

export const library: Entry = {
  title: 'Library extends its opening hours',
  link: 'https://news.example/en/library-hours',
  guid: 'urn:example:en:library',
  date: '2026-11-29T10:00:00Z',
  body: `The central library will stay open until ten at night from January. "Students asked for quiet rooms in the evening, and we listened," chief librarian Omar Haddad said. The change is paid for by a grant from the regional arts fund. Weekend hours stay the same.`,
};

export const railTeaser: Entry = {
  title: 'Rail line gets a new timetable',
  link: '/articles/rail-timetable',
  guid: 'urn:example:en:rail',
  date: '2026-12-01T07:00:00Z',
  body: 'The regional rail operator will change its timetable next week.',
};

export const libraryAr: Entry = {
  title: 'افتتاح مكتبة عامة جديدة في وسط المدينة',
  link: 'https://news.example/ar/maktaba',
  guid: 'urn:example:ar:maktaba',
  date: '2026-11-30T09:00:00Z',
  body: `افتتحت البلدية يوم الأحد مكتبة عامة جديدة في وسط المدينة تضم أكثر من عشرين ألف كتاب. وقال رئيس البلدية سامر الحداد: «ستبقى المكتبة مفتوحة حتى منتصف الليل طوال أيام الأسبوع». وأضاف أن المكتبة تضم قاعة للأطفال ومختبرًا للحاسوب. ورحب السكان بالمشروع الذي استغرق بناؤه عامين.`,
};

export const marketAr: Entry = {
  title: 'ارتفاع أسعار الخضار في الأسواق المحلية',
  link: 'https://news.example/ar/aswaq',
  guid: 'urn:example:ar:aswaq',
  date: '2026-11-28T12:00:00Z',
  body: `ارتفعت أسعار الخضار في الأسواق المحلية هذا الأسبوع بسبب موجة البرد التي ضربت المزارع. وقال التاجر خالد يوسف إن «الطماطم تضاعف سعرها خلال أيام قليلة». وتوقعت وزارة الزراعة أن تعود الأسعار إلى مستواها المعتاد مع نهاية الشهر.`,
};

export const waterTeaserAr: Entry = {
  title: 'هيئة المياه تعلن خطة لتحلية مياه البحر',
  link: '/articles/tahlia',
  guid: 'urn:example:ar:tahlia',
  date: '2026-12-01T06:00:00Z',
  body: 'أعلنت هيئة المياه خطة جديدة.',
};

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function rss(title: string, entries: Entry[], lang = 'en'): string {
  const items = entries
    .map(
      (e) => `    <item>
      <title>${esc(e.title)}</title>
      ${e.link ? `<link>${esc(e.link)}</link>` : ''}
      ${e.guid ? `<guid isPermaLink="false">${esc(e.guid)}</guid>` : ''}
      ${e.date ? `<pubDate>${new Date(e.date).toUTCString()}</pubDate>` : ''}
      ${e.author ? `<dc:creator>${esc(e.author)}</dc:creator>` : ''}
      <description><![CDATA[${e.body}]]></description>
    </item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>${esc(title)}</title>
    <link>https://news.example/</link>
    <description>${esc(title)}</description>
    <language>${lang}</language>
${items}
  </channel>
</rss>`;
}

export function atom(title: string, entries: Entry[]): string {
  const list = entries
    .map(
      (e) => `  <entry>
    <title>${esc(e.title)}</title>
    <id>${esc(e.guid ?? e.link ?? e.title)}</id>
    ${e.link ? `<link rel="alternate" href="${esc(e.link)}"/>` : ''}
    <updated>${e.date ?? '2026-12-01T00:00:00Z'}</updated>
    <published>${e.date ?? '2026-12-01T00:00:00Z'}</published>
    ${e.author ? `<author><name>${esc(e.author)}</name></author>` : ''}
    <content type="html">${esc(e.body)}</content>
  </entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>${esc(title)}</title>
  <id>urn:example:feed:${esc(title)}</id>
  <updated>2026-12-01T00:00:00Z</updated>
${list}
</feed>`;
}

export function rdf(title: string, entries: Entry[]): string {
  const list = entries
    .map(
      (e) => `  <item rdf:about="${esc(e.link ?? e.guid ?? '')}">
    <title>${esc(e.title)}</title>
    <link>${esc(e.link ?? '')}</link>
    <description>${esc(e.body)}</description>
    ${e.date ? `<dc:date>${e.date}</dc:date>` : ''}
  </item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://news.example/">
    <title>${esc(title)}</title>
    <link>https://news.example/</link>
    <description>${esc(title)}</description>
  </channel>
${list}
</rdf:RDF>`;
}

export function jsonFeed(title: string, entries: Entry[], lang = 'en'): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title,
    language: lang,
    items: entries.map((e) => ({
      id: e.guid ?? e.link,
      url: e.link,
      title: e.title,
      content_html: e.body,
      date_published: e.date,
      ...(e.author ? { authors: [{ name: e.author }] } : {}),
    })),
  });
}

/** The page behind `railTeaser`: metadata in meta tags, boilerplate around the article. */
export const railPage = `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Rail line gets a new timetable | Example News</title>
<meta name="author" content="Priya Shah"><meta property="article:published_time" content="2026-12-01T07:00:00Z">
<meta property="og:site_name" content="Example News"><link rel="canonical" href="https://news.example/en/rail-timetable"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Rail line gets a new timetable</h1>
<p>The regional rail operator will change its timetable next week, adding early trains on the coastal line and cutting two late services that carried few passengers.</p>
<p>"Commuters told us the first train left too late for the morning shift at the hospital," operations manager Lucy Chen said. The earliest train will now leave at half past five.</p>
<p>Passenger groups welcomed the early trains but criticised the loss of the late services. The operator said it would review the change after three months, and that tickets bought for the old timetable would stay valid.</p>
<p>The timetable takes effect on Monday, and printed copies will be available at every station from the weekend.</p>
</article><footer>© Example News. All rights reserved. <a href="/privacy">Privacy</a></footer></body></html>`;

/** The page behind `waterTeaserAr`: right-to-left, with its metadata in JSON-LD. */
export const waterPageAr = `<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>خطة لتحلية مياه البحر - أخبار المثال</title>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"أخبار المثال"},{"@type":"NewsArticle","headline":"هيئة المياه تعلن خطة لتحلية مياه البحر","datePublished":"2026-12-01T06:00:00+03:00","author":[{"@type":"Person","name":"ريم العلي"}],"inLanguage":"ar","mainEntityOfPage":"https://news.example/ar/tahlia","publisher":{"@type":"Organization","name":"أخبار المثال"}}]}</script>
</head><body><header><a href="/">الرئيسية</a> <a href="/iqtisad">اقتصاد</a></header>
<main><article><h1>هيئة المياه تعلن خطة لتحلية مياه البحر</h1>
<p>أعلنت هيئة المياه يوم الاثنين خطة لبناء ثلاث محطات جديدة لتحلية مياه البحر على الساحل الغربي خلال السنوات الخمس المقبلة، لتلبية الطلب المتزايد على مياه الشرب في المدن الساحلية.</p>
<p>وقالت وزيرة المياه ليلى منصور: «ستوفر المحطات الجديدة مياه الشرب لمليون شخص إضافي بحلول عام 2030». وأضافت أن المحطات ستعمل بالطاقة الشمسية لخفض تكاليف التشغيل.</p>
<p>ورحب خبراء البيئة بالخطة، لكنهم طالبوا بدراسة أثر المياه المالحة المعادة إلى البحر على الثروة السمكية قبل بدء البناء.</p>
</article></main><footer>جميع الحقوق محفوظة</footer></body></html>`;
