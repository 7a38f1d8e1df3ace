type Protection = GoogleAppsScript.Spreadsheet.Protection;

/**
 * Makes a protection stop everyone but `wanted` (lower-case addresses; the owner always stays): not a
 * warning, no domain-wide editing. Google's documented pattern: drop the inherited editors, then add
 * the wanted ones. Only what differs is changed.
 */
export function editorsOnly(protection: Protection, wanted: readonly string[]): void {
  protection.setWarningOnly(false);
  const current = protection.getEditors().map((u) => u.getEmail().toLowerCase());
  const extra = current.filter((e) => !wanted.includes(e));
  if (extra.length) protection.removeEditors(extra);
  const missing = wanted.filter((e) => !current.includes(e));
  if (missing.length) protection.addEditors(missing);
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
}
