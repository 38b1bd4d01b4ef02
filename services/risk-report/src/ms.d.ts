/** Types for `ms` 2.1.3, which ships none (and @types/ms is not installed). Only the form used here. */
declare module 'ms' {
  /** Parses a duration such as '24h' or '7d' to milliseconds; `undefined` when it cannot. */
  function ms(value: string): number | undefined;
  export = ms;
}
