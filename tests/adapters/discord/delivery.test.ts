import { describe, expect, it } from 'vitest';
import { markerFor, withMarker } from '../../../src/adapters/discord/delivery.ts';
import { embedChars, LIMITS, renderPost } from '../../../src/adapters/discord/render.ts';
import { heading, paragraph } from '../../../src/bot/post.ts';

const marker = markerFor('nbkey', 0);

describe('the invisible marker of an outbox message', () => {
  it('goes at the end of the text: content, else the first embed’s description, else its title', () => {
    expect(withMarker({ content: 'Morning' }, marker).content).toBe(`Morning${marker}`);
    const [digest] = renderPost({ lang: 'en', blocks: [heading('Your news briefing'), paragraph('Three stories today.')] });
    const marked = withMarker(digest!, marker);
    expect(marked.embeds?.[0]?.description?.endsWith(marker)).toBe(true);
    expect(marked.embeds?.[0]?.description?.replace(marker, '')).toBe(digest!.embeds?.[0]?.description);
    expect(withMarker({ embeds: [{ title: 'Only a title' }] }, marker).embeds?.[0]?.title).toBe(`Only a title${marker}`);
  });

  it('never takes a message over Discord’s limits (no room: left unmarked)', () => {
    const full = 'x'.repeat(LIMITS.content - 10);
    expect(withMarker({ content: full }, marker)).toEqual({ content: full });
    const big = { embeds: [{ description: 'y'.repeat(LIMITS.description - 5) }] };
    expect(withMarker(big, marker)).toEqual(big);
    const [long] = renderPost({ lang: 'en', blocks: [heading('Digest'), ...Array.from({ length: 60 }, (_, i) => paragraph(`Story ${i}: ${'words '.repeat(14)}`))] });
    const marked = withMarker(long!, marker);
    expect(embedChars(marked.embeds ?? [])).toBeLessThanOrEqual(LIMITS.embedTotal);
    expect(marked.embeds?.every((e) => (e.description?.length ?? 0) <= LIMITS.description)).toBe(true);
  });

  it('differs per message of a send and per key', () => {
    expect(new Set([markerFor('a', 0), markerFor('a', 1), markerFor('b', 0)]).size).toBe(3);
  });
});
