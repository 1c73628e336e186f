import { canonicalZone } from './time.ts';

export interface SubscribeArgs {
  time?: string;
  zone?: string;
  topics: string[];
  /** "all" / "الكل" / "*": clear the topics. */
  allTopics?: boolean;
  error?: { kind: 'time' | 'zone'; value: string };
}

const ARABIC_DIGITS = /[٠-٩۰-۹]/g;
const toAscii = (s: string) => s.replace(ARABIC_DIGITS, (d) => String((d.charCodeAt(0) - 0x0660) % 0x90 % 16)).replace(/[٫:]/g, ':');

/**
 * `/subscribe [HH:MM] [IANA zone] [topic words]` in any order: "07:30 Asia/Riyadh oil gas",
 * "oil 7:30", "٠٧:٣٠ asia/riyadh نفط". A word with a slash that is not a zone, or a time out of range,
 * is an error rather than a topic.
 */
export function parseSubscribeArgs(args: string): SubscribeArgs {
  const out: SubscribeArgs = { topics: [] };
  for (const raw of args.split(/[\s,،]+/).filter(Boolean)) {
    const word = toAscii(raw);
    const time = /^(\d{1,2})(?:[:.h](\d{2}))?$/i.exec(word);
    if (time && out.time === undefined && (word.includes(':') || word.includes('.') || /h/i.test(word))) {
      const h = Number(time[1]);
      const m = Number(time[2] ?? 0);
      if (h > 23 || m > 59) return { ...out, error: { kind: 'time', value: raw } };
      out.time = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
      continue;
    }
    if (/^\d{1,2}[:.]\d+$/.test(word)) return { ...out, error: { kind: 'time', value: raw } };
    if (out.zone === undefined && (/\//.test(word) || /^(utc|gmt)$/i.test(word))) {
      const zone = canonicalZone(word);
      if (!zone) return { ...out, error: { kind: 'zone', value: raw } };
      out.zone = zone;
      continue;
    }
    if (/^(all|\*|الكل|كل)$/i.test(raw)) {
      out.allTopics = true;
      continue;
    }
    if (out.topics.length < 20) out.topics.push(raw.slice(0, 40));
  }
  return out;
}
