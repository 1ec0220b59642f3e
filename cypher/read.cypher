// Read-side queries of the GraphQL API (src/graph/read.ts). Each query starts with a `// name:` line.
// Every user value arrives as a parameter; full-text strings are escaped for Lucene before they get here.
// Batched (DataLoader) queries take `$ids` and return one row per id that has something.
// Paged queries collect the ordered matches once and return `total` and one page of them.
// A stance is always returned through the same projection: its properties plus its holder, target
// (with whether it is a Topic) and article, joined here so that a page of stances needs no further
// lookups for them, and its speaker's id.

// name: ping
RETURN 1 AS ok;

// name: actorsByIds
UNWIND $ids AS id
OPTIONAL MATCH (a:Actor {id: id})
WITH id, CASE WHEN a IS NULL THEN head(COLLECT { MATCH (m:Actor) WHERE id IN m.mergedIds RETURN m LIMIT 1 }) ELSE a END AS a
WITH id, a WHERE a IS NOT NULL
RETURN id, a {.id, .name, .kind, .aliases, .mergedIds, labels: labels(a)} AS node;

// name: topicsByIds
UNWIND $ids AS id
MATCH (t:Topic {id: id})
RETURN id, t {.id, .name} AS node;

// name: articlesByIds
UNWIND $ids AS id
MATCH (art:Article {id: id})
RETURN id, art {.id, .title, .publisher, .publishedAt, .url, .source, .extractor} AS node;

// name: articleTexts
UNWIND $ids AS id
MATCH (art:Article {id: id})
RETURN id, art.text AS text;

// name: representsByActorIds
UNWIND $ids AS id
MATCH (:Actor {id: id})-[r:REPRESENTS]->(b:Actor)
WITH id, b, r ORDER BY size(coalesce(r.articles, [])) DESC, b.id
RETURN id, collect({role: r.role, articleCount: size(coalesce(r.articles, [])),
  node: b {.id, .name, .kind, .aliases, .mergedIds, labels: labels(b)}}) AS items;

// name: representativesByActorIds
UNWIND $ids AS id
MATCH (:Actor {id: id})<-[r:REPRESENTS]-(b:Actor)
WITH id, b, r ORDER BY size(coalesce(r.articles, [])) DESC, b.id
RETURN id, collect({role: r.role, articleCount: size(coalesce(r.articles, [])),
  node: b {.id, .name, .kind, .aliases, .mergedIds, labels: labels(b)}}) AS items;

// name: mentionCounts
UNWIND $ids AS id
MATCH (:Article)-[m:MENTIONS]->(:Actor {id: id})
RETURN id, sum(coalesce(m.count, 1)) AS count;

// name: articleMentions
UNWIND $ids AS id
MATCH (:Article {id: id})-[m:MENTIONS]->(a:Actor)
WITH id, a, m ORDER BY coalesce(m.count, 1) DESC, a.id
RETURN id, collect({count: coalesce(m.count, 1), aliases: coalesce(m.aliases, []),
  node: a {.id, .name, .kind, .aliases, .mergedIds, labels: labels(a)}}) AS items;

// name: actorStancesHeld
UNWIND $ids AS id
CALL (id) {
  MATCH (:Actor {id: id})-[:HOLDS]->(s:Stance)
  WHERE ($kind IS NULL OR s.kind = $kind)
    AND ($polarity IS NULL OR s.polarity = $polarity)
    AND ($from IS NULL OR left(s.publishedAt, 10) >= $from)
    AND ($to IS NULL OR left(s.publishedAt, 10) <= $to)
  WITH s ORDER BY coalesce(s.publishedAt, '') DESC, s.id
  WITH collect(s) AS matches
  RETURN size(matches) AS total, matches[$skip..($skip + $limit)] AS page
}
RETURN id, total, [s IN page | s {.id, .kind, .polarity, .quote, .sentence, .start, .end, .negated, .confidence, .publishedAt,
  holder: head([(_h:Actor)-[:HOLDS]->(s) | _h {.id, .name, .kind, .aliases, .mergedIds, labels: labels(_h)}]),
  target: head([(s)-[:TOWARD]->(_t) | {id: _t.id, topic: _t:Topic, node: CASE WHEN _t:Topic THEN _t {.id, .name}
    ELSE _t {.id, .name, .kind, .aliases, .mergedIds, labels: labels(_t)} END}]),
  article: head([(s)-[:STATED_IN]->(_a:Article) | _a {.id, .title, .publisher, .publishedAt, .url, .source, .extractor}]),
  speakerId: head([(s)-[:VOICED_BY]->(_v:Actor) | _v.id])}] AS page;

