import type { ServerResponse } from 'node:http';

/** An answer that is JSON (a protocol's success or error). */
export interface JsonAnswer {
  status: number;
  contentType: string;
  json: unknown;
}

/** An answer that is text: an HTML error page, an empty 404, or a raw body a fault asked for. */
export interface TextAnswer {
  status: number;
  contentType: string;
  text: string;
}

/** An answer that is bytes (an image). */
export interface BytesAnswer {
  status: number;
  contentType: string;
  bytes: Buffer;
}

/** What a stand-in writes back to an API call. */
export type Answer = JsonAnswer | TextAnswer | BytesAnswer;

/** How a call log shows a call that was never answered (a `hang` fault, or an answer lost on the way). */
export interface HungAnswer {
  hung: true;
}

/**
 * Writes `answer` unless the client has gone: a delay fault can outlast the client's timeout, and writing
 * to a destroyed socket would only raise an error nobody is waiting for.
 */
export function writeAnswer(res: ServerResponse, answer: Answer, headers: Readonly<Record<string, string>> = {}): void {
  if (res.destroyed) return;
  const payload = 'bytes' in answer ? answer.bytes : 'text' in answer ? answer.text : JSON.stringify(answer.json);
  res.writeHead(answer.status, { 'content-type': answer.contentType, ...headers }).end(payload);
}
