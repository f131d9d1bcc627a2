import { createHash, createHmac } from 'node:crypto';
import { request as httpRequest, type Agent as HttpAgent } from 'node:http';
import { request as httpsRequest, type Agent as HttpsAgent } from 'node:https';

/**
 * A Tencent Cloud API 3.0 call (the SMS service's SendSms is the only one we make): the TC3-HMAC-SHA256
 * signature and one JSON POST. Written here rather than taken from Tencent's SDK, whose SMS package (with
 * node-fetch and form-data's MIME table) made each function that can send an SMS 350 KB bigger and its
 * cold start ~100 ms slower, for one signed POST. The stand-in (standins/sms) verifies every signature with
 * Tencent's algorithm, and a unit test holds this signer to the SDK's own.
 */

export interface Tc3Credentials {
  readonly secretId: string;
  readonly secretKey: string;
}

export interface Tc3Request {
  /** The signing service, the endpoint's first label: `sms`. */
  readonly service: string;
  /** The Host header, and what is signed: `sms.tencentcloudapi.com`. */
  readonly host: string;
  readonly action: string;
  readonly version: string;
  readonly region: string;
  /** The JSON body, exactly as sent. */
  readonly payload: string;
  /** Seconds since the epoch; Tencent refuses a signature more than five minutes off its clock. */
  readonly timestamp: number;
}

const CONTENT_TYPE = 'application/json';
const SIGNED_HEADERS = 'content-type;host';

/** The headers of a signed POST to `/`: Tencent's "TC3-HMAC-SHA256" signature over content-type and host. */
export function tc3Headers(credentials: Tc3Credentials, request: Tc3Request): Record<string, string> {
  const date = new Date(request.timestamp * 1000).toISOString().slice(0, 10);
  const scope = `${date}/${request.service}/tc3_request`;
  const canonicalRequest = ['POST', '/', '', `content-type:${CONTENT_TYPE}\nhost:${request.host}\n`, SIGNED_HEADERS, sha256Hex(request.payload)].join('\n');
  const stringToSign = ['TC3-HMAC-SHA256', String(request.timestamp), scope, sha256Hex(canonicalRequest)].join('\n');
  const signingKey = hmac(hmac(hmac(`TC3${credentials.secretKey}`, date), request.service), 'tc3_request');
  const signature = createHmac('sha256', signingKey).update(stringToSign).digest('hex');
  return {
    Authorization: `TC3-HMAC-SHA256 Credential=${credentials.secretId}/${scope}, SignedHeaders=${SIGNED_HEADERS}, Signature=${signature}`,
    'Content-Type': CONTENT_TYPE,
    Host: request.host,
    'X-TC-Action': request.action,
    'X-TC-Version': request.version,
    'X-TC-Region': request.region,
    'X-TC-Timestamp': String(request.timestamp),
  };
}

/** Why a call brought no JSON answer back. */
export type TransportFailure =
  | { readonly kind: 'status'; readonly status: number }
  | { readonly kind: 'network'; readonly system?: string }
  | { readonly kind: 'cut-off' }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'not-json' };

export class TransportError extends Error {
  override readonly name = 'TransportError';

  constructor(readonly failure: TransportFailure) {
    super(`Tencent Cloud API transport: ${failure.kind}`);
  }
}

export interface PostTarget {
  /** What to dial: Tencent's https endpoint, or a loopback http stand-in (which is sent the signed Host). */
  readonly url: URL;
  readonly agent: HttpAgent | HttpsAgent;
}

/**
 * POSTs the signed body and resolves with the parsed JSON of a 200 answer. Rejects with a TransportError:
 * another status, a network failure, an answer cut off, no answer within `timeoutMs` (the whole exchange),
 * or a body that is not JSON.
 */
export function postSigned(target: PostTarget, headers: Record<string, string>, payload: string, timeoutMs: number): Promise<unknown> {
  const send = target.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    let settled = false;
    let responded = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    const fail = (failure: TransportFailure) => settle(() => reject(new TransportError(failure)));
    const req = send(
      {
        host: target.url.hostname,
        port: target.url.port || undefined,
        method: 'POST',
        path: '/',
        agent: target.agent,
        headers: { ...headers, 'Content-Length': String(Buffer.byteLength(payload)) },
      },
      (res) => {
        responded = true;
        const status = res.statusCode ?? 0;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('aborted', () => fail({ kind: 'cut-off' }));
        res.on('error', () => fail({ kind: 'cut-off' }));
        res.on('end', () => {
          if (status !== 200) return fail({ kind: 'status', status });
          try {
            const answer: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            settle(() => resolve(answer));
          } catch {
            fail({ kind: 'not-json' });
          }
        });
      },
    );
    const timer = setTimeout(() => {
      fail({ kind: 'timeout' });
      req.destroy();
    }, timeoutMs);
    // An error once the answer has begun cut it off; one before is the network's.
    req.on('error', (error: NodeJS.ErrnoException) => fail(responded ? { kind: 'cut-off' } : { kind: 'network', ...(error.code ? { system: error.code } : {}) }));
    req.end(payload);
  });
}

const sha256Hex = (data: string): string => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data).digest();
