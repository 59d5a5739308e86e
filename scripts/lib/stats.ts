// Summaries of repeated timings for the benchmarks: medians and 95th/99th percentiles, never means.

export type Summary = { runs: number; p50: number; p95: number; p99: number; max: number };

export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (fraction: number) => sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? NaN;
  return { runs: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1] ?? NaN };
}

export const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "–");