// name: targetStances
UNWIND $ids AS id
CALL (id) {
  CALL (id) {
    MATCH (t:Actor {id: id}) RETURN t
    UNION
    MATCH (t:Topic {id: id}) RETURN t
  }
  MATCH (s:Stance)-[:TOWARD]->(t)
  WHERE ($kind IS NULL OR s.kind = $kind)
    AND ($polarity IS NULL OR s.polarity = $polarity)
    AND ($from IS NULL OR left(s.publishedAt, 10) >= $from)
    AND ($to IS NULL OR left(s.publishedAt, 10) <= $to)
  WITH s ORDER BY coalesce(s.publishedAt, '') DESC, s.id
  WITH collect(s) AS matches
  RETURN size(matches) AS total, matches[$skip..($skip + $limit)] AS page
}
RETURN id, total, [s IN page | s {.id, .kind, .polarity, .quote, .sentence, .start, .end, .negated, .confidence, .publishedAt,
  holder: head([(_h:Actor)-[:HOLDS]->(s) | _h {.id, .name, .kind, .aliases, .mergedIds, labels: labels(_h)}]),
  target: head([(s)-[:TOWARD]->(_t) | {id: _t.id, topic: _t:Topic, node: CASE WHEN _t:Topic THEN _t {.id, .name}
    ELSE _t {.id, .name, .kind, .aliases, .mergedIds, labels: labels(_t)} END}]),
  article: head([(s)-[:STATED_IN]->(_a:Article) | _a {.id, .title, .publisher, .publishedAt, .url, .source, .extractor}]),
  speakerId: head([(s)-[:VOICED_BY]->(_v:Actor) | _v.id])}] AS page;

// name: articleStances
UNWIND $ids AS id
CALL (id) {
  MATCH (s:Stance)-[:STATED_IN]->(:Article {id: id})
  WITH s ORDER BY s.start, s.id
  WITH collect(s) AS matches
  RETURN size(matches) AS total, matches[$skip..($skip + $limit)] AS page
}
RETURN id, total, [s IN page | s {.id, .kind, .polarity, .quote, .sentence, .start, .end, .negated, .confidence, .publishedAt,
  holder: head([(_h:Actor)-[:HOLDS]->(s) | _h {.id, .name, .kind, .aliases, .mergedIds, labels: labels(_h)}]),
  target: head([(s)-[:TOWARD]->(_t) | {id: _t.id, topic: _t:Topic, node: CASE WHEN _t:Topic THEN _t {.id, .name}
    ELSE _t {.id, .name, .kind, .aliases, .mergedIds, labels: labels(_t)} END}]),
  article: head([(s)-[:STATED_IN]->(_a:Article) | _a {.id, .title, .publisher, .publishedAt, .url, .source, .extractor}]),
  speakerId: head([(s)-[:VOICED_BY]->(_v:Actor) | _v.id])}] AS page;

// name: actorArticles
UNWIND $ids AS id
CALL (id) {
  MATCH (art:Article)-[:MENTIONS]->(:Actor {id: id})
  WITH art ORDER BY coalesce(art.publishedAt, '') DESC, art.id
  WITH collect(art) AS matches
  RETURN size(matches) AS total, matches[$skip..($skip + $limit)] AS page
}
RETURN id, total, [art IN page | art {.id, .title, .publisher, .publishedAt, .url, .source, .extractor}] AS page;

