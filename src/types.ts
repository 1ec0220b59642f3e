/**
 * Shared types. The extraction output (`ExtractionResult`) follows
 * ../shared/design/EXTRACTION-OUTPUT.md exactly; extra fields are allowed, required ones never dropped.
 */

export type ActorKind = 'COUNTRY' | 'GOVERNMENT' | 'PERSON' | 'ORGANIZATION' | 'GROUP' | 'LOCATION';

export type StanceKind =
  | 'SUPPORT'
  | 'PRAISE'
  | 'OPPOSE'
  | 'REJECT'
  | 'VETO'
  | 'CRITICIZE'
  | 'ACCUSE'
  | 'CONDEMN'
  | 'THREATEN'
  | 'ATTACK'
  | 'URGE'
  | 'DEMAND'
  | 'CONSULT';

/** An article after reading and normalisation (src/articles). */
export interface Article {
  /** Stable id: `url:<url>` when a URL is known, else `sha256:<hex of normalised text>`. */
  id: string;
  /** The path (or URL, or `-` for stdin, `path#line` for JSON Lines) the article was read from, as given. */
  source: string;
  title: string | null;
  publisher: string | null;
  /** ISO date `YYYY-MM-DD` (or full ISO timestamp) when known. */
  publishedAt: string | null;
  url: string | null;
  /** The article body that offsets refer to (title line included for plain-text inputs). */
  text: string;
  sha256: string;
}

export interface ExtractedActor {
  id: string;
  name: string;
  kind: ActorKind;
  aliases: string[];
  mentions: number;
  represents?: { actor: string; role: string | null }[];
  /** The person's role or title when one is stated ("foreign minister"). */
  role?: string;
}

export interface TopicTarget {
  id: string;
  name: string;
  kind: 'TOPIC';
}

export interface Evidence {
  /** Sentence index in the article. */
  sentence: number;
  /** Character offsets of the sentence in `Article.text`. */
  start: number;
  end: number;
  /** The whole sentence. */
  text: string;
}

export interface ExtractedStance {
  source: string;
  speaker: string | null;
  /** Actor id, or a topic object. */
  target: string | TopicTarget;
  kind: StanceKind;
  polarity: -1 | 0 | 1;
  negated: boolean;
  confidence: number;
  evidence: Evidence;
}

export interface Warning {
  message: string;
  start?: number;
  end?: number;
}

export interface ExtractionResult {
  article: {
    id: string;
    source: string;
    title: string | null;
    publisher: string | null;
    publishedAt: string | null;
    url?: string | null;
    sha256?: string;
    extractor?: string;
  };
  actors: ExtractedActor[];
  stances: ExtractedStance[];
  warnings: Warning[];
}
