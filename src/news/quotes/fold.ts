// A matching form of a document that keeps a way back to the original offsets: Arabic letters folded
// (alef forms, alef maqsura, ta marbuta, hamza seats), diacritics, tatweel and invisible controls removed.
// Case and everything else stay, so Latin names keep their capitals.

export interface Folded {
  text: string;
  /** map[i] is the offset in the original of folded character i; map[text.length] is the original length. */
  map: Int32Array;
}

// 0x0600..0x06FF: 0 = dropped, otherwise the folded code.
const TABLE = new Uint16Array(0x0100);
for (let c = 0; c < 0x100; c++) TABLE[c] = 0x0600 + c;
const PAIRS: [number, number][] = [
  [0x0623, 0x0627], // أ
  [0x0625, 0x0627], // إ
  [0x0622, 0x0627], // آ
  [0x0671, 0x0627], // ٱ
  [0x0649, 0x064a], // ى
  [0x0629, 0x0647], // ة
  [0x0624, 0x0648], // ؤ
  [0x0626, 0x064a], // ئ
];
for (const [from, to] of PAIRS) TABLE[from - 0x0600] = to;
for (let c = 0x064b; c <= 0x065f; c++) TABLE[c - 0x0600] = 0;
for (let c = 0x0610; c <= 0x061a; c++) TABLE[c - 0x0600] = 0;
for (let c = 0x06d6; c <= 0x06ed; c++) TABLE[c - 0x0600] = 0;
TABLE[0x0670 - 0x0600] = 0;
TABLE[0x0640 - 0x0600] = 0;
TABLE[0x061c - 0x0600] = 0;

const UTF16 = new TextDecoder('utf-16le');

/** The folded code of c, or 0 when c is dropped. */
function foldOne(c: number): number {
  if (c < 0x0600) return c;
  if (c < 0x0700) return TABLE[c - 0x0600]!;
  if ((c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c === 0xfeff) return 0;
  return c;
}

/** The folded text and its offset map. Text without Arabic comes back as is with an identity map. */
export function fold(text: string): Folded {
  const n = text.length;
  const codes = new Uint16Array(n);
  const map = new Int32Array(n + 1);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const c = foldOne(text.charCodeAt(i));
    if (c === 0) continue;
    codes[k] = c;
    map[k] = i;
    k++;
  }
  map[k] = n;
  return { text: UTF16.decode(codes.subarray(0, k)), map: k === n ? map : map.subarray(0, k + 1) };
}

/** Folds a short string (a word list entry, a query): the same folding without the map. */
export function foldString(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = foldOne(text.charCodeAt(i));
    if (c === 0) continue;
    out += String.fromCharCode(c);
  }
  return out;
}
