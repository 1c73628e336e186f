import type { Lang } from '../news/language.ts';
import { broadcastCommand, pauseCommand, reloadCommand, resumeCommand, statsCommand } from './handlers/admin.ts';
import { aboutCommand, fullCommand, listCommand, summaryCommand } from './handlers/news.ts';
import { quotesCommand, whoCommand, whosaidCommand } from './handlers/quotes.ts';
import { sourcesCommand } from './handlers/sources.ts';
import { searchCommand } from './handlers/search.ts';
import { strings } from './i18n.ts';
import { paragraph, type Block, type Post } from './post.ts';
import type { BriefingCommands, CommandRequest } from './types.ts';

export interface OptionSpec {
  name: string;
  type: 'string' | 'integer';
  description: Record<Lang, string>;
  required?: boolean;
  /** What Discord autocompletes this option with. */
  autocomplete?: 'documents' | 'speakers' | 'titles';
}

/** A command, declared once and rendered to Telegram's menu, Discord's slash commands and /help. */
export interface CommandSpec {
  name: string;
  description: Record<Lang, string>;
  options: OptionSpec[];
  /** Reached only through buttons (paging), never listed in menus. */
  hidden?: boolean;
  /** Needs briefings wired in. */
  needs?: 'briefings';
  /** For the bot's operators (config `admins`) only: left out of everyone else's menus, refused politely. */
  admin?: boolean;
  run(req: CommandRequest): Post | Promise<Post>;
}

export const documentOption: OptionSpec = {
  name: 'document',
  type: 'string',
  description: { en: 'Document number, title words, or "latest"', ar: 'رقم الوثيقة أو كلمات من عنوانها أو latest' },
  autocomplete: 'documents',
};

