// A synthetic, stance-dense extraction output (JSON Lines) for the loader's benchmark and tests:
// BBC articles state few stances, so this measures (and checks) the stance write path itself.

/**
 * JSON Lines of `n` synthetic extraction results with `per` stances each among `actors` actors.
 * `version` changes what every article says (kinds, targets, dates) without changing its id: a
 * re-extraction, for the reload paths. Articles `from`.. are numbered from `from`.
 */
export function denseCorpus(n, per, actors, { version = 0, from = 0 } = {}) {
  const kinds = ['SUPPORT', 'OPPOSE', 'CRITICIZE', 'URGE', 'PRAISE', 'ACCUSE'];
  const pol = { SUPPORT: 1, PRAISE: 1, OPPOSE: -1, CRITICIZE: -1, ACCUSE: -1, URGE: 0 };
  const out = [];
  for (let a = from; a < from + n; a++) {
    const ids = Array.from({ length: 12 }, (_, k) => `actor-${(a * 7 + k * 5 + version * 3) % actors}`);
    const uniq = [...new Set(ids)];
    const sentences = Array.from({ length: per }, (_, k) => `Sentence ${k} of synthetic article ${a}.`);
    const text = sentences.join(' ');
    let offset = 0;
    const stances = sentences.map((sentence, k) => {
      const start = offset;
      offset += sentence.length + 1;
      const kind = kinds[(a + k + version) % kinds.length];
      const target =
        k % 3 === 0
          ? { id: `topic:t${(a + k) % 40}`, name: `topic ${(a + k) % 40}`, kind: 'TOPIC' }
          : uniq[(k + 1) % uniq.length];
      return {
        source: uniq[k % uniq.length],
        speaker: null,
        target: target === uniq[k % uniq.length] ? uniq[(k + 2) % uniq.length] : target,
        kind,
        polarity: pol[kind],
        negated: false,
        confidence: 0.9,
        evidence: { sentence: k, start, end: start + sentence.length, text: sentence },
      };
    });
    out.push(
      JSON.stringify({
        article: {
          id: `sha256:dense-${a}`,
          source: `dense/${a}.txt`,
          title: `Synthetic ${a}`,
          publisher: 'BENCH',
          publishedAt: `2024-${String(((a + version) % 12) + 1).padStart(2, '0')}-15`,
          sha256: `dense-${a}`,
          extractor: `bench-${version}`,
          text,
        },
        actors: uniq.map((id) => ({
          id,
          name: id.replace('-', ' '),
          kind: 'COUNTRY',
          aliases: [],
          mentions: 3,
        })),
        stances,
        warnings: [],
      }),
    );
  }
  return `${out.join('\n')}\n`;
}
