/** Distinct, readable speaker colours for the reader (each passes 4.5:1 contrast on white). */
export const SPEAKER_PALETTE = ['#1f5fa8', '#b3261e', '#2e7d32', '#8e24aa', '#a35200', '#00737d', '#6d4c41', '#ad1457', '#455a64', '#4e7d1e'];

/** The colour for the n-th person in the library. */
export function speakerColor(n: number): string {
  return SPEAKER_PALETTE[((n % SPEAKER_PALETTE.length) + SPEAKER_PALETTE.length) % SPEAKER_PALETTE.length]!;
}
