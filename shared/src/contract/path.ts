/**
 * A route's URL from its template and path parameters. Its own module, free of zod, so the
 * mini-program's scan path can build URLs without loading the schemas.
 */
export function buildPath(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
}
