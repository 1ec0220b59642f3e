import { existsSync, readFileSync } from 'node:fs';
import { UserError } from './errors.js';

/** The aliases file looked for in the working directory when none is named. */
export const DEFAULT_ALIASES_FILE = 'stancegraph.aliases.json';

/**
 * Loads an aliases file: a JSON object mapping a surface form to a canonical actor id, e.g.
 * `{"Moscow": "russia", "the Kremlin": "russia"}`. Which file: `file` if given, else
 * `$STANCEGRAPH_ALIASES`, else `./stancegraph.aliases.json` if it exists, else none (`{}`).
 * A named file that is missing, or any file that is not such an object, is a UserError.
 */
export function loadAliases(file?: string): Record<string, string> {
  const named = file ?? (process.env.STANCEGRAPH_ALIASES || undefined);
  const chosen = named ?? (existsSync(DEFAULT_ALIASES_FILE) ? DEFAULT_ALIASES_FILE : undefined);
  if (!chosen) return {};
  let raw: string;
  try {
    raw = readFileSync(chosen, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError(
      `aliases file ${chosen}: ${code === 'ENOENT' ? 'no such file' : (err as Error).message}` +
        (file === undefined && named ? ' (named by STANCEGRAPH_ALIASES)' : ''),
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new UserError(`aliases file ${chosen}: invalid JSON: ${(err as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new UserError(`aliases file ${chosen}: expected a JSON object {"alias": "actor-id", ...}`);
  }
  const out: Record<string, string> = {};
  for (const [alias, id] of Object.entries(data)) {
    if (typeof id !== 'string' || id.trim() === '' || alias.trim() === '') {
      throw new UserError(
        `aliases file ${chosen}: entry ${JSON.stringify(alias)} must map a non-empty alias to a non-empty actor id string`,
      );
    }
    out[alias] = id.trim();
  }
  return out;
}
