/**
 * Small JSON values in the document's properties (the add-on's own state: form ids, the documents'
 * folders and counters, a batch, bookkeeping). A missing or damaged value reads as `fallback`: every
 * caller can rebuild what it keeps there, so a broken value never stops the add-on.
 */
export function readJsonProperty<T>(key: string, fallback: T): T {
  const raw = PropertiesService.getDocumentProperties().getProperty(key);
  if (!raw) return fallback;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return fallback;
  }
}

export function writeJsonProperty(key: string, value: unknown): void {
  PropertiesService.getDocumentProperties().setProperty(key, JSON.stringify(value));
}
