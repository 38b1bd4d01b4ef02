/** @acme/runtime: what every Acme service shares — logging, health probes, lifecycle. */
export { createLogger, parseLogLevel, InvalidLogLevelError } from './logger';
export type { Logger, LoggerOptions, LogLevel, LogFields } from './logger';
export { checkHealth, healthHandler } from './health';
export type { HealthCheck, HealthReport } from './health';
export { HEARTBEAT_FILE, heartbeat, stopSignal, sleep } from './lifecycle';
