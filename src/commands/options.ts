/** Option parsers and options shared by several commands. */
import { Option } from 'commander';
import { DEFAULT_MAX_BYTES } from '../articles/index.js';
import { UserError } from '../errors.js';

export function positiveInt(name: string) {
  return (raw: string): number => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1)
      throw new UserError(`${name} expects a whole number ≥ 1, got '${raw}'`);
    return n;
  };
}

export function megabytes(raw: string): number {
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new UserError(`--max-size expects a size in MB > 0, got '${raw}'`);
  return Math.round(n * 1024 * 1024);
}

/** `--max-size <MB>`: parsed to bytes, its default shown in MB. */
export function maxSizeOption(): Option {
  return new Option(
    '--max-size <MB>',
    'largest text/HTML file or JSON line read, in MB (larger ones are reported)',
  )
    .argParser(megabytes)
    .default(DEFAULT_MAX_BYTES, String(DEFAULT_MAX_BYTES / 1024 / 1024));
}
