import { Conflict, Invalid } from '@fangxin/shared';

/**
 * Makes a one-time code's redeeming write. When it is refused because the code was used meanwhile — by the same
 * person's other tap, sent at once — the code is read again and that person is answered as the tap that won:
 * `again` answers a code this person used; anyone else's refusal stands.
 */
export async function redeemOnce<Code extends { usedBy?: string | undefined }, Answer>(
  write: () => Promise<void>,
  reread: () => Promise<Code | undefined>,
  userId: string,
  again: (code: Code) => Promise<Answer>,
): Promise<'redeemed' | { answer: Answer }> {
  try {
    await write();
    return 'redeemed';
  } catch (error) {
    const raced = error instanceof Invalid || error instanceof Conflict ? await reread() : undefined;
    if (raced?.usedBy === userId) return { answer: await again(raced) };
    throw error;
  }
}
