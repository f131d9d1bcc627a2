import { FaultQueue, type FaultOdds } from './faults';

/**
 * What a stand-in saw or delivered, in order. Callers get copies, so a test holding an earlier list sees
 * it unchanged and cannot rewrite the stand-in's history.
 */
export class RecordLog<T> {
  private entries: T[] = [];

  /** Adds `entry` and returns it: a call's record is logged on arrival and its answer filled in later. */
  add(entry: T): T {
    this.entries.push(entry);
    return entry;
  }

  list(): T[] {
    return structuredClone(this.entries);
  }

  clear(): void {
    this.entries = [];
  }
}

/**
 * The state every stand-in keeps besides its protocol's: the faults still to inject, the calls it was
 * asked (rule `R`, call record `C`), and the messages it delivered (`M`).
 */
export interface Recording<R extends FaultOdds, C, M> {
  readonly faults: FaultQueue<R>;
  readonly calls: RecordLog<C>;
  readonly messages: RecordLog<M>;
}

/** An empty recording whose fault rules are validated by `checkFault` and fire by `random`. */
export function createRecording<R extends FaultOdds, C, M>(checkFault: (rule: R) => R, random: () => number): Recording<R, C, M> {
  return { faults: new FaultQueue(checkFault, random), calls: new RecordLog(), messages: new RecordLog() };
}

export function clearRecording<R extends FaultOdds>(recording: Recording<R, unknown, unknown>): void {
  recording.faults.clear();
  recording.calls.clear();
  recording.messages.clear();
}

/** The handle operations every stand-in offers over its recording, as the tests call them. */
export function recordingHandle<R extends FaultOdds, C, M>(
  recording: Recording<R, C, M>,
): { injectFaults(rules: readonly R[]): void; clearFaults(): void; calls(): C[]; messages(): M[] } {
  return {
    injectFaults: (rules) => recording.faults.add(rules),
    clearFaults: () => recording.faults.clear(),
    calls: () => recording.calls.list(),
    messages: () => recording.messages.list(),
  };
}
