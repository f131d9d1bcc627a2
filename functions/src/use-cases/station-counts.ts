/**
 * Complaint stations registered, per town (`town:<code>` → count), for the yearly tasks. Stations are not
 * registered in this product yet: every town has none until they are.
 */
export async function countStations(): Promise<Map<string, number>> {
  return new Map();
}
