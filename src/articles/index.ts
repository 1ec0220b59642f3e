export { type ArticleFields, buildArticle, normaliseNewlines, splitParagraphs } from './article.js';
export { normaliseDate } from './dates.js';
export { decodeBytes, firstInvalidUtf8 } from './decode.js';
export { InputProblem } from './errors.js';
export { blockParagraphs, looksLikeHtml, parseHtml } from './html.js';
export { parseJsonRecord } from './jsonl.js';
export { assertEnglish, englishRatio } from './language.js';
export {
  DEFAULT_MAX_BYTES,
  formatOf,
  type InputError,
  parseDocument,
  type ReadItem,
  type ReadOptions,
  readInputs,
} from './read.js';
export { parsePlainText, parsePublisherLine } from './text.js';
