import type { SourceStatus } from '../../news/store.ts';
import { strings } from '../i18n.ts';
import { heading, italic, link, paragraph, type Inline, type Post } from '../post.ts';
import type { CommandRequest } from '../types.ts';

const STATES: SourceStatus['state'][] = ['ok', 'failing', 'paused', 'gone'];

function when(ms: number, lang: 'ar' | 'en', timeZone: string): string {
  return new Intl.DateTimeFormat(lang === 'ar' ? 'ar-EG' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(ms);
}

/** /sources: the content folder and every feed, with its state, documents, last success and last error. */
export function sourcesCommand(req: CommandRequest): Post {
  const { services, lang } = req;
  const t = strings[lang];
  const sources = services.sources?.() ?? [];
  if (!sources.length) return { lang, blocks: [paragraph(t.noSources)] };
  const stateNames = t.sourceStates.split('|');
  const items: Inline[][] = sources.map((s) => {
    const state = stateNames[STATES.indexOf(s.state)] ?? s.state;
    const facts = [state, t.sourceItems(s.items), s.lastSuccessAt !== undefined ? t.sourceLastSuccess(when(s.lastSuccessAt, lang, services.settings.timeZone)) : t.sourceNever];
    const line: Inline[] = [s.url ? link(s.name, s.url) : { text: s.name, bold: true }, ` — ${facts.join(' · ')}`];
    if (s.lastError && s.state !== 'ok') line.push(italic(` (${t.sourceError(s.lastError)})`));
    return line;
  });
  return { lang, blocks: [heading(t.sourcesTitle), { type: 'list', items }] };
}
