import { describe, expect, it } from 'vitest';
import { ActionStore } from '../../../src/adapters/discord/actions.ts';
import { embedChars, escapeMarkdown, isolateLatin, LIMITS, renderButtons, renderPost, type DiscordMessage } from '../../../src/adapters/discord/render.ts';
import { bold, heading, italic, link, paragraph, type Post } from '../../../src/bot/post.ts';

const FSI = '\u2068';
const PDI = '\u2069';

/** Every Discord limit a message must respect (UTF-16 lengths, never fewer than Discord's count). */
function expectWithinLimits(messages: DiscordMessage[]): void {
  expect(messages.length).toBeGreaterThan(0);
  for (const m of messages) {
    expect((m.content ?? '').length).toBeLessThanOrEqual(LIMITS.content);
    const embeds = m.embeds ?? [];
    expect(embeds.length).toBeLessThanOrEqual(LIMITS.embeds);
    expect(embedChars(embeds)).toBeLessThanOrEqual(LIMITS.embedTotal);
    for (const e of embeds) {
      expect((e.title ?? '').length).toBeLessThanOrEqual(LIMITS.title);
      expect((e.description ?? '').length).toBeLessThanOrEqual(LIMITS.description);
      expect(e.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.fields);
    }
    expect(Boolean(m.content?.trim()) || embeds.some((e) => e.title || e.description)).toBe(true);
    const rows = m.components ?? [];
    expect(rows.length).toBeLessThanOrEqual(LIMITS.rows);
    for (const row of rows) {
      expect(row.components.length).toBeGreaterThan(0);
      expect(row.components.length).toBeLessThanOrEqual(LIMITS.buttonsPerRow);
      for (const b of row.components) {
        expect(b.label?.length ?? 0).toBeLessThanOrEqual(LIMITS.label);
        expect(b.custom_id.length).toBeLessThanOrEqual(100);
      }
    }
  }
}

/** The visible text of rendered messages: markdown escapes removed. */
function visible(messages: DiscordMessage[]): string {
  return messages
    .flatMap((m) => [m.content ?? '', ...(m.embeds ?? []).flatMap((e) => [e.title ?? '', e.description ?? ''])])
    .join('\n')
    .replace(/\\(.)/g, '$1');
}