// name: actorsSearch
CALL db.index.fulltext.queryNodes('actor_search', $lucene) YIELD node AS a, score
WHERE $kind IS NULL OR a.kind = $kind
WITH a ORDER BY score DESC, a.name, a.id
WITH collect(a) AS matches
RETURN size(matches) AS total, [a IN matches[$skip..($skip + $limit)] | a {.id, .name, .kind, .aliases, .mergedIds, labels: labels(a)}] AS page;

// name: actorsList
MATCH (a:Actor)
WHERE $kind IS NULL OR a.kind = $kind
WITH a ORDER BY a.name, a.id
WITH collect(a) AS matches
RETURN size(matches) AS total, [a IN matches[$skip..($skip + $limit)] | a {.id, .name, .kind, .aliases, .mergedIds, labels: labels(a)}] AS page;

// name: stancesByText
CALL db.index.fulltext.queryNodes('stance_search', $lucene) YIELD node AS s, score
WHERE ($kind IS NULL OR s.kind = $kind)
  AND ($polarity IS NULL OR s.polarity = $polarity)
  AND ($from IS NULL OR left(s.publishedAt, 10) >= $from)
  AND ($to IS NULL OR left(s.publishedAt, 10) <= $to)
  AND ($holder IS NULL OR EXISTS { (:Actor {id: $holder})-[:HOLDS]->(s) })
  AND ($target IS NULL OR EXISTS { (s)-[:TOWARD]->(t) WHERE t.id = $target })
  AND ($publisher IS NULL OR EXISTS { (s)-[:STATED_IN]->(:Article {publisher: $publisher}) })
WITH s ORDER BY score DESC, coalesce(s.publishedAt, '') DESC, s.id
WITH collect(s) AS matches
RETURN size(matches) AS total, [s IN matches[$skip..($skip + $limit)] | s {.id, .kind, .polarity, .quote, .sentence, .start, .end, .negated, .confidence, .publishedAt,
  holder: head([(_h:Actor)-[:HOLDS]->(s) | _h {.id, .name, .kind, .aliases, .mergedIds, labels: labels(_h)}]),
  target: head([(s)-[:TOWARD]->(_t) | {id: _t.id, topic: _t:Topic, node: CASE WHEN _t:Topic THEN _t {.id, .name}
    ELSE _t {.id, .name, .kind, .aliases, .mergedIds, labels: labels(_t)} END}]),
  article: head([(s)-[:STATED_IN]->(_a:Article) | _a {.id, .title, .publisher, .publishedAt, .url, .source, .extractor}]),
  speakerId: head([(s)-[:VOICED_BY]->(_v:Actor) | _v.id])}] AS page;

// name: stancesByHolder
MATCH (:Actor {id: $holder})-[:HOLDS]->(s:Stance)
WHERE ($kind IS NULL OR s.kind = $kind)
  AND ($polarity IS NULL OR s.polarity = $polarity)
  AND ($from IS NULL OR left(s.publishedAt, 10) >= $from)
  AND ($to IS NULL OR left(s.publishedAt, 10) <= $to)
  AND ($target IS NULL OR EXISTS { (s)-[:TOWARD]->(t) WHERE t.id = $target })
  AND ($publisher IS NULL OR EXISTS { (s)-[:STATED_IN]->(:Article {publisher: $publisher}) })
WITH s ORDER BY coalesce(s.publishedAt, '') DESC, s.id
WITH collect(s) AS matches
RETURN size(matches) AS total, [s IN matches[$skip..($skip + $limit)] | s {.id, .kind, .polarity, .quote, .sentence, .start, .end, .negated, .confidence, .publishedAt,
  holder: head([(_h:Actor)-[:HOLDS]->(s) | _h {.id, .name, .kind, .aliases, .mergedIds, labels: labels(_h)}]),
  target: head([(s)-[:TOWARD]->(_t) | {id: _t.id, topic: _t:Topic, node: CASE WHEN _t:Topic THEN _t {.id, .name}
    ELSE _t {.id, .name, .kind, .aliases, .mergedIds, labels: labels(_t)} END}]),
  article: head([(s)-[:STATED_IN]->(_a:Article) | _a {.id, .title, .publisher, .publishedAt, .url, .source, .extractor}]),
  speakerId: head([(s)-[:VOICED_BY]->(_v:Actor) | _v.id])}] AS page;

