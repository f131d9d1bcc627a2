/**
 * Percent-decoding for what arrives in page parameters. Kept apart from navigation.ts (which needs Taro) so
 * pure modules and their unit tests can use it.
 */

/** Decodes a URI component, keeping the raw text when it is not valid percent-encoding. */
export function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/** A page parameter decoded, or undefined when the page was opened without it. */
export const decodedParam = (value: string | undefined): string | undefined => (value ? safeDecode(value) : undefined)
