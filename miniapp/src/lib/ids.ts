const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz'

/**
 * A fresh `Idempotency-Key` (the server accepts 8–64 of `[A-Za-z0-9_-]`): time plus 20 random characters.
 * The page makes one per filing attempt and keeps it until the server confirms, so a double tap or a
 * retry after a timeout repeats the same request instead of filing twice.
 */
export function newIdempotencyKey(): string {
  let random = ''
  for (let i = 0; i < 20; i += 1) random += ALPHABET[Math.floor(Math.random() * ALPHABET.length)]
  return `c${Date.now().toString(36)}${random}`
}
