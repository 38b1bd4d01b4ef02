/** Structured JSON-lines logging: one object per line on stdout, filtered by level. */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const SEVERITY: Readonly<Record<LogLevel, number>> = { debug: 10, info: 20, warn: 30, error: 40 };

export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

export interface LoggerOptions {
  /** Service name written on every line. */
  readonly service: string;
  /** Lowest level written. @default 'info' */
  readonly level?: LogLevel;
  /** Where each line goes. @default process.stdout */
  readonly write?: (line: string) => void;
  /** Clock, for tests. @default () => new Date() */
  readonly now?: () => Date;
}

/** An unknown `LOG_LEVEL` (or any other level string). */
export class InvalidLogLevelError extends Error {
  constructor(readonly value: string) {
    super(`LOG_LEVEL: unknown level '${value}' (expected one of ${Object.keys(SEVERITY).join(', ')})`);
    this.name = 'InvalidLogLevelError';
  }
}

/** Reads a level such as `process.env.LOG_LEVEL`; `undefined` or empty gives the fallback. */
export function parseLogLevel(value: string | undefined, fallback: LogLevel = 'info'): LogLevel {
  if (value === undefined || value === '') return fallback;
  const level = value.toLowerCase();
  if (!(level in SEVERITY)) throw new InvalidLogLevelError(value);
  return level as LogLevel;
}

export function createLogger(options: LoggerOptions): Logger {
  const threshold = SEVERITY[options.level ?? 'info'];
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  const log = (level: LogLevel) => (msg: string, fields: LogFields = {}) => {
    if (SEVERITY[level] < threshold) return;
    write(JSON.stringify({ ...fields, time: now().toISOString(), level, service: options.service, msg }));
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}
