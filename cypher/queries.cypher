// Analyst queries: the same ones the Neo4j Browser guide (cypher/browser/guide.html, served at
// /guide) runs, and the notebook (notebooks/stance-analysis.ipynb) uses. Each starts with a
// `// name:` line. Queries that take input use parameters ($actor, $holder, $target, $kind, $q);
// in Neo4j Browser set them first, e.g. `:param actor => 'russia'`.
//
// Summary edges by polarity:
//   negative  OPPOSES REJECTS VETOES CRITICIZES ACCUSES CONDEMNS THREATENS ATTACKS
//   positive  SUPPORTS PRAISES
//   neutral   URGES DEMANDS CONSULTS

// name: whoOpposesWhom
// Who opposes whom: the negative summary edges as a table, most repeated first.
MATCH (h:Actor)-[r:OPPOSES|REJECTS|VETOES|CRITICIZES|ACCUSES|CONDEMNS|THREATENS|ATTACKS]->(t)
RETURN h.name AS holder, type(r) AS stance, coalesce(t.name, t.id) AS target,
       r.count AS count, r.firstSeen AS firstSeen, r.lastSeen AS lastSeen
ORDER BY count DESC, holder, target
LIMIT 50;

// name: whoOpposesWhomGraph
// The same as a picture: every negative summary edge with its two ends.
MATCH p = (:Actor)-[:OPPOSES|REJECTS|VETOES|CRITICIZES|ACCUSES|CONDEMNS|THREATENS|ATTACKS]->()
RETURN p
LIMIT 100;

// name: stanceNetwork
// Every summary edge (holder, kind, target) with its count and polarity: the stance network.
MATCH (h:Actor)-[r:SUPPORTS|PRAISES|OPPOSES|REJECTS|VETOES|CRITICIZES|ACCUSES|CONDEMNS|THREATENS|ATTACKS|URGES|DEMANDS|CONSULTS]->(t)
RETURN h.id AS holderId, h.name AS holder, type(r) AS stance, t.id AS targetId,
       coalesce(t.name, t.id) AS target, CASE WHEN t:Topic THEN 'Topic' ELSE t.kind END AS targetKind,
       r.count AS count, r.polarity AS polarity
ORDER BY count DESC, holder, target;

// name: topActors
// Actors ranked by the stances they hold, with the split by polarity.
MATCH (a:Actor)-[:HOLDS]->(s:Stance)
RETURN a.id AS id, a.name AS name, a.kind AS kind, count(s) AS stances,
       sum(CASE WHEN s.polarity < 0 THEN 1 ELSE 0 END) AS negative,
       sum(CASE WHEN s.polarity > 0 THEN 1 ELSE 0 END) AS positive,
       sum(CASE WHEN s.polarity = 0 THEN 1 ELSE 0 END) AS neutral
ORDER BY stances DESC, name
LIMIT 20;

// name: edgeEvidence
// The evidence behind one summary edge: each Stance under (holder)-[kind]->(target), with its
// quote, offsets and article. $holder and $target are ids; $kind is a stance kind (OPPOSE) or
// a summary edge type (OPPOSES).
MATCH (h:Actor {id: $holder})-[:HOLDS]->(s:Stance)-[:TOWARD]->(t {id: $target})
WHERE s.kind = $kind
   OR {SUPPORTS: 'SUPPORT', PRAISES: 'PRAISE', OPPOSES: 'OPPOSE', REJECTS: 'REJECT', VETOES: 'VETO',
       CRITICIZES: 'CRITICIZE', ACCUSES: 'ACCUSE', CONDEMNS: 'CONDEMN', THREATENS: 'THREATEN',
       ATTACKS: 'ATTACK', URGES: 'URGE', DEMANDS: 'DEMAND', CONSULTS: 'CONSULT'}[$kind] = s.kind
MATCH (s)-[:STATED_IN]->(art:Article)
OPTIONAL MATCH (s)-[:VOICED_BY]->(v:Actor)
RETURN h.name AS holder, s.kind AS kind, coalesce(t.name, t.id) AS target, s.negated AS negated,
       s.confidence AS confidence, v.name AS voicedBy, s.quote AS quote, s.start AS start, s.end AS end,
       art.title AS article, art.publisher AS publisher, art.publishedAt AS publishedAt, art.url AS url,
       art.id AS articleId
