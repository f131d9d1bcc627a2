/**
 * The stand-in WeChat server's control API (standins/wechat/server.ts, under /__control/), for the tests
 * that read what it was sent or change how it answers. A file that changes it puts it back afterwards,
 * so each test file starts from the stand-in's defaults whatever ran before.
 */

const baseUrl = (): string => {
  const url = process.env.FANGXIN_E2E_WECHAT_URL;
  if (!url) throw new Error('the e2e global setup did not start the WeChat stand-in');
  return url;
};

async function control(method: 'GET' | 'POST', operation: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${baseUrl()}/__control/${operation}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} /__control/${operation} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

/** A subscribe message as the stand-in received it. */
export interface SentMessage {
  touser: string;
  page?: string;
  data: Record<string, { value: string }>;
}

/** The subscribe messages sent about one complaint (its id is the template's first field). */
export async function messagesAbout(complaintId: string): Promise<SentMessage[]> {
  const messages = (await control('GET', 'messages')) as SentMessage[];
  return messages.filter((message) => message.data.character_string1?.value === complaintId);
}

/** From now on WeChat answers 43101 (refused / no subscription left) for messages to this person. */
export async function refuseSubscriber(openid: string): Promise<void> {
  await control('POST', 'refuse-subscriber', { openid });
}

/**
 * Back to the stand-in's defaults: no refused subscribers, no faults, default risky words. The stand-in
 * has no narrower undo; its tokens are forgotten too, which the functions survive (a 40001 fetches a new one).
 */
export async function resetWeChatStandIn(): Promise<void> {
  await control('POST', 'reset');
}
