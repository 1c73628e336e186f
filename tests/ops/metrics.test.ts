// The per-update metrics are kept as they come and folded into prom-client when /metrics is read
// (or every so many updates): whatever the batching, a scrape shows every update exactly once.
import { describe, expect, it } from 'vitest';
import type { HandledUpdate } from '../../src/adapters/observe.ts';
import { createMetrics } from '../../src/ops/metrics.ts';

const update = (platform: string, command: string, durationMs: number, ok = true): HandledUpdate => ({ platform, kind: 'message', command, durationMs, ok });

const value = (text: string, series: string): number => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  if (line === undefined) throw new Error(`no series ${series} in:\n${text}`);
  return Number(line.slice(series.length + 1));
};

describe('metrics of handled updates', () => {
  it('counts every update once across many batches and repeated scrapes', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    // More updates than one batch holds, so some are folded without a scrape and the rest at it.
    for (let i = 0; i < 2_500; i++) metrics.handled(update('telegram', 'summary', i % 10 === 0 ? 30 : 2, i % 100 !== 7));
    for (let i = 0; i < 40; i++) metrics.handled(update('discord', 'digest', 700));
    const first = await metrics.render();
    expect(value(first, 'newsbot_commands_total{command="summary",platform="telegram"}')).toBe(2_500);
    expect(value(first, 'newsbot_commands_total{command="digest",platform="discord"}')).toBe(40);
    expect(value(first, 'newsbot_update_failures_total{platform="telegram"}')).toBe(25);
    expect(value(first, 'newsbot_reply_seconds_count{platform="telegram",kind="message"}')).toBe(2_500);
    expect(value(first, 'newsbot_reply_seconds_bucket{le="0.005",platform="telegram",kind="message"}')).toBe(2_250);
    expect(value(first, 'newsbot_reply_seconds_bucket{le="0.025",platform="telegram",kind="message"}')).toBe(2_250);
    expect(value(first, 'newsbot_reply_seconds_bucket{le="0.05",platform="telegram",kind="message"}')).toBe(2_500);
    expect(value(first, 'newsbot_reply_seconds_sum{platform="telegram",kind="message"}')).toBeCloseTo(250 * 0.03 + 2_250 * 0.002, 6);
    expect(value(first, 'newsbot_reply_seconds_bucket{le="0.5",platform="discord",kind="message"}')).toBe(0);
    expect(value(first, 'newsbot_reply_seconds_bucket{le="1",platform="discord",kind="message"}')).toBe(40);

    // A second scrape adds nothing by itself; one more update shows at once.
    expect(await metrics.render()).toBe(first);
    metrics.handled(update('telegram', 'summary', 2, false));
    const second = await metrics.render();
    expect(value(second, 'newsbot_commands_total{command="summary",platform="telegram"}')).toBe(2_501);
    expect(value(second, 'newsbot_update_failures_total{platform="telegram"}')).toBe(26);
    expect(value(second, 'newsbot_reply_seconds_count{platform="telegram",kind="message"}')).toBe(2_501);
  });

  it('shows a handled update when a single metric is read from the registry', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    metrics.handled(update('console', 'help', 1));
    const histogram = await metrics.registry.getSingleMetricAsString('newsbot_reply_seconds');
    expect(value(histogram, 'newsbot_reply_seconds_count{platform="console",kind="message"}')).toBe(1);
  });
});
