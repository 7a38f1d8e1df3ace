/**
 * What each draft was last filled with, so a batch run again over unchanged data leaves it alone: a
 * hash of the template (id and last change) and every value, with the Doc's last change right after
 * the add-on saved it. Any edit since (by staff in Docs, to the template, to a value) changes one of
 * them and the draft is made again; Drive may report our own save a little late, which only costs a
 * rebuild next time. Kept with the add-on's state, by Doc id; no names, only hashes.
 */
import { readJsonProperty } from '../state/store';
import { liveFile } from './drive';

export const FINGERPRINTS = 'documentFingerprints';

/** Doc id → `${hash}@${modifiedTime}`. */
export type Fingerprints = Record<string, string>;

export function readFingerprints(): Fingerprints {
  return readJsonProperty<Fingerprints>(FINGERPRINTS, {});
}

/** A short stable hash of the inputs (53-bit cyrb53, plain JS: no service call). */
export function inputHash(inputs: unknown): string {
  const text = JSON.stringify(inputs);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

export function fingerprint(hash: string, modifiedTime: string | undefined): string {
  return `${hash}@${modifiedTime ?? ''}`;
}

/**
 * Sharing is no edit: a Doc shared since it was filled keeps its fingerprint, with the last change
 * Drive reports now (should sharing move it), so the next batch does not make it again.
 */
export function restamp(fingerprints: Fingerprints | undefined, docIds: readonly string[]): void {
  if (!fingerprints) return;
  for (const id of docIds) {
    const known = fingerprints[id];
    const now = known ? liveFile(id)?.modifiedTime : undefined;
    if (known && now) fingerprints[id] = fingerprint(known.slice(0, known.lastIndexOf('@')), now);
  }
}