export const commands: CommandSpec[] = [
  { name: 'start', description: { en: 'Start and see what I can do', ar: 'ابدأ واعرف ما أستطيع فعله' }, options: [], run: startCommand },
  { name: 'help', description: { en: 'List the commands', ar: 'قائمة الأوامر' }, options: [], run: helpCommand },
  { name: 'summary', description: { en: 'Summary of a document (latest by default)', ar: 'ملخص وثيقة (الأحدث افتراضيًا)' }, options: [documentOption], run: summaryCommand },
  {
    name: 'list',
    description: { en: 'Documents, newest first', ar: 'الوثائق، الأحدث أولًا' },
    options: [{ name: 'page', type: 'integer', description: { en: 'Page number', ar: 'رقم الصفحة' } }],
    run: listCommand,
  },
  {
    name: 'search',
    description: { en: 'Search the news: words, a name in either script, filters', ar: 'ابحث في الأخبار: كلمات أو اسم بأي خط، ومرشحات' },
    options: [
      {
        name: 'words',
        type: 'string',
        description: { en: 'Words; filters source:NAME lang:ar|en since:7d', ar: 'كلمات؛ مرشحات source:الاسم lang:ar|en since:7d' },
        required: true,
        autocomplete: 'titles',
      },
    ],
    run: searchCommand,
  },
  {
    name: 'who',
    description: { en: 'What a person said: their quotes, newest first', ar: 'ماذا قال شخص: اقتباساته، الأحدث أولًا' },
    options: [{ name: 'name', type: 'string', description: { en: 'Name, in Arabic or Latin script', ar: 'الاسم، بالعربية أو اللاتينية' }, autocomplete: 'speakers' }],
    run: whoCommand,
  },
  {
    name: 'quotes',
    description: { en: 'Who said what in a document', ar: 'من قال ماذا في وثيقة' },
    options: [documentOption],
    run: quotesCommand,
  },
  {
    name: 'whosaid',
    description: { en: 'Who said these words', ar: 'من قال هذه الكلمات' },
    options: [{ name: 'words', type: 'string', description: { en: 'Words from the quote', ar: 'كلمات من الاقتباس' }, required: true }],
    run: whosaidCommand,
  },
  {
    name: 'sources',
    description: { en: 'Feeds and folders I read, and how they are doing', ar: 'الخلاصات والمجلدات التي أقرؤها وحالتها' },
    options: [],
    run: sourcesCommand,
  },
  { name: 'about', description: { en: 'About this bot', ar: 'عن هذا البوت' }, options: [], run: aboutCommand },
  { name: 'full', description: { en: 'Full text of a document', ar: 'النص الكامل لوثيقة' }, options: [], hidden: true, run: fullCommand },
  {
    name: 'subscribe',
    description: { en: 'Get a news briefing every day', ar: 'موجز أخبار كل يوم' },
    options: [
      { name: 'time', type: 'string', description: { en: 'Time of day, HH:MM (e.g. 07:30)', ar: 'وقت اليوم HH:MM (مثل 07:30)' } },
      { name: 'timezone', type: 'string', description: { en: 'IANA time zone, e.g. Asia/Riyadh', ar: 'المنطقة الزمنية، مثل Asia/Riyadh' } },
      { name: 'topics', type: 'string', description: { en: 'Topic words (all topics when empty)', ar: 'كلمات المواضيع (كل المواضيع إن تُركت فارغة)' } },
    ],
    needs: 'briefings',
    run: (req) => briefing(req, (b) => b.subscribe(req.message, req.args, req.lang)),
  },
  {
    name: 'unsubscribe',
    description: { en: 'Stop the daily briefing here', ar: 'إيقاف الموجز اليومي هنا' },
    options: [],
    needs: 'briefings',
    run: (req) => briefing(req, (b) => b.unsubscribe(req.message, req.args, req.lang)),
  },
  {
    name: 'subscriptions',
    description: { en: 'This chat’s briefings: time, zone and topics', ar: 'موجزات هذه المحادثة: الوقت والمنطقة والمواضيع' },
    options: [],
    needs: 'briefings',
    run: (req) => briefing(req, (b) => b.list(req.message, req.lang)),
  },
  {
    name: 'alert',
    description: { en: 'Post each new story here as it arrives; /alert off stops', ar: 'انشر كل قصة جديدة هنا فور وصولها؛ ‎/alert off للإيقاف' },
    options: [{ name: 'topics', type: 'string', description: { en: 'Topic words, or "off" (all topics when empty)', ar: 'كلمات المواضيع أو off (كل المواضيع إن تُركت فارغة)' } }],
    needs: 'briefings',
    run: (req) => briefing(req, (b) => b.alert(req.message, req.args, req.lang)),
  },
  {
    name: 'digest',
    description: { en: 'A news briefing now', ar: 'موجز الأخبار الآن' },
    options: [{ name: 'topics', type: 'string', description: { en: 'Topic words (default: this chat’s)', ar: 'كلمات المواضيع (افتراضيًا مواضيع هذه المحادثة)' } }],
    needs: 'briefings',
    run: (req) => briefing(req, (b) => b.digestNow(req.message, req.args, req.lang)),
  },
  { name: 'stats', description: { en: 'Bot status: documents, subscriptions, outbox, errors', ar: 'حالة البوت: الوثائق والاشتراكات وصندوق الإرسال والأخطاء' }, options: [], admin: true, run: statsCommand },
  { name: 'reload', description: { en: 'Reload the content now', ar: 'إعادة تحميل المحتوى الآن' }, options: [], admin: true, run: reloadCommand },
  {
    name: 'broadcast',
    description: { en: 'Send a message to every subscribed chat (asks to confirm)', ar: 'إرسال رسالة إلى كل المحادثات المشتركة (مع تأكيد)' },
    options: [{ name: 'text', type: 'string', description: { en: 'The message, or "confirm"', ar: 'نص الرسالة، أو confirm' }, required: true }],
    admin: true,
    run: broadcastCommand,
  },
  { name: 'pause', description: { en: 'Pause sending digests and broadcasts', ar: 'إيقاف إرسال الموجزات والرسائل الجماعية مؤقتًا' }, options: [], admin: true, run: pauseCommand },
  { name: 'resume', description: { en: 'Resume sending', ar: 'استئناف الإرسال' }, options: [], admin: true, run: resumeCommand },
];

function briefing(req: CommandRequest, run: (b: BriefingCommands) => Promise<Post>): Post | Promise<Post> {
  const b = req.services.briefings;
  return b ? run(b) : { lang: req.lang, blocks: [paragraph(strings[req.lang].noDigestTarget)] };
}

/** Commands available on this bot: the briefing ones only when briefings are wired in, the operators' ones when admin is. */
export function availableCommands(services: { briefings?: unknown; admin?: unknown }): CommandSpec[] {
  return commands.filter((c) => (c.needs !== 'briefings' || services.briefings) && (!c.admin || services.admin));
}

function helpBlocks(req: CommandRequest): Block[] {
  const t = strings[req.lang];
  const line = (c: CommandSpec) => [{ text: `/${c.name}${c.options.length ? ` [${c.options.map((o) => o.name).join('] [')}]` : ''}`, code: true }, ` — ${c.description[req.lang]}`];
  const listed = availableCommands(req.services).filter((c) => !c.hidden);
  const blocks: Block[] = [paragraph(t.helpIntro), { type: 'list', items: listed.filter((c) => !c.admin).map(line) }, paragraph(t.helpPlain)];
  if (req.services.admin?.isOperator(req.message.platform, req.message.userId)) blocks.push(paragraph(t.adminCommands), { type: 'list', items: listed.filter((c) => c.admin).map(line) });
  return blocks;
}

function startCommand(req: CommandRequest): Post {
  return { lang: req.lang, blocks: [paragraph(strings[req.lang].welcome), ...helpBlocks(req)] };
}

function helpCommand(req: CommandRequest): Post {
  return { lang: req.lang, blocks: helpBlocks(req) };
}
