/**
 * Globally unique, roughly time-ordered ids: a millisecond timestamp and 80 random bits, both base-36.
 * Unique across machines so records from two libraries can be merged without clashes.
 */
export function newId(prefix = ''): string {
  const time = Date.now().toString(36).padStart(9, '0');
  const bytes = new Uint8Array(10);
  globalThis.crypto.getRandomValues(bytes);
  let random = '';
  for (const b of bytes) random += b.toString(36).padStart(2, '0');
  return `${prefix}${time}${random}`;
}

export function nowIso(): string {
  return new Date().toISOString();
}
