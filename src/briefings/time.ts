// Local wall-clock time <-> UTC instants with Intl only, correct across daylight-saving changes.

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(zone, f);
  }
  return f;
}

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock reading in a zone at an instant. */
export function localParts(instant: number, zone: string): LocalParts {
  const out: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(new Date(instant))) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return { year: out.year ?? 1970, month: out.month ?? 1, day: out.day ?? 1, hour: (out.hour ?? 0) % 24, minute: out.minute ?? 0, second: out.second ?? 0 };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "YYYY-MM-DD" of an instant in a zone. */
export function localDate(instant: number, zone: string): string {
  const p = localParts(instant, zone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** "HH:MM" of an instant in a zone. */
export function localTime(instant: number, zone: string): string {
  const p = localParts(instant, zone);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** UTC offset of a zone at an instant, in ms (positive east of Greenwich). */
export function offsetAt(instant: number, zone: string): number {
  const p = localParts(instant, zone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

export function parseHhmm(time: string): { hour: number; minute: number } {
  const m = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (!m) throw new Error(`not a time: ${time}`);
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

/** Adds days to a "YYYY-MM-DD" date (calendar arithmetic, no zone). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/**
 * The UTC instant at which a zone's clocks read `time` on `date`. When the time occurs twice (clocks
 * go back) the first one; when it does not occur (clocks go forward over it) the first valid minute
 * after it.
 */
export function zonedInstant(date: string, time: string, zone: string): number {
  const [y, mo, d] = date.split('-').map(Number);
  const { hour, minute } = parseHhmm(time);
  const wall = Date.UTC(y ?? 1970, (mo ?? 1) - 1, d ?? 1, hour, minute);
  // The offset can only be one of the offsets in force around that wall time: try both neighbours.
  const offsets = new Set([offsetAt(wall - 86_400_000, zone), offsetAt(wall, zone), offsetAt(wall + 86_400_000, zone)]);
  const matches = [...offsets].map((o) => wall - o).filter((t) => {
    const p = localParts(t, zone);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) === wall;
  });
  if (matches.length) return Math.min(...matches);
  // A gap: the first minute whose wall time is past the wanted one.
  let t = Math.min(...[...offsets].map((o) => wall - o));
  for (let i = 0; i < 48 * 60; i++, t += 60_000) {
    const p = localParts(t, zone);
    if (Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) > wall) return t;
  }
  throw new Error(`no valid time near ${date} ${time} in ${zone}`);
}

/**
 * The first scheduled run strictly after `after`: today's `time` in the zone if still ahead, else the
 * next day's. Each local date has one run, so a repeated hour (clocks going back) runs once.
 */
export function nextRunAfter(after: number, time: string, zone: string): number {
  const today = localDate(after, zone);
  for (let days = 0; days < 3; days++) {
    const candidate = zonedInstant(addDays(today, days), time, zone);
    if (candidate > after) return candidate;
  }
  throw new Error(`no next run after ${new Date(after).toISOString()} for ${time} ${zone}`);
}

const zoneNames = new Map<string, string>();

/** The canonical name of an IANA time zone typed in any case ("asia/riyadh"), or undefined. */
export function canonicalZone(input: string): string | undefined {
  if (!/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+){0,2}$|^(?:UTC|GMT|Etc\/[A-Za-z0-9+-]+)$/i.test(input)) return undefined;
  if (zoneNames.size === 0) {
    for (const z of Intl.supportedValuesOf('timeZone')) zoneNames.set(z.toLowerCase(), z);
    zoneNames.set('utc', 'UTC');
    zoneNames.set('gmt', 'UTC');
  }
  const known = zoneNames.get(input.toLowerCase());
  if (known) return known;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: input }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}
