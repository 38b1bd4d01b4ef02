/**
 * A 5-field cron expression check (minute hour day-of-month month day-of-week), as Kubernetes
 * CronJobs accept it: lists, ranges, steps, `*`, `?` (day fields) and month/day names.
 */
import { KitError, show } from '../errors';

interface Field {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

const FIELDS: readonly Field[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day-of-month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTHS },
  { name: 'day-of-week', min: 0, max: 7, names: DAYS },
];

const EXPECTED = "a 5-field cron expression: minute hour day-of-month month day-of-week, e.g. '*/5 * * * *'";

function valueOk(text: string, field: Field): boolean {
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    return n >= field.min && n <= field.max;
  }
  return field.names?.includes(text.toUpperCase()) ?? false;
}

function partOk(part: string, field: Field): boolean {
  const [range, step, extra] = part.split('/');
  if (extra !== undefined || (step !== undefined && !/^[1-9]\d*$/.test(step))) return false;
  if (range === '*' || (range === '?' && field.name.startsWith('day'))) return true;
  const bounds = range.split('-');
  if (bounds.length > 2) return false;
  return bounds.every((b) => valueOk(b, field));
}

/** Throw a KitError unless `schedule` is a valid 5-field cron expression. */
export function checkCronSchedule(schedule: unknown): void {
  if (typeof schedule !== 'string') {
    throw new KitError(`'schedule' (${show(schedule)}) is not a 5-field cron expression`, EXPECTED);
  }
  const fields = schedule.trim().split(/\s+/);
  if (fields.length !== 5) {
    throw new KitError(`'schedule' (${show(schedule)}) is not a 5-field cron expression`, EXPECTED);
  }
  fields.forEach((text, i) => {
    const field = FIELDS[i];
    if (!text.split(',').every((part) => partOk(part, field))) {
      throw new KitError(
        `'schedule' (${show(schedule)}) has an invalid ${field.name} field (${show(text)})`,
        `values from ${field.min} to ${field.max}, '*', lists, ranges and steps`,
      );
    }
  });
}
