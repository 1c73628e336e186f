// Button actions ("/list 2", "/full <key> 3") travel as Discord custom_ids, which hold 100 characters.
// Longer ones, and repeats within one message (custom_ids must be unique there), are kept here and
// the button carries a short reference instead.
import { createHash } from 'node:crypto';

export const MAX_CUSTOM_ID = 100;
const PREFIX = '#a:';
const DEFAULT_CAPACITY = 10_000;

export class ActionStore {
  private readonly map = new Map<string, string>();

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  /** A custom_id for the action; `nth` > 0 makes a distinct id for a repeat of the same action. */
  customIdFor(action: string, nth = 0): string {
    if (nth === 0 && action.length <= MAX_CUSTOM_ID && !action.startsWith(PREFIX)) return action;
    const hash = createHash('sha256').update(action).digest('base64url').slice(0, 22);
    const id = `${PREFIX}${hash}${nth ? `:${nth}` : ''}`;
    this.map.delete(id);
    this.map.set(id, action);
    // Oldest first: a button on a very old message expires, and says so.
    while (this.map.size > this.capacity) {
      const oldest = this.map.keys().next().value;
      if (oldest === undefined) break;
      this.map.delete(oldest);
    }
    return id;
  }

  /** The action behind a custom_id; undefined for a reference that was forgotten (restart, old message). */
  actionFor(customId: string): string | undefined {
    return customId.startsWith(PREFIX) ? this.map.get(customId) : customId;
  }

  get size(): number {
    return this.map.size;
  }
}
