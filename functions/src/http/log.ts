/**
 * Structured one-line JSON logs (CloudWatch Logs Insights reads the fields). Never log request bodies:
 * they carry personal data.
 */
type Level = 'info' | 'warn' | 'error';

const RANK: Record<Level, number> = { info: 0, warn: 1, error: 2 };

export function log(level: Level, message: string, fields: Record<string, unknown> = {}): void {
  // LOG_LEVEL (the Lambda convention) quiets routine lines, e.g. in load and chaos runs.
  const threshold = (process.env.LOG_LEVEL ?? 'info').toLowerCase() as Level;
  if (RANK[level] < (RANK[threshold] ?? 0)) return;
  const line = JSON.stringify({ level, message, time: new Date().toISOString(), ...fields });
  if (level === 'error') console.error(line);
  else console.log(line);
}
