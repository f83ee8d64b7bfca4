/**
 * A function of one string remembered for the strings it has seen, up to `max` of them (then it starts afresh), so a
 * transcript that repeats a few labels thousands of times parses each once, and one with 200,000 distinct labels
 * keeps memory bounded. Results are frozen: every caller shares them.
 */
export function memoByString<T>(fn: (s: string) => T, max = 4096): (s: string) => T {
  let cache = new Map<string, T>();
  return (s: string): T => {
    const hit = cache.get(s);
    if (hit !== undefined || cache.has(s)) return hit as T;
    const value = fn(s);
    if (value !== null && typeof value === 'object') Object.freeze(value);
    if (cache.size >= max) cache = new Map();
    cache.set(s, value);
    return value;
  };
}
