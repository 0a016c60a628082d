/**
 * Phrases are matched on a normal form of both sides: NFKC (full-width letters, digits and punctuation become their
 * half-width forms, so "ＶＩＰ" and "VIP", "，" and "," match) and lower case. A phrase with Latin letters or digits
 * must stand as whole words ("hi" is not in "this"); any other phrase is matched with white space ignored on both
 * sides, since Chinese has no spaces to respect and agents type "理财非存款 ，投资需谨慎" too.
 */
function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

function matcher(phrase: string): ((spaced: string, compact: string) => boolean) | undefined {
  const wanted = normalize(phrase);
  if (wanted.length === 0) return undefined;
  if (!/[a-z0-9]/.test(wanted)) {
    const compactWanted = wanted.replaceAll(' ', '');
    return (_, compact) => compact.includes(compactWanted);
  }
  const escaped = wanted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`(?<![a-z0-9])${escaped}(?![a-z0-9])`, 'u');
  return (spaced) => pattern.test(spaced);
}

/** The first of `phrases` that `text` contains, as the rule spelled it; undefined when none does. */
export function firstPhraseIn(text: string, phrases: readonly string[]): string | undefined {
  const spaced = normalize(text);
  const compact = spaced.replaceAll(' ', '');
  return phrases.find((phrase) => matcher(phrase)?.(spaced, compact));
}
