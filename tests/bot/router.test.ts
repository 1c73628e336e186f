import { beforeAll, describe, expect, it } from 'vitest';
import { postText, type Post } from '../../src/bot/post.ts';
import { renderPlain } from '../../src/bot/render-plain.ts';
import { createRouter, parseCommand, pickLanguage, type Router } from '../../src/bot/router.ts';
import type { BotServices, IncomingMessage } from '../../src/bot/types.ts';
import { realServices } from '../helpers/services.ts';

let services: BotServices;
let router: Router;
const msg = (text: string, extra: Partial<IncomingMessage> = {}): IncomingMessage => ({ platform: 'test', chatId: 'c1', text, chatType: 'private', ...extra });
async function ask(text: string, extra: Partial<IncomingMessage> = {}): Promise<Post> {
  const post = await router.handle(msg(text, extra));
  if (!post) throw new Error(`no reply to ${text}`);
  return post;
}

beforeAll(async () => {
  services = await realServices();
  services.settings.botUsername = 'newsbot_test_bot';
  router = createRouter(services);
});

describe('parseCommand', () => {
  it('reads name, target bot and args', () => {
    expect(parseCommand('/summary@NewsBot 3')).toEqual({ name: 'summary', args: '3', target: 'NewsBot' });
    expect(parseCommand('/LIST')).toEqual({ name: 'list', args: '' });
    expect(parseCommand('hello /list')).toBeUndefined();
  });
});

describe('pickLanguage', () => {
  it('follows what the user wrote, then the locale, then the default', () => {
    expect(pickLanguage('ماذا قال', 'en', 'en')).toBe('ar');
    expect(pickLanguage('latest news', 'ar', 'ar')).toBe('en');
    expect(pickLanguage('3', 'ar-SA', 'en')).toBe('ar');
    expect(pickLanguage('', undefined, 'ar')).toBe('ar');
  });
});

describe('router', () => {
  it('answers /summary with the summary sentences of a document, verbatim', async () => {
    const post = await ask('/summary 1');
    const brief = services.library().byNumber(1)!;
    const text = postText(post);
    for (const i of brief.summary) expect(text).toContain(brief.sentences[i]!.text);
    expect(post.blocks[0]).toEqual({ type: 'heading', text: brief.doc.title });
    expect(post.buttons?.[0]?.[0]?.action).toMatch(/^\/full \w+ 1$/);
  });

  it('finds a document by title words and by number in plain text', async () => {
    const byWords = await ask('maternity pay');
    expect(byWords.blocks[0]).toEqual({ type: 'heading', text: 'Labour plans maternity pay rise' });
    const seedNumber = services.library().briefs.findIndex((b) => b.doc.lang === 'ar') + 1;
    const byNumber = await ask(String(seedNumber));
    expect(postText(byNumber)).toContain('بكين');
  });

  it('answers in the user language while the document keeps its own', async () => {
    const seedNumber = services.library().briefs.findIndex((b) => b.doc.lang === 'ar') + 1;
    const en = await ask(`/summary ${seedNumber}`, { locale: 'en' });
    expect(en.lang).toBe('en');
    expect(postText(en)).toMatch(/Document \d+ of \d+/);
    const ar = await ask(`/summary ${seedNumber}`, { locale: 'ar' });
    expect(ar.lang).toBe('ar');
    expect(postText(ar)).toMatch(/الوثيقة \d+ من \d+/);
    expect(postText(ar)).toContain('بكين');
  });

  it('pages /list with buttons that are commands', async () => {
    const first = await ask('/list');
    expect(first.buttons?.[0]?.map((b) => b.action)).toEqual(['/list 2']);
    const second = await ask('/list 2');
    expect(second.buttons?.[0]?.map((b) => b.action)).toEqual(['/list 1']);
    const list = second.blocks.find((b) => b.type === 'list');
    expect(list).toMatchObject({ ordered: true, start: services.settings.pageSize + 1 });
    expect((await ask('/list 999')).blocks[0]).toEqual((await ask('/list 2')).blocks[0]);
  });

  it('pages the full text of a document', async () => {
    const summary = await ask('/summary 1');
    const full = await ask(summary.buttons![0]![0]!.action);
    expect(postText(full)).toContain(services.library().byNumber(1)!.sentences[0]!.text);
  });

  it('says so when nothing matches', async () => {
    expect(postText(await ask('/summary zzqx unknownword'))).toMatch(/found no document matching “zzqx unknownword”/);
    expect(postText(await ask('/nope'))).toMatch(/don't know the command \/nope/);
    expect(postText(await ask('/nope', { locale: 'ar' }))).toMatch(/لا أعرف الأمر/);
  });

  it('stays silent in groups unless addressed, and leaves other bots their commands', async () => {
    expect(await router.handle(msg('maternity pay', { chatType: 'group', addressed: false }))).toBeNull();
    expect(await router.handle(msg('/summary@otherbot', { chatType: 'group', addressed: false }))).toBeNull();
    expect(await router.handle(msg('/weather', { chatType: 'group', addressed: false }))).toBeNull();
    expect(await router.handle(msg('/summary@newsbot_test_bot 1', { chatType: 'group', addressed: false }))).not.toBeNull();
    expect(await router.handle(msg('@newsbot_test_bot maternity pay', { chatType: 'group', addressed: true }))).not.toBeNull();
  });

  it('gives hostile input a normal answer', async () => {
    const hostile = [
      'x'.repeat(100_000),
      '<b>bold</b><script>alert(1)</script> &amp; <a href="javascript:x">',
      '**bold** _it_ `code` [link](http://x) ||spoiler|| @everyone',
      '\u202Eevil\u202C \u2066مرحبا\u2069 \u200F',
      '/summary ' + '<i>'.repeat(5000),
      '\u0000\u0007\u001b[31m',
      '«««««««««« “““““ """""',
    ];
    for (const text of hostile) {
      const post = await ask(text);
      expect(post.blocks.length).toBeGreaterThan(0);
      expect(renderPlain(post)).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    }
  });

  it('lists every visible command in /help in both languages', async () => {
    for (const locale of ['en', 'ar']) {
      const help = postText(await ask('/help', { locale }));
      for (const c of router.commands().filter((c) => !c.hidden)) expect(help).toContain(`/${c.name}`);
    }
  });
});

describe('router language for buttons', () => {
  it('answers a Full text button in the locale, not in the language of the key', async () => {
    const seedNumber = services.library().briefs.findIndex((b) => b.doc.lang === 'ar') + 1;
    const summary = await ask(`/summary ${seedNumber}`, { locale: 'ar' });
    const full = await ask(summary.buttons![0]![0]!.action, { locale: 'ar' });
    expect(full.lang).toBe('ar');
    expect(postText(full)).toMatch(/النص الكامل/);
  });
});
