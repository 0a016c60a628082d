/**
 * 32-bit FNV-1a over UTF-16 code units, finished with murmur3's avalanche so buckets taken by modulo use all bits.
 * Hand-written because it must be stable across platforms and library versions (it defines the model's inputs),
 * and incremental: n-grams are hashed while scanning a token, without building a string per n-gram.
 */
const FNV_PRIME = 0x01000193;

export function fnvStart(seed: number): number {
  return (0x811c9dc5 ^ seed) >>> 0;
}

export function fnvAdd(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME);
}

export function fnvAddString(h: number, text: string): number {
  let out = h;
  for (let i = 0; i < text.length; i++) out = Math.imul(out ^ text.charCodeAt(i), FNV_PRIME);
  return out;
}

export function fnvFinish(h: number): number {
  let out = h ^ (h >>> 16);
  out = Math.imul(out, 0x85ebca6b);
  out ^= out >>> 13;
  out = Math.imul(out, 0xc2b2ae35);
  out ^= out >>> 16;
  return out >>> 0;
}

export function fnv1a(text: string, seed: number): number {
  return fnvFinish(fnvAddString(fnvStart(seed), text));
}
