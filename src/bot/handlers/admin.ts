// The operators' commands. The router lets only config `admins` reach them; what they do is
// implemented by the wiring (AdminOps), so this file stays free of storage and platforms.
import { pickLanguage } from '../router.ts';
import { strings } from '../i18n.ts';
import { heading, italic, paragraph, type Block, type Post } from '../post.ts';
import type { AdminOps, BotServices, CommandRequest } from '../types.ts';

/** A broadcast waits this long for its confirmation. */
const DRAFT_TTL_MS = 10 * 60_000;
const CONFIRM = 'confirm';
const CANCEL = 'cancel';

interface Draft {
  text: string;
  at: number;
}

/** Drafts per operator (platform and user), kept with the services they belong to. */
const drafts = new WeakMap<BotServices, Map<string, Draft>>();

function draftsOf(services: BotServices): Map<string, Draft> {
  let map = drafts.get(services);
  if (!map) drafts.set(services, (map = new Map()));
  return map;
}

function ops(req: CommandRequest): AdminOps {
  // The router checks services.admin before any of these runs.
  const admin = req.services.admin;
  if (!admin) throw new Error('admin commands are not wired in');
  return admin;
}

const say = (req: CommandRequest, text: string): Post => ({ lang: req.lang, blocks: [paragraph(text)] });

export async function statsCommand(req: CommandRequest): Promise<Post> {
  const t = strings[req.lang];
  const s = await ops(req).stats();
  const depth = Object.entries(s.outbox)
    .filter(([, n]) => n > 0)
    .map(([state, n]) => `${state} ${n}`)
    .join(', ');
  const blocks: Block[] = [
    heading(t.statsTitle),
    {
      type: 'list',
      items: [[t.statsDocuments(s.documents, s.skipped)], [t.statsSubscriptions(s.subscriptions.active, s.subscriptions.inactive)], [depth ? t.statsOutbox(depth) : t.statsOutboxEmpty]],
    },
  ];
  if (s.sendingPaused) blocks.push(paragraph(italic(t.statsSendingPaused)));
  if (s.sources.length) {
    blocks.push(paragraph(t.statsSources), { type: 'list', items: s.sources.map((src) => [`${src.name}: ${src.state}${src.detail ? ` (${src.detail})` : ''}`]) });
  }
  if (s.errors.length) blocks.push(paragraph(t.statsErrors), { type: 'list', items: s.errors.map((e) => [{ text: e, code: true }]) });
  else blocks.push(paragraph(t.statsNoErrors));
  return { lang: req.lang, blocks };
}

export async function reloadCommand(req: CommandRequest): Promise<Post> {
  const r = await ops(req).reload();
  return say(req, strings[req.lang].reloaded(r.documents, r.skipped));
}

export async function pauseCommand(req: CommandRequest): Promise<Post> {
  await ops(req).pauseSending();
  return say(req, strings[req.lang].sendingPaused);
}

export async function resumeCommand(req: CommandRequest): Promise<Post> {
  await ops(req).resumeSending();
  return say(req, strings[req.lang].sendingResumed);
}

/** `/broadcast <text>` shows what would go where and waits; `/broadcast confirm` queues it. */
export async function broadcastCommand(req: CommandRequest): Promise<Post> {
  const t = strings[req.lang];
  const admin = ops(req);
  const key = `${req.message.platform}:${req.message.userId ?? ''}`;
  const pending = draftsOf(req.services);
  const word = req.args.trim().toLowerCase();
  const draft = pending.get(key);
  const fresh = draft && Date.now() - draft.at <= DRAFT_TTL_MS ? draft : undefined;
  if (word === CANCEL) {
    pending.delete(key);
    return say(req, fresh ? t.broadcastCancelled : t.broadcastNothing);
  }
  if (word === CONFIRM) {
    if (!fresh) return say(req, t.broadcastNothing);
    pending.delete(key);
    // The broadcast reads in its own language (and direction), whatever the operator's client says.
    const lang = pickLanguage(fresh.text, undefined, req.services.settings.defaultLang);
    const chats = await admin.broadcast({ lang, blocks: fresh.text.split(/\n{2,}/).map((p) => paragraph(p)) });
    return say(req, t.broadcastQueued(chats));
  }
  if (!req.args.trim()) return say(req, t.broadcastUsage);
  const audience = await admin.audience();
  if (audience === 0) return say(req, t.broadcastNoAudience);
  pending.set(key, { text: req.args.trim(), at: Date.now() });
  return {
    lang: req.lang,
    blocks: [{ type: 'quote', text: req.args.trim() }, paragraph(t.broadcastPreview(audience))],
    buttons: [[{ label: t.broadcastConfirm, action: `/broadcast ${CONFIRM}` }, { label: t.broadcastCancel, action: `/broadcast ${CANCEL}` }]],
  };
}