/** Markdown that pairs up: ** and unescaped single * counts are even on every line. */
function expectBalanced(text: string): void {
  for (const line of text.split('\n')) {
    const unescaped = line.replace(/\\./g, '');
    expect((unescaped.match(/\*\*/g) ?? []).length % 2, line.slice(0, 80)).toBe(0);
    expect((unescaped.replace(/\*\*/g, '').match(/\*/g) ?? []).length % 2, line.slice(0, 80)).toBe(0);
    expect((unescaped.match(/`/g) ?? []).length % 2, line.slice(0, 80)).toBe(0);
  }
}

describe('renderPost', () => {
  it('a post with a heading is one embed: title, description, buttons with the action as custom_id', () => {
    const post: Post = {
      lang: 'en',
      blocks: [heading('Dollar gains'), paragraph(italic('Document 1 of 3')), paragraph('The dollar rose.')],
      buttons: [[{ label: 'Full text', action: '/full abc 1' }]],
    };
    const [m, ...rest] = renderPost(post);
    expect(rest).toEqual([]);
    expect(m?.embeds).toEqual([{ title: 'Dollar gains', description: '*Document 1 of 3*\n\nThe dollar rose.', color: expect.any(Number) }]);
    expect(m?.components).toEqual([{ type: 1, components: [{ type: 2, style: 2, label: 'Full text', custom_id: '/full abc 1' }] }]);
  });

  it('a post without a heading is plain content; styles become markdown; links are masked', () => {
    const [m] = renderPost({ lang: 'en', blocks: [paragraph('Read ', bold('this'), ' at ', link('BBC', 'https://bbc.co.uk/a_(b)'), ' ', { text: 'cmd', code: true })] });
    expect(m?.content).toBe('Read **this** at [BBC](https://bbc.co.uk/a_%28b%29) `cmd`');
    expect(m?.embeds).toBeUndefined();
    const [unsafe] = renderPost({ lang: 'en', blocks: [paragraph(link('click', 'javascript:alert(1)'))] });
    expect(unsafe?.content).toBe('click');
  });

  it('escapes markdown, mentions and line-start syntax in dynamic text', () => {
    const hostile = '**bold** _it_ `code` ~~s~~ ||spoiler|| [x](https://evil.example) <@123> <@&9> @everyone';
    const [m] = renderPost({ lang: 'en', blocks: [paragraph(hostile), paragraph('> not a quote'), paragraph('# not a heading'), paragraph('-# small'), paragraph('1. not a list')] });
    const content = m?.content ?? '';
    expect(content).toContain('\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\~\\~s\\~\\~ \\|\\|spoiler\\|\\| \\[x\\](https://evil.example) \\<@123> \\<@&9> @everyone');
    expect(content).toContain('\\> not a quote');
    expect(content).toContain('\\# not a heading');
    expect(content).toContain('\\-# small');
    expect(content).toContain('1\\. not a list');
    expect(escapeMarkdown('a > b # c - d', false)).toBe('a > b # c - d');
  });

  it('quotes are "> " blocks with the citation inside', () => {
    const [m] = renderPost({ lang: 'en', blocks: [{ type: 'quote', text: 'We will win.\nAnd soon.', cite: [bold('Jarre'), ', BBC'] }] });
    expect(m?.content).toBe('> We will win.\n> And soon.\n> — **Jarre**, BBC');
  });

  it('lists keep their numbers (from start) without turning into Discord lists', () => {
    const [m] = renderPost({ lang: 'en', blocks: [{ type: 'list', ordered: true, start: 11, items: [['Eleven'], ['Twelve']] }, { type: 'list', items: [['dot']] }] });
    expect(m?.content).toBe('11\\. Eleven\n12\\. Twelve\n\n• dot');
  });

  it('isolates Latin runs in right-to-left lines and strips incoming bidi controls', () => {
    const [m] = renderPost({ lang: 'ar', blocks: [paragraph('قال Donald Trump إن \u202Eالاتفاق\u202C قريب.'), paragraph('BBC News reported it.')] });
    const [arabic, , english] = (m?.content ?? '').split('\n');
    expect(arabic).toBe(`\u200Fقال ${FSI}Donald Trump${PDI} إن الاتفاق قريب.`);
    expect(english).toBe('BBC News reported it.');
    expect(isolateLatin('زار Jean-Michel Jarre و BBC One')).toBe(`زار ${FSI}Jean-Michel Jarre${PDI} و ${FSI}BBC One${PDI}`);
  });

  it('an Arabic title is isolated too, and a title over 256 characters is clipped', () => {
    const [m] = renderPost({ lang: 'ar', blocks: [heading(`ترامب و Putin ${'ا'.repeat(400)}`), paragraph('نص')] });
    const title = m?.embeds?.[0]?.title ?? '';
    expect(title.length).toBeLessThanOrEqual(256);
    expect(title).toContain(`${FSI}Putin${PDI}`);
    expect(title.endsWith('…')).toBe(true);
  });

  it('a very long post is split over embeds and messages within every limit, losing no text', () => {
    const words = Array.from({ length: 20_000 }, (_, i) => `w${i}`);
    const paragraphs = Array.from({ length: 40 }, (_, p) => paragraph(words.slice(p * 500, (p + 1) * 500).join(' ')));
    const post: Post = { lang: 'en', blocks: [heading('T'.repeat(1000)), ...paragraphs], buttons: [[{ label: 'Next', action: '/full k 2' }]] };
    const messages = renderPost(post);
    expectWithinLimits(messages);
    expect(messages.length).toBeGreaterThan(2);
    const text = visible(messages);
    for (const w of [words[0], words[4999], words[19_999]]) expect(text).toContain(` ${w}`.trimStart());
    expect(text.split(/\s+/).filter((w) => /^w\d+$/.test(w))).toHaveLength(20_000);
    // Buttons go on the last message only.
    expect(messages.slice(0, -1).every((m) => !m.components)).toBe(true);
    expect(messages.at(-1)?.components).toHaveLength(1);
  });

  it('one giant styled run is cut into pieces that each keep their markers', () => {
    const post: Post = { lang: 'en', blocks: [paragraph(bold('b'.repeat(9000)), italic(' tail * with _ markdown '.repeat(300)), { text: 'x`y'.repeat(2000), code: true })] };
    for (const style of ['embed', 'plain'] as const) {
      const messages = renderPost(post, { style });
      expectWithinLimits(messages);
      for (const m of messages) {
        expectBalanced(m.content ?? '');
        for (const e of m.embeds ?? []) expectBalanced(e.description ?? '');
      }
      expect(visible(messages).replace(/[*`\s]/g, '').match(/b/g)?.length).toBeGreaterThanOrEqual(9000);
    }
  });

  it('100 kB of one unbroken word (and astral emoji) still fits, without splitting a surrogate pair', () => {
    const post: Post = { lang: 'en', blocks: [paragraph('😀'.repeat(30_000) + 'x'.repeat(40_000))] };
    const messages = renderPost(post, { style: 'plain' });
    expectWithinLimits(messages);
    for (const m of messages) expect(m.content).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect([...visible(messages)].filter((c) => c === '😀')).toHaveLength(30_000);
  });

  it('an empty post still renders a message', () => {
    expect(renderPost({ lang: 'en', blocks: [] })).toEqual([{ content: '…' }]);
    expect(renderPost({ lang: 'en', blocks: [paragraph('   '), paragraph('\u202E')] })).toEqual([{ content: '…' }]);
    expectWithinLimits(renderPost({ lang: 'en', blocks: [heading('')] }));
  });
});

describe('renderButtons', () => {
  it('wraps rows at 5, keeps at most 5 rows, clips labels, and maps long or repeated actions', () => {
    const actions = new ActionStore();
    const long = `/full ${'k'.repeat(150)} 2`;
    const row = Array.from({ length: 12 }, (_, i) => ({ label: `L${i} ${'x'.repeat(100)}`, action: `/list ${i}` }));
    const rows = renderButtons([row, [{ label: 'Long', action: long }, { label: 'Again', action: long }, { label: '', action: '/list 1' }], ...Array(5).fill(row)], actions);
    expect(rows).toHaveLength(5);
    expect(rows.map((r) => r.components.length)).toEqual([5, 5, 2, 3, 5]);
    const ids = rows.flatMap((r) => r.components.map((b) => b.custom_id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of rows) for (const b of r.components) expect(b.label!.length).toBeLessThanOrEqual(80);
    const [longId, againId, repeatId] = rows[3]!.components.map((b) => b.custom_id);
    expect(longId!.length).toBeLessThanOrEqual(100);
    expect(actions.actionFor(longId!)).toBe(long);
    expect(actions.actionFor(againId!)).toBe(long);
    expect(actions.actionFor(repeatId!)).toBe('/list 1');
    expect(rows[3]!.components[2]!.label).toBe('…');
    expect(actions.actionFor('/list 3')).toBe('/list 3');
    expect(actions.actionFor('#a:forgotten')).toBeUndefined();
  });

  it('the action store forgets its oldest entries beyond its capacity', () => {
    const actions = new ActionStore(2);
    const ids = ['a', 'b', 'c'].map((x) => actions.customIdFor(`/${x.repeat(120)}`));
    expect(actions.size).toBe(2);
    expect(actions.actionFor(ids[0]!)).toBeUndefined();
    expect(actions.actionFor(ids[2]!)).toBe(`/${'c'.repeat(120)}`);
  });
});
