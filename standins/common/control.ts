import type { FaultOdds } from './faults';
import { ControlError, parseJson, type ControlAnswer, type Json, type StandInRoutes } from './http';
import type { Recording } from './recording';

/** One `/__control/` operation: the raw request body in, the JSON answered with HTTP 200 out; a ControlError is a 400. */
export type ControlOperation = (rawBody: string) => unknown;

/** A stand-in's control API, keyed by `METHOD /__control/path`. */
export type ControlOperations = Readonly<Record<string, ControlOperation>>;

/** Routes control requests to `operations`; one that is not there is a 404 naming what was asked for. */
export function controlDispatcher(operations: ControlOperations): StandInRoutes['control'] {
  return (method, path, rawBody): ControlAnswer => {
    const key = `${method} ${path}`;
    if (!Object.hasOwn(operations, key)) return { status: 404, json: { error: `no control operation ${key}` } };
    return { status: 200, json: operations[key]!(rawBody) };
  };
}

/**
 * The control operations every stand-in has: inject and clear faults, what it was asked (`calls`), what it
 * delivered (`messages`), and a fresh start (`reset`, which is the stand-in's own: it knows its state).
 */
export function recordingControl<R extends FaultOdds>(recording: Recording<R, unknown, unknown>, reset: () => void): ControlOperations {
  return {
    'POST /__control/faults': (rawBody) => {
      const rules = parseJson(rawBody);
      if (!Array.isArray(rules)) throw new ControlError('expected a JSON list of fault rules');
      recording.faults.add(rules as R[]);
      return { pending: recording.faults.pending };
    },
    'DELETE /__control/faults': () => {
      recording.faults.clear();
      return { pending: 0 };
    },
    'GET /__control/calls': () => recording.calls.list(),
    'GET /__control/messages': () => recording.messages.list(),
    'POST /__control/reset': () => {
      reset();
      return { reset: true };
    },
  };
}

/** A control request's body as a JSON object; empty means `{}`, for operations whose fields are all optional. */
export function objectBody(rawBody: string): Json {
  const parsed = rawBody.trim() === '' ? {} : parseJson(rawBody);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new ControlError('expected a JSON object');
  return parsed as Json;
}