// name: stancesByTarget
CALL () {
  MATCH (t:Actor {id: $target}) RETURN t
  UNION
  MATCH (t:Topic {id: $target}) RETURN t
}
MATCH (s:Stance)-[:TOWARD]->(t)
WHERE ($kind IS NULL OR s.kind = $kind)
  AND ($polarity IS NULL OR s.polarity = $polarity)
  AND ($from IS NULL OR left(s.publishedAt, 10) >= $from)
  AND ($to IS NULL OR left(s.publishedAt, 10) <= $to)
  AND ($publisher IS NULL OR EXISTS { (s)-[:STATED_IN]->(:Article {publisher: $publisher}) })
WITH s ORDER BY coalesce(s.publishedAt, '') DESC, s.id
WITH collect(s) AS matches
RETURN size(matches) AS total, [s IN matches[$skip..($skip + $limit)] | s {.id, .kind, .polarity, .quote, .sentence, .start, .end, .negated, .confidence, .publishedAt,
  holder: head([(_h:Actor)-[:HOLDS]->(s) | _h {.id, .name, .kind, .aliases, .mergedIds, labels: labels(_h)}]),
  target: head([(s)-[:TOWARD]->(_t) | {id: _t.id, topic: _t:Topic, node: CASE WHEN _t:Topic THEN _t {.id, .name}
    ELSE _t {.id, .name, .kind, .aliases, .mergedIds, labels: labels(_t)} END}]),
  article: head([(s)-[:STATED_IN]->(_a:Article) | _a {.id, .title, .publisher, .publishedAt, .url, .source, .extractor}]),
  speakerId: head([(s)-[:VOICED_BY]->(_v:Actor) | _v.id])}] AS page;

// name: stancesByKind
MATCH (s:Stance {kind: $kind})
WHERE ($polarity IS NULL OR s.polarity = $polarity)
  AND ($from IS NULL OR left(s.publishedAt, 10) >= $from)
  AND ($to IS NULL OR left(s.publishedAt, 10) <= $to)
  AND ($publisher IS NULL OR EXISTS { (s)-[:STATED_IN]->(:Article {publisher: $publisher}) })
WITH s ORDER BY coalesce(s.publishedAt, '') DESC, s.id
WITH collect(s) AS matches
RETURN size(matches) AS total, [s IN matches[$skip..($skip + $limit)] | s {.id, .kind, .polarity, .quote, .sentence, .start, .end, .negated, .confidence, .publishedAt,
  holder: head([(_h:Actor)-[:HOLDS]->(s) | _h {.id, .name, .kind, .aliases, .mergedIds, labels: labels(_h)}]),
  target: head([(s)-[:TOWARD]->(_t) | {id: _t.id, topic: _t:Topic, node: CASE WHEN _t:Topic THEN _t {.id, .name}
    ELSE _t {.id, .name, .kind, .aliases, .mergedIds, labels: labels(_t)} END}]),
  article: head([(s)-[:STATED_IN]->(_a:Article) | _a {.id, .title, .publisher, .publishedAt, .url, .source, .extractor}]),
  speakerId: head([(s)-[:VOICED_BY]->(_v:Actor) | _v.id])}] AS page;

// name: stancesAll
MATCH (s:Stance)
WHERE ($polarity IS NULL OR s.polarity = $polarity)
  AND ($from IS NULL OR left(s.publishedAt, 10) >= $from)
  AND ($to IS NULL OR left(s.publishedAt, 10) <= $to)
  AND ($publisher IS NULL OR EXISTS { (s)-[:STATED_IN]->(:Article {publisher: $publisher}) })
