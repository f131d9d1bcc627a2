/**
 * Length as the server counts it: characters (code points), not UTF-16 units. A rare name character such as 𠮷
 * is one character but two units, so a field cut or counted by `.length` keeps half as many of them, or cuts one
 * in two and leaves a broken character the server refuses.
 */
export const characterLength = (text: string): number => [...text].length

/** `text` cut to `max` characters, never inside one. */
export function withinCharacters(text: string, max: number): string {
  const characters = [...text]
  return characters.length > max ? characters.slice(0, max).join('') : text
}

/**
 * The platform input's own hard stop (counted in UTF-16 units): twice the limit, so it never cuts before the
 * limit in characters does, nor lets a paste grow without bound.
 */
export const unitsFor = (max: number): number => max * 2
