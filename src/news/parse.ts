import path from 'node:path';
import matter from 'gray-matter';
import { z } from 'zod';
import { extractArticle, htmlToText, langOf } from './html.ts';
import { detectLanguage, type DetectedLang } from './language.ts';
import type { NewsDocument } from './types.ts';

export const SUPPORTED_EXTENSIONS = ['.txt', '.md', '.json', '.html', '.htm'] as const;

/** Why a file was not loaded; the loader logs it with the file name and goes on. */
export class ContentError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'ContentError';
  }
}

const langField = z.enum(['ar', 'en']).optional();
const dateField = z.union([z.string(), z.date(), z.number()]).optional();

const jsonSchema = z.object({
  title: z.string().optional(),
  text: z.string().min(1, 'text must not be empty'),
  date: dateField,
  source: z.string().optional(),
  url: z.string().optional(),
  lang: langField,
  tags: z.array(z.string()).optional(),
});

const frontMatterSchema = z.object({
  title: z.string().optional(),
  date: dateField,
  source: z.string().optional(),
  url: z.string().optional(),
  lang: langField,
  tags: z.union([z.array(z.string()), z.string()]).optional(),
});

/** A stable id from the file name: the same file keeps its id across restarts. */
export function documentId(file: string): string {
  const base = file.replace(/\.[^./\\]+$/, '').replace(/[\\/]+/g, '-');
  return base.normalize('NFC').replace(/[^\p{L}\p{N}_.-]+/gu, '-').replace(/^-+|-+$/g, '') || 'doc';
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Decodes strictly: binary and non-UTF-8 content is refused, never shown as mojibake. */
export function decodeText(file: string, bytes: Uint8Array): string {
  if (bytes.length === 0) throw new ContentError(file, 'the file is empty');
  if (bytes.includes(0)) throw new ContentError(file, 'the file looks binary (it contains NUL bytes)');
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw new ContentError(file, 'the file is not valid UTF-8');
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!text.trim()) throw new ContentError(file, 'the file has no text');
  return text;
}

function parseDate(file: string, value: string | Date | number | undefined, fallback: Date): Date {
  if (value === undefined) return fallback;
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new ContentError(file, `date "${String(value)}" is not a date (use YYYY-MM-DD or an ISO 8601 time)`);
  return date;
}

const SENTENCE_END = /[.!?؟。…]["'”»)]*$/u;

/** Title from the first line when it reads like a headline: short, no closing full stop, or set off by a blank line. */
function splitTitle(text: string): { title?: string; body: string } {
  const trimmed = text.replace(/^\s*\n/, '');
  const nl = trimmed.indexOf('\n');
  if (nl === -1) return { body: trimmed };
  const first = trimmed.slice(0, nl).trim();
  const rest = trimmed.slice(nl + 1);
  const blankAfter = /^[ \t]*\n/.test(rest);
  if (first.length > 0 && first.length <= 160 && (blankAfter || !SENTENCE_END.test(first))) {
    return { title: first, body: rest.replace(/^\s*\n/, '') };
  }
  return { body: trimmed };
}

/** A title from the first sentence, cut at a word boundary. */
export function titleFromText(text: string): string {
  const first = text.trim().split('\n')[0] ?? '';
  const sentence = /^(.+?[.!?؟])(\s|$)/u.exec(first)?.[1] ?? first;
  if (sentence.length <= 100) return sentence.replace(/[.]$/, '');
  const cut = sentence.slice(0, 100);
  const space = cut.lastIndexOf(' ');
  return `${(space > 40 ? cut.slice(0, space) : cut).replace(/[\s,،:;]+$/, '')}…`;
}

interface Fields {
  title?: string;
  body: string;
  date: Date;
  lang?: 'ar' | 'en';
  source?: string;
  url?: string;
  tags?: string[] | string;
  author?: string;
  canonicalUrl?: string;
}

function finish(file: string, fields: Fields): NewsDocument {
  const body = fields.body.trim();
  if (!body) throw new ContentError(file, 'the document has no body text');
  const lang: DetectedLang = fields.lang ?? detectLanguage(body);
  const tags = typeof fields.tags === 'string' ? fields.tags.split(',').map((t) => t.trim()).filter(Boolean) : (fields.tags ?? []);
  return {
    id: documentId(file),
    file,
    title: fields.title?.trim() || titleFromText(body),
    text: body,
    date: fields.date,
    lang,
    ...(fields.source ? { source: fields.source } : {}),
    ...(fields.url ? { url: fields.url } : {}),
    tags,
    ...(fields.author ? { author: fields.author } : {}),
    ...(fields.canonicalUrl ? { canonicalUrl: fields.canonicalUrl } : {}),
  };
}

function issues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}

/** Parses one content file. `file` is its path relative to the content folder. Throws ContentError. */
export function parseDocument(file: string, bytes: Uint8Array, mtime: Date): NewsDocument {
  const text = decodeText(file, bytes);
  const ext = path.extname(file).toLowerCase();
  if (ext === '.json') {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (e) {
      throw new ContentError(file, `not valid JSON (${(e as Error).message})`);
    }
    const parsed = jsonSchema.safeParse(raw);
    if (!parsed.success) throw new ContentError(file, `expected {title?, text, date?, source?, url?, lang?}: ${issues(parsed.error)}`);
    const d = parsed.data;
    return finish(file, { ...d, body: d.text, date: parseDate(file, d.date, mtime) });
  }
  if (ext === '.md') {
    let fm: matter.GrayMatterFile<string>;
    try {
      fm = matter(text);
    } catch (e) {
      throw new ContentError(file, `front matter is not valid YAML (${(e as Error).message.split('\n')[0]})`);
    }
    const parsed = frontMatterSchema.safeParse(fm.data);
    if (!parsed.success) throw new ContentError(file, `front matter: ${issues(parsed.error)}`);
    const d = parsed.data;
    const { title, body } = d.title ? { title: d.title, body: fm.content } : splitMarkdownTitle(fm.content);
    return finish(file, { ...d, ...(title ? { title } : {}), body, date: parseDate(file, d.date, mtime) });
  }
  if (ext === '.txt') {
    const { title, body } = splitTitle(text);
    return finish(file, { ...(title ? { title } : {}), body, date: mtime });
  }
  if (ext === '.html' || ext === '.htm') return parseHtml(file, text, mtime);
  throw new ContentError(file, `unsupported file type "${ext}" (use ${SUPPORTED_EXTENSIONS.join(', ')})`);
}

function splitMarkdownTitle(content: string): { title?: string; body: string } {
  const m = /^\s*#\s+(.+)\n/.exec(content);
  if (m?.[1]) return { title: m[1].trim(), body: content.slice(m[0].length) };
  return splitTitle(content);
}

/** A saved web page: its main text (Readability), title, date, author, language and canonical URL. */
function parseHtml(file: string, text: string, mtime: Date): NewsDocument {
  const article = extractArticle(text);
  const body = article?.text ?? htmlToText(text);
  const lang = langOf(article?.lang);
  return finish(file, {
    body,
    date: article?.date ?? mtime,
    ...(article?.title ? { title: article.title } : {}),
    ...(lang ? { lang } : {}),
    ...(article?.siteName ? { source: article.siteName } : {}),
    ...(article?.canonicalUrl ? { url: article.canonicalUrl, canonicalUrl: article.canonicalUrl } : {}),
    ...(article?.author ? { author: article.author } : {}),
  });
}
