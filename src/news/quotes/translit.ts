// A transliteration skeleton that Latin and Arabic spellings of one name share: consonant classes only,
// vowels and vowel letters dropped, repeats collapsed. Trump → TRMB ← ترامب, Lavrov → LFRF ← لافروف,
// Guo → K ← قو. Close but unequal skeletons are compared by edit distance.

const ARABIC_CLASS: Record<string, string> = {
  ب: 'B', پ: 'B', ت: 'T', ث: 'T', ط: 'T', ج: 'K', ح: 'H', خ: 'H', ه: 'H', د: 'D', ذ: 'D', ض: 'D', ر: 'R',
  ز: 'S', س: 'S', ص: 'S', ظ: 'S', ش: 'X', غ: 'K', ف: 'F', ڤ: 'F', ق: 'K', ك: 'K', گ: 'K', ل: 'L', م: 'M', ن: 'N',
};

const LATIN_CLASS: Record<string, string> = {
  b: 'B', p: 'B', t: 'T', d: 'D', c: 'K', g: 'K', j: 'K', k: 'K', q: 'K', f: 'F', v: 'F', h: 'H', l: 'L', m: 'M',
  n: 'N', r: 'R', s: 'S', z: 'S', x: 'KS',
};

const ARABIC_RE = /[\u0600-\u06FF]/;

function arabicSkeleton(word: string): string {
  let w = word.replace(/[\u064B-\u065F\u0670\u0640]/g, '');
  // Ta marbuta and a final ha are vowels in transliteration: Sarah/سارة.
  w = w.replace(/[ةه]$/u, '').replace(/تش/g, 'ش');
  let out = '';
  for (const ch of w) {
    const c = ARABIC_CLASS[ch];
    if (c && !out.endsWith(c)) out += c;
  }
  return out;
}

function latinSkeleton(word: string): string {
  let w = word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  w = w.replace(/h$/, '');
  w = w
    .replace(/sch|sh|ch|tch/g, 'X')
    .replace(/kh/g, 'H')
    .replace(/gh/g, 'K')
    .replace(/ph/g, 'F')
    .replace(/th/g, 'T')
    .replace(/dh/g, 'D')
    .replace(/zh/g, 'K')
    .replace(/ck|qu/g, 'K')
    .replace(/c(?=[eiy])/g, 's');
  let out = '';
  for (const ch of w) {
    const c = ch === 'X' || ch === 'H' || ch === 'K' || ch === 'F' || ch === 'T' || ch === 'D' ? ch : LATIN_CLASS[ch];
    if (!c) continue;
    for (const k of c) if (!out.endsWith(k)) out += k;
  }
  return out;
}

/** The skeleton of one word in either script. */
export function skeleton(word: string): string {
  return ARABIC_RE.test(word) ? arabicSkeleton(word) : latinSkeleton(word);
}

/** Skeletons of the words of a name ("Guo Jiakun" → ["K", "KKN"]). */
export function nameSkeletons(name: string): string[] {
  return name
    .split(/[\s\-_.]+/)
    .filter(Boolean)
    .map(skeleton)
    .filter(Boolean);
}

/** Levenshtein distance, with an early exit once `max` is exceeded. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[n]!;
}

/** How far two skeletons may be apart and still be one name. */
export function skeletonTolerance(length: number): number {
  if (length <= 2) return 0;
  if (length <= 4) return 1;
  return 2;
}

/** True when two words are spellings of one name across or within scripts. */
export function sameNameWord(a: string, b: string): boolean {
  const sa = skeleton(a);
  const sb = skeleton(b);
  if (!sa || !sb) return false;
  if (sa === sb) return true;
  const tol = Math.min(skeletonTolerance(sa.length), skeletonTolerance(sb.length));
  return tol > 0 && editDistance(sa, sb, tol) <= tol;
}