WITH s ORDER BY coalesce(s.publishedAt, '') DESC, s.id
WITH collect(s) AS matches
RETURN size(matches) AS total, [s IN matches[$skip..($skip + $limit)] | s {.id, .kind, .polarity, .quote, .sentence, .start, .end, .negated, .confidence, .publishedAt,
  holder: head([(_h:Actor)-[:HOLDS]->(s) | _h {.id, .name, .kind, .aliases, .mergedIds, labels: labels(_h)}]),
  target: head([(s)-[:TOWARD]->(_t) | {id: _t.id, topic: _t:Topic, node: CASE WHEN _t:Topic THEN _t {.id, .name}
    ELSE _t {.id, .name, .kind, .aliases, .mergedIds, labels: labels(_t)} END}]),
  article: head([(s)-[:STATED_IN]->(_a:Article) | _a {.id, .title, .publisher, .publishedAt, .url, .source, .extractor}]),
  speakerId: head([(s)-[:VOICED_BY]->(_v:Actor) | _v.id])}] AS page;

// name: relationsHeld
MATCH (a:Actor {id: $actor})-[r]->(o)
WHERE type(r) IN $types AND ($type IS NULL OR type(r) = $type)
RETURN type(r) AS type, a.id AS holderId, o.id AS targetId, o:Topic AS targetIsTopic,
  coalesce(r.count, 0) AS count, r.polarity AS polarity, r.firstSeen AS firstSeen, r.lastSeen AS lastSeen
ORDER BY count DESC, type, targetId;

// name: relationsReceived
MATCH (a:Actor {id: $actor})<-[r]-(o:Actor)
WHERE type(r) IN $types AND ($type IS NULL OR type(r) = $type)
RETURN type(r) AS type, o.id AS holderId, a.id AS targetId, false AS targetIsTopic,
  coalesce(r.count, 0) AS count, r.polarity AS polarity, r.firstSeen AS firstSeen, r.lastSeen AS lastSeen
ORDER BY count DESC, type, holderId;

// name: stanceTimeline
MATCH (h:Actor)-[:HOLDS]->(s:Stance)-[:TOWARD]->(t)
WHERE s.publishedAt IS NOT NULL
  AND ($holder IS NULL OR h.id = $holder)
  AND ($target IS NULL OR t.id = $target)
  AND ($kind IS NULL OR s.kind = $kind)
  AND ($from IS NULL OR left(s.publishedAt, 10) >= $from)
  AND ($to IS NULL OR left(s.publishedAt, 10) <= $to)
WITH left(s.publishedAt, $length) AS period, s.polarity AS p
RETURN period, count(*) AS total,
  sum(CASE WHEN p > 0 THEN 1 ELSE 0 END) AS positive,
  sum(CASE WHEN p = 0 THEN 1 ELSE 0 END) AS neutral,
  sum(CASE WHEN p < 0 THEN 1 ELSE 0 END) AS negative
ORDER BY period;

// name: articlesSearch
CALL db.index.fulltext.queryNodes('article_search', $lucene) YIELD node AS art, score
WHERE ($publisher IS NULL OR art.publisher = $publisher)
  AND ($from IS NULL OR left(art.publishedAt, 10) >= $from)
  AND ($to IS NULL OR left(art.publishedAt, 10) <= $to)
WITH art ORDER BY score DESC, coalesce(art.publishedAt, '') DESC, art.id
WITH collect(art) AS matches
RETURN size(matches) AS total, [art IN matches[$skip..($skip + $limit)] | art {.id, .title, .publisher, .publishedAt, .url, .source, .extractor}] AS page;

// name: articlesList
MATCH (art:Article)
WHERE ($publisher IS NULL OR art.publisher = $publisher)
  AND ($from IS NULL OR left(art.publishedAt, 10) >= $from)
  AND ($to IS NULL OR left(art.publishedAt, 10) <= $to)
WITH art ORDER BY coalesce(art.publishedAt, '') DESC, art.id
WITH collect(art) AS matches
RETURN size(matches) AS total, [art IN matches[$skip..($skip + $limit)] | art {.id, .title, .publisher, .publishedAt, .url, .source, .extractor}] AS page;

// name: topicsSearch
CALL db.index.fulltext.queryNodes('topic_search', $lucene) YIELD node AS t, score
RETURN t {.id, .name} AS node
ORDER BY score DESC, t.name, t.id
LIMIT $limit;

// name: topicsList
MATCH (t:Topic)
RETURN t {.id, .name} AS node
ORDER BY t.name, t.id
LIMIT $limit;
