// Compact postings for the search index: per term, the (slot, weight) pairs of the documents holding it.
// Most postings sit in one frozen byte array (gap and weight as varints: 2-3 bytes a posting, where a
// pair of numbers in a JS array costs 16); postings added since the last freeze sit in flat typed
// arrays chained per term (13 bytes each) and are folded in once they grow past a share of the frozen
// part. Adding a document stays cheap, the whole stays compact, and no step allocates per term.

const MIN_RECENT = 200_000;

function grow<T extends Uint8Array | Uint32Array | Int32Array>(array: T, need: number, make: (n: number) => T): T {
  if (need <= array.length) return array;
  const next = make(Math.max(need, Math.ceil(array.length * 1.5), 256));
  next.set(array);
  return next;
}

export class Postings {
  /** Frozen lists: term t's bytes are bytes[offsets[t] .. offsets[t + 1]), slots ascending. */
  private offsets = new Uint32Array(1);
  private bytes = new Uint8Array(0);
  private frozenTerms = 0;
  private frozenPostings = 0;
  /** Recent postings, chained per term newest first: head[term] -> index, next[index] -> older index. */
  private head = new Int32Array(0);
  private next = new Int32Array(0);
  private slots = new Uint32Array(0);
  private weights = new Uint8Array(0);
  private recent = 0;
  /** Documents per term (dead ones included until the next freeze). */
  private df = new Uint32Array(0);

  /** `minRecent`: recent postings held before a freeze is considered (tests make it small). */
  constructor(private readonly minRecent = MIN_RECENT) {}

  add(term: number, slot: number, weight: number): void {
    if (term >= this.head.length) {
      const old = this.head.length;
      this.head = grow(this.head, term + 1, (n) => new Int32Array(n));
      this.head.fill(-1, old);
      this.df = grow(this.df, term + 1, (n) => new Uint32Array(n));
    }
    const i = this.recent++;
    if (i >= this.slots.length) this.reserve(i + 1);
    this.next[i] = this.head[term]!;
    this.slots[i] = slot;
    this.weights[i] = Math.min(255, weight);
    this.head[term] = i;
    this.df[term] = this.df[term]! + 1;
  }

  /** Room for the recent postings until the next freeze, in one allocation (growing by steps would leave freed buffers behind). */
  private reserve(need: number): void {
    const size = Math.max(need, Math.ceil(Math.max(this.minRecent, this.frozenPostings / 4) * 1.02) + 1024);
    this.next = grow(this.next, size, (n) => new Int32Array(n));
    this.slots = grow(this.slots, size, (n) => new Uint32Array(n));
    this.weights = grow(this.weights, size, (n) => new Uint8Array(n));
  }

  docFrequency(term: number): number {
    return this.df[term] ?? 0;
  }

  /** True when enough has been added since the last freeze that folding it in is worth it. */
  wantsFreeze(): boolean {
    return this.recent > Math.max(this.minRecent, this.frozenPostings / 4);
  }

  /** Visits every posting of a term (frozen ones ascending, then recent ones newest first). */
  forEach(term: number, visit: (slot: number, weight: number) => void): void {
    if (term < this.frozenTerms) {
      const end = this.offsets[term + 1]!;
      const bytes = this.bytes;
      let at = this.offsets[term]!;
      let slot = 0;
      while (at < end) {
        let b = bytes[at++]!;
        let gap = b & 0x7f;
        for (let shift = 128; b & 0x80; shift *= 128) {
          b = bytes[at++]!;
          gap += (b & 0x7f) * shift;
        }
        slot += gap;
        visit(slot, bytes[at++]!);
      }
    }
    for (let i = this.head[term] ?? -1; i >= 0; i = this.next[i]!) visit(this.slots[i]!, this.weights[i]!);
  }

  /** Folds the recent postings into the frozen bytes, dropping dead slots; `terms` is the vocabulary size. */
  freeze(terms: number, alive: (slot: number) => boolean): void {
    const offsets = new Uint32Array(terms + 1);
    let out = new Uint8Array(Math.max(256, Math.ceil((this.bytes.length + this.recent * 3) * 1.05)));
    let at = 0;
    let postings = 0;
    const df = new Uint32Array(Math.max(terms, this.df.length));
    const scratch: number[] = [];
    for (let t = 0; t < terms; t++) {
      offsets[t] = at;
      scratch.length = 0;
      this.forEach(t, (slot, weight) => {
        if (alive(slot)) scratch.push(slot, weight);
      });
      // Recent postings came newest first: sort the pairs by slot so gaps stay positive.
      const pairs = scratch.length / 2;
      const order = Array.from({ length: pairs }, (_, k) => k).sort((a, b) => scratch[2 * a]! - scratch[2 * b]!);
      out = grow(out, at + pairs * 6, (n) => new Uint8Array(n));
      let last = 0;
      for (const k of order) {
        const slot = scratch[2 * k]!;
        let v = slot - last;
        last = slot;
        while (v >= 0x80) {
          out[at++] = (v & 0x7f) | 0x80;
          v = Math.floor(v / 128);
        }
        out[at++] = v;
        out[at++] = scratch[2 * k + 1]!;
      }
      df[t] = pairs;
      postings += pairs;
    }
    offsets[terms] = at;
    this.offsets = offsets;
    // A view, not a copy: the few percent of slack cost less than a third buffer at the peak.
    this.bytes = out.subarray(0, at);
    this.frozenTerms = terms;
    this.frozenPostings = postings;
    this.head.fill(-1);
    this.recent = 0;
    // A bulk load leaves big recent arrays behind: give them back (the next add reserves what it needs).
    if (this.slots.length > this.minRecent * 2) {
      this.next = new Int32Array(0);
      this.slots = new Uint32Array(0);
      this.weights = new Uint8Array(0);
    }
    this.df = df;
  }

  /** Bytes held by the typed arrays. */
  bytesHeld(): number {
    return this.offsets.byteLength + this.bytes.buffer.byteLength + this.df.byteLength + this.head.byteLength + this.next.byteLength + this.slots.byteLength + this.weights.byteLength;
  }

  stats(): { postings: number; frozenBytes: number; recent: number } {
    return { postings: this.frozenPostings + this.recent, frozenBytes: this.bytes.length, recent: this.recent };
  }
}