ORDER BY publishedAt, article, start;

// name: strongestEdgeEvidence
// The evidence behind the most repeated summary edge, whatever the data: no input needed.
MATCH (h:Actor)-[r:SUPPORTS|PRAISES|OPPOSES|REJECTS|VETOES|CRITICIZES|ACCUSES|CONDEMNS|THREATENS|ATTACKS|URGES|DEMANDS|CONSULTS]->(t)
WITH h, r, t ORDER BY r.count DESC, r.polarity, h.name LIMIT 1
MATCH (h)-[:HOLDS]->(s:Stance)-[:TOWARD]->(t)
WHERE s.kind = {SUPPORTS: 'SUPPORT', PRAISES: 'PRAISE', OPPOSES: 'OPPOSE', REJECTS: 'REJECT', VETOES: 'VETO',
       CRITICIZES: 'CRITICIZE', ACCUSES: 'ACCUSE', CONDEMNS: 'CONDEMN', THREATENS: 'THREATEN',
       ATTACKS: 'ATTACK', URGES: 'URGE', DEMANDS: 'DEMAND', CONSULTS: 'CONSULT'}[type(r)]
MATCH (s)-[:STATED_IN]->(art:Article)
RETURN h.name AS holder, type(r) AS stance, coalesce(t.name, t.id) AS target, r.count AS count,
       s.quote AS quote, art.title AS article, art.publishedAt AS publishedAt
ORDER BY publishedAt, article, s.start;

// name: actorTimeline
// One actor's stances over time. $actor is an actor id or name (any case).
MATCH (a:Actor)
WHERE a.id = $actor OR toLower(a.name) = toLower($actor)
MATCH (a)-[:HOLDS]->(s:Stance)-[:TOWARD]->(t)
MATCH (s)-[:STATED_IN]->(art:Article)
RETURN coalesce(s.publishedAt, art.publishedAt) AS date, s.kind AS kind, s.polarity AS polarity,
       coalesce(t.name, t.id) AS target, s.quote AS quote, art.title AS article
ORDER BY date, article, s.start;

// name: actorTimelineByMonth
// One actor's stances per month and polarity (for a chart). $actor is an id or name.
MATCH (a:Actor)
WHERE a.id = $actor OR toLower(a.name) = toLower($actor)
MATCH (a)-[:HOLDS]->(s:Stance)
WITH substring(coalesce(s.publishedAt, 'undated'), 0, 7) AS month, s.polarity AS polarity
RETURN month, polarity, count(*) AS stances
ORDER BY month, polarity;

// name: contestedTargets
// The most contested targets (actors or topics): how many holders oppose them, how many support
// them, and who.
MATCH (h:Actor)-[r:OPPOSES|REJECTS|VETOES|CRITICIZES|ACCUSES|CONDEMNS|THREATENS|ATTACKS]->(t)
WITH t, count(DISTINCT h) AS opponents, sum(r.count) AS negativeStances,
     collect(DISTINCT h.name)[..10] AS opposedBy
OPTIONAL MATCH (s:Actor)-[:SUPPORTS|PRAISES]->(t)
WITH t, opponents, negativeStances, opposedBy, count(DISTINCT s) AS supporters
RETURN coalesce(t.name, t.id) AS target, CASE WHEN t:Topic THEN 'Topic' ELSE t.kind END AS kind,
       opponents, supporters, negativeStances, opposedBy
ORDER BY opponents DESC, negativeStances DESC, target
LIMIT 20;

// name: findActor
// Actors by name or alias (fulltext index actor_search), best match first. $q is the search text.
CALL db.index.fulltext.queryNodes('actor_search', $q) YIELD node, score
RETURN node.id AS id, node.name AS name, node.kind AS kind, node.aliases AS aliases, score
ORDER BY score DESC
LIMIT 10;

// name: graphCounts
// What is loaded (`stancegraph start` prints it, and loads the examples when there is no Article).
RETURN COUNT { (:Article) } AS articles, COUNT { (:Actor) } AS actors,
       COUNT { (:Stance) } AS stances, COUNT { (:Topic) } AS topics;
