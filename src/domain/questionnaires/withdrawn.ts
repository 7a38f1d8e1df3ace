/** A person who withdrew consent, as they were before anonymizing: what must leave every place it is in. */
export interface WithdrawnPerson {
  id: string;
  fullName: string;
  email: string;
}

/**
 * The ways a document may write the person: the full name, the surname with initials before or after
 * it («Михайлова М. А.», «Михайлова М.А.», «М. А. Михайлова»), the e-mail. Lower case, spaces single.
 */
export function spellingsOf(person: Pick<WithdrawnPerson, 'fullName' | 'email'>): string[] {
  const words = person.fullName.trim().split(/\s+/).filter(Boolean);
  const out = new Set<string>();
  if (words.length > 0) out.add(words.join(' '));
  if (words.length >= 2) {
    const [surname, ...given] = words;
    const initials = given.map((w) => `${w[0]}.`);
    for (const joined of [initials.join(' '), initials.join('')]) {
      out.add(`${surname} ${joined}`);
      out.add(`${joined} ${surname}`);
    }
  }
  if (person.email.trim()) out.add(person.email.trim());
  return [...out].map((s) => s.toLowerCase());
}

/** Whether `text` holds one of the spellings (case and runs of spaces ignored). */
export function mentions(text: string, spellings: readonly string[]): boolean {
  const folded = text.toLowerCase().replace(/\s+/g, ' ');
  return spellings.some((s) => folded.includes(s));
}
