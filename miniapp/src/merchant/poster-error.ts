/**
 * What the poster section may show when drawing or saving the poster fails. Our own failures carry a Chinese
 * message written for the shop's people (PosterError, and the API's ApiError); anything else — WeChat's
 * `errMsg`, a canvas exception — is English detail for the log, never for the screen.
 */
export class PosterError extends Error {
  override readonly name = 'PosterError'
}

/** The message to show for a failure, and whether it was our own (false: log the detail, show `fallback`). */
export function posterFailureText(error: unknown, fallback: string): { text: string; worded: boolean } {
  const worded = error instanceof Error && (error instanceof PosterError || error.name === 'PosterError' || error.name === 'ApiError') && Boolean(error.message)
  return worded ? { text: (error as Error).message, worded } : { text: fallback, worded }
}
