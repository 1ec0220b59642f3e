const MONTHS = 'january february march april may june july august september october november december'.split(
  ' ',
);

const pad = (n: number) => String(n).padStart(2, '0');

function ymd(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** 1..12 for a month name or its abbreviation ("Jan", "Sept", "January"), else undefined. */
function month(name: string): number | undefined {
  const n = name.toLowerCase();
  const i = MONTHS.findIndex((full) => full.startsWith(n));
  return n.length >= 3 && i >= 0 ? i + 1 : undefined;
}

/**
 * Normalises a date as written in articles and meta tags to `YYYY-MM-DD`, or keeps a full ISO
 * timestamp as given. Understands ISO dates/timestamps, "31 Jan 2012", "Tuesday 31 January 2012",
 * "January 31, 2012". Returns null for anything else (no guessing from locale formats).
 */
export function normaliseDate(input: string | null | undefined): string | null {
  if (!input) return null;
  const s = input.trim().replace(/\s+/g, ' ');
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(s);
  if (m) return ymd(+m[1], +m[2], +m[3]) ? s.replace(' ', 'T') : null;
  const body = s.replace(/^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,? /i, '');
  m = /^(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]{3,9})\.?,? (\d{4})$/.exec(body);
  if (m) {
    const mo = month(m[2]);
    return mo ? ymd(+m[3], mo, +m[1]) : null;
  }
  m = /^([A-Za-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/.exec(body);
  if (m) {
    const mo = month(m[1]);
    return mo ? ymd(+m[3], mo, +m[2]) : null;
  }
  return null;
}
