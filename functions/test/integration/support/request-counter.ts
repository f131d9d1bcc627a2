import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/**
 * Counts the requests the DynamoDB client actually sends, through an SDK middleware in the `deserialize`
 * step — below the retry middleware, so every attempt on the wire counts. It observes the real client;
 * nothing is stubbed.
 */
export function countDynamoDbRequests(client: DynamoDBClient) {
  const sent: string[] = [];
  const name = `request-counter-${Math.random().toString(36).slice(2)}`;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      sent.push(String(context.commandName));
      return next(args);
    },
    { step: 'deserialize', name },
  );
  return {
    /** Command names sent since the last reset, in order. */
    get commands(): readonly string[] {
      return [...sent];
    },
    reset(): void {
      sent.length = 0;
    },
    detach(): void {
      client.middlewareStack.remove(name);
    },
  };
}
