/**
 * A catalogue of codes (towns, sectors, outcomes, grounds…) as an object with no prototype. Codes arrive in
 * requests — a scope `town:…`, a query filter, a stored value — and a plain object answers `'constructor' in
 * TOWNS` and `TOWNS['__proto__']` from Object.prototype: a code nobody defined would pass as known and its
 * "label" be a function. Here only the catalogue's own codes are found, by `in`, by index and by Object.hasOwn.
 */
export function codeTable<const T extends object>(entries: T): Readonly<T> {
  return Object.freeze(Object.assign(Object.create(null) as T, entries));
}
