/**
 * Structured one-line JSON logs (CloudWatch Logs Insights reads the fields). Never log request bodies:
 * they carry personal data.
 */
type Level = 'info' | 'warn' | 'error';

export function log(level: Level, message: string, fields: Record<string, unknown> = {}): void {
  const line = JSON.stringify({ level, message, time: new Date().toISOString(), ...fields });
  if (level === 'error') console.error(line);
  else console.log(line);
}
