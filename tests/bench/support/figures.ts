/**
 * How every benchmark prints: one JSON object per line, {"measure", "value", "unit"}, plus "goal" where the figure
 * has one, and for a comparison the peer's own line and a ratio line with its goal. `npm run bench` (build/scripts/
 * bench.mjs) reads the goals back and says which are met. The machine is shared: comparisons are interleaved runs of
 * ours and the peer's in the same process, and goals are ratios or counts wherever they can be.
 */

export interface FigureExtra {
  /** A goal npm run bench can check: "<= 0.1", ">= 0.8", "< 200", "== 0". */
  goal?: string;
  [key: string]: unknown;
}

function rounded(value: number): number {
  if (!Number.isFinite(value)) return value;
  const digits = Math.abs(value) >= 100 ? 1 : Math.abs(value) >= 1 ? 2 : 3;
  return Math.round(value * 10 ** digits) / 10 ** digits;
}

/** Prints one figure. */
export function figure(measure: string, value: number, unit: string, extra: FigureExtra = {}): void {
  const { goal, ...rest } = extra;
  console.log(JSON.stringify({ measure, value: rounded(value), unit, ...(goal ? { goal } : {}), ...rest }));
}

/**
 * Prints our figure, the peer's figure measured on the same input in the same run, and their ratio with its goal.
 * `ratio` is ours / peer unless `throughput` is set (peer time / our time, so higher is better for us).
 */
export function comparison(
  name: string,
  ours: { label: string; value: number; unit: string; extra?: Record<string, unknown> },
  peer: { label: string; value: number; unit: string; extra?: Record<string, unknown> },
  ratio: { measure: string; goal: string; inverse?: boolean; extra?: Record<string, unknown> },
): number {
  figure(`${name}: ${ours.label}`, ours.value, ours.unit, ours.extra ?? {});
  figure(`${name}: ${peer.label} (peer)`, peer.value, peer.unit, peer.extra ?? {});
  const value = ratio.inverse ? peer.value / ours.value : ours.value / peer.value;
  figure(`${name}: ${ratio.measure}`, value, 'x', { goal: ratio.goal, ...(ratio.extra ?? {}) });
  return value;
}

/** The q-quantile (0..1) of samples, nearest rank. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export const median = (samples: readonly number[]): number => quantile(samples, 0.5);

/**
 * Runs ours and the peer alternately (which goes first alternates too), `runs` times each after `warmup` rounds, and
 * returns both lists of times in ms. Interleaving is what keeps a burst of load from landing on one side only.
 */
export async function interleaved(
  runs: number,
  ours: () => unknown,
  peer: () => unknown,
  warmup = 1,
): Promise<{ ours: number[]; peer: number[] }> {
  const out = { ours: [] as number[], peer: [] as number[] };
  for (let r = 0; r < warmup + runs; r++) {
    const order: Array<['ours' | 'peer', () => unknown]> = r % 2 === 0 ? [['ours', ours], ['peer', peer]] : [['peer', peer], ['ours', ours]];
    for (const [side, run] of order) {
      const start = performance.now();
      await run();
      const ms = performance.now() - start;
      if (r >= warmup) out[side].push(ms);
    }
  }
  return out;
}

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same input. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
