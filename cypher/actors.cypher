// `stancegraph actors ...` (src/graph/actors.ts). All values are parameters.

// name: actorPair
OPTIONAL MATCH (f:Actor {id: $from})
OPTIONAL MATCH (i:Actor {id: $into})
RETURN f IS NOT NULL AS fromExists, i IS NOT NULL AS intoExists,
       COLLECT { MATCH (a:Actor) WHERE $from IN a.mergedIds RETURN a.id } AS fromMergedInto;

// name: touchedStances
// Every Stance FROM holds, is the target of, or voices; with its (holder, target, kind) before the merge.
MATCH (f:Actor {id: $from})
CALL (f) {
  MATCH (f)-[:HOLDS]->(s:Stance) RETURN s
  UNION
  MATCH (s:Stance)-[:TOWARD]->(f) RETURN s
  UNION
  MATCH (s:Stance)-[:VOICED_BY]->(f) RETURN s
}
RETURN s.id AS id, s.sentence AS sentence, s.kind AS kind,
       head([(s)-[:STATED_IN]->(a:Article) | a.id]) AS articleId,
       head([(h:Actor)-[:HOLDS]->(s) | h.id]) AS holderId,
       head([(s)-[:TOWARD]->(t) | t.id]) AS targetId;

// name: moveRelationships
// Moves FROM's relationships to INTO: HOLDS, TOWARD, VOICED_BY, MENTIONS (counts summed, aliases united), REPRESENTS both ways (articles united; an
// edge between the two is dropped); INTO takes FROM's name and aliases as aliases and records
// FROM's id in mergedIds. FROM, with its summary edges, is then deleted.
MATCH (f:Actor {id: $from}), (i:Actor {id: $into})
CALL (f, i) {
  MATCH (f)-[r:HOLDS]->(s:Stance)
  CREATE (i)-[:HOLDS]->(s)
  DELETE r
  RETURN count(*) AS holds
}
CALL (f, i) {
  MATCH (s:Stance)-[r:TOWARD]->(f)
  CREATE (s)-[:TOWARD]->(i)
  DELETE r
  RETURN count(*) AS toward
}
CALL (f, i) {
  MATCH (s:Stance)-[r:VOICED_BY]->(f)
  DELETE r
  // A stance INTO now holds needs no VOICED_BY to INTO: a holder voicing its own stance has none.
  WITH s, i WHERE NOT EXISTS { (i)-[:HOLDS]->(s) }
  CREATE (s)-[:VOICED_BY]->(i)
  RETURN count(*) AS voicedBy
}
CALL (f, i) {
  // Stances FROM held and INTO voiced: INTO now voices its own.
  MATCH (i)-[:HOLDS]->(s:Stance)-[v:VOICED_BY]->(i)
  DELETE v
}
CALL (f, i) {
  MATCH (a:Article)-[m:MENTIONS]->(f)
  MERGE (a)-[m2:MENTIONS]->(i)
  ON CREATE SET m2.count = 0, m2.aliases = []
  WITH m, m2, COLLECT { UNWIND coalesce(m2.aliases, []) + coalesce(m.aliases, []) AS x WITH DISTINCT x ORDER BY x RETURN x } AS aliases
  SET m2.count = coalesce(m2.count, 0) + coalesce(m.count, 0), m2.aliases = aliases
  DELETE m
  RETURN count(*) AS mentions
}
CALL (f, i) {
  MATCH (f)-[r:REPRESENTS]->(x:Actor) WHERE x <> i
  MERGE (i)-[r2:REPRESENTS]->(x)
  WITH r, r2, COLLECT { UNWIND coalesce(r2.articles, []) + coalesce(r.articles, []) AS a WITH DISTINCT a ORDER BY a RETURN a } AS articles
  SET r2.role = coalesce(r2.role, r.role), r2.articles = articles
  DELETE r
  RETURN count(*) AS representsOut
}
CALL (f, i) {
  MATCH (x:Actor)-[r:REPRESENTS]->(f) WHERE x <> i
  MERGE (x)-[r2:REPRESENTS]->(i)
  WITH r, r2, COLLECT { UNWIND coalesce(r2.articles, []) + coalesce(r.articles, []) AS a WITH DISTINCT a ORDER BY a RETURN a } AS articles
  SET r2.role = coalesce(r2.role, r.role), r2.articles = articles
  DELETE r
  RETURN count(*) AS representsIn
}
WITH f, i, holds, toward, voicedBy, mentions, representsOut, representsIn,
     COLLECT { UNWIND coalesce(i.aliases, []) + coalesce(f.aliases, []) + [f.name] AS x
               WITH DISTINCT x WHERE x <> i.name ORDER BY x RETURN x } AS aliases,
     COLLECT { UNWIND coalesce(i.mergedIds, []) + coalesce(f.mergedIds, []) + [f.id] AS x
               WITH DISTINCT x ORDER BY x RETURN x } AS mergedIds
SET i.aliases = aliases,
    i.aliasText = reduce(s = '', x IN aliases | s + CASE WHEN s = '' THEN '' ELSE ' | ' END + x),
    i.mergedIds = mergedIds
DETACH DELETE f
RETURN holds, toward, voicedBy, mentions, representsOut + representsIn AS represents;

// name: existingStanceIds
UNWIND $ids AS id
MATCH (s:Stance {id: id})
RETURN s.id AS id;

// name: reidStances
// Stances get the ids a fresh load would give them; duplicates the merge created are dropped.
CALL () {
  UNWIND $drop AS id
  MATCH (s:Stance {id: id})
  DETACH DELETE s
}
CALL () {
  UNWIND $rename AS row
  MATCH (s:Stance {id: row.oldId})
  SET s.id = row.newId
}
RETURN size($drop) AS dropped;

// name: listActors
MATCH (a:Actor)
RETURN a.id AS id, a.name AS name, a.kind AS kind, a.aliases AS aliases,
       COUNT { (a)<-[:MENTIONS]-() } AS articles, COUNT { (a)-[:HOLDS]->() } AS stances,
       coalesce(a.mergedIds, []) AS mergedIds
ORDER BY articles DESC, id
LIMIT toInteger($limit);

// name: searchActors
CALL db.index.fulltext.queryNodes('actor_search', $search) YIELD node AS a, score
RETURN a.id AS id, a.name AS name, a.kind AS kind, a.aliases AS aliases,
       COUNT { (a)<-[:MENTIONS]-() } AS articles, COUNT { (a)-[:HOLDS]->() } AS stances,
       coalesce(a.mergedIds, []) AS mergedIds
ORDER BY score DESC, articles DESC, id
LIMIT toInteger($limit);
