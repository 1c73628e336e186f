import type { Logger } from '../bot/types.ts';

/** p50 and p99 over n timed requests, in milliseconds. */
export interface LatencyResult {
  p50: number;
  p99: number;
  n: number;
}

/** Benchmarks measure the bot, not its logging. */
export const silent: Logger = { info() {}, warn() {}, error() {}, debug() {} };

/** The value at percentile p (0-100) of an ascending list. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
