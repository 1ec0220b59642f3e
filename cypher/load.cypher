// The loader's writes (src/graph/load.ts). Each runs over a batch ($rows etc.) inside one
// transaction per batch of articles, so an article is never half-written. All values are parameters.

// name: mergedIds
// Actor ids absorbed by `actors merge`: later loads map them onto the actor that absorbed them.
MATCH (a:Actor) WHERE a.mergedIds IS NOT NULL
UNWIND a.mergedIds AS fromId
RETURN fromId, a.id AS intoId;

// name: lockArticles
// Takes the articles' write locks first (ids sorted), so two loaders writing the same article queue
// up, and returns what is stored, to tell unchanged articles from changed ones.
UNWIND $ids AS id
MERGE (a:Article {id: id})
SET a._lock = true
REMOVE a._lock
RETURN a.id AS id, a.sha256 AS sha256, a.extractor AS extractor, a.contentHash AS contentHash;

// name: deleteOld
// The previous stances and mentions of the articles being rewritten go, with the REPRESENTS edges
// only they stated. Returns the (holder, target, kind) pairs the stances fed, and the actors and
// topics they touched (candidates for the orphan sweep).
CALL () {
  UNWIND $ids AS id
  MATCH (:Article {id: id})<-[:STATED_IN]-(s:Stance)
  OPTIONAL MATCH (h:Actor)-[:HOLDS]->(s)
  OPTIONAL MATCH (s)-[:TOWARD]->(t)
  WITH s, h.id AS holderId, t.id AS targetId, s.kind AS kind
  DETACH DELETE s
  WITH holderId, targetId, kind WHERE holderId IS NOT NULL AND targetId IS NOT NULL
  RETURN collect(DISTINCT {holderId: holderId, targetId: targetId, kind: kind}) AS pairs
}
CALL () {
  UNWIND $ids AS id
  MATCH (:Article {id: id})-[m:MENTIONS]->(x:Actor)
  DELETE m
  WITH DISTINCT x
  CALL (x) {
    MATCH (x)-[r:REPRESENTS]-(:Actor)
    WHERE any(i IN r.articles WHERE i IN $ids)
    WITH r, [i IN r.articles WHERE NOT i IN $ids] AS rest
    CALL (r, rest) {
      WITH r, rest WHERE size(rest) = 0
      DELETE r
    }
    CALL (r, rest) {
      WITH r, rest WHERE size(rest) > 0
      SET r.articles = rest
    }
  }
  RETURN collect(x.id) AS actorIds
}
RETURN pairs, actorIds;

// name: writeBatch
// Everything a batch of articles says, in one statement (one round trip): articles, actors (rows
// sorted by id: lock order), topics, mentions, stances with HOLDS/TOWARD/STATED_IN/VOICED_BY,
// REPRESENTS. The summary edges and the orphan sweep follow (summaryLock .. writeSummaries).
//
// Actor rows: `authoritative` = the row's id is the extractor's own (not reached through an alias
// or a merge), so its name and kind are the actor's; otherwise they are only set on creation.
CALL () {
  UNWIND $articles AS row
  MERGE (a:Article {id: row.id})
  SET a.title = row.title,
      a.publisher = row.publisher,
      a.publishedAt = row.publishedAt,
      a.url = row.url,
      a.source = row.source,
      a.sha256 = row.sha256,
      a.extractor = row.extractor,
      a.text = row.text,
      a.contentHash = row.contentHash,
      a.loadedAt = $loadedAt
}
CALL () {
  UNWIND $actors AS row
  MERGE (a:Actor {id: row.id})
  ON CREATE SET a.name = row.name, a.kind = row.kind, a:$(row.label)
  WITH a, row
  CALL (a, row) {
    WITH a, row WHERE row.authoritative AND a.kind <> row.kind
    REMOVE a:Country:Government:Person:Organization:Group:Location
    SET a:$(row.label), a.kind = row.kind
  }
  WITH a, row,
       COLLECT { UNWIND coalesce(a.aliases, []) + row.aliases AS x WITH DISTINCT x ORDER BY x RETURN x } AS aliases,
       CASE WHEN row.authoritative THEN row.name ELSE a.name END AS name
  // Written only when something changed (fewer full-text index updates at commit, fewer locks).
  CALL (a, aliases, name) {
    WITH a, aliases, name WHERE a.aliases IS NULL OR a.aliases <> aliases OR a.name <> name
    SET a.name = name,
        a.aliases = aliases,
        a.aliasText = reduce(s = '', x IN aliases | s + CASE WHEN s = '' THEN '' ELSE ' | ' END + x)
  }
}
CALL () {
  UNWIND $topics AS row
  MERGE (t:Topic {id: row.id})
  ON CREATE SET t.name = row.name
}
// Mentions and Stances name their actors and topics by their place in $actors and $topics (every
// one a row of this batch): each is looked up once per batch, not once per row.
CALL () {
  UNWIND range(0, size($actors) - 1) AS i
  MATCH (a:Actor {id: $actors[i].id})
  WITH i, a ORDER BY i
  RETURN collect(a) AS actorNodes
}
CALL () {
  UNWIND range(0, size($topics) - 1) AS i
  MATCH (t:Topic {id: $topics[i].id})
  WITH i, t ORDER BY i
  RETURN collect(t) AS topicNodes
}
CALL (actorNodes) {
  UNWIND $mentions AS row
  MATCH (a:Article {id: row.articleId})
  WITH a, row, actorNodes[toInteger(row.actor)] AS x
  CREATE (a)-[:MENTIONS {count: toInteger(row.count), aliases: row.aliases}]->(x)
}
CALL (actorNodes, topicNodes) {
  // Grouped by article: each article is looked up once, and its id and date are sent once.
  UNWIND $stances AS g
  MATCH (art:Article {id: g.articleId})
  UNWIND g.rows AS row
  WITH g, row, art, actorNodes, actorNodes[toInteger(row.holder)] AS h,
       CASE WHEN row.targetIsTopic THEN topicNodes[toInteger(row.target)] ELSE actorNodes[toInteger(row.target)] END AS t
  CREATE (s:Stance {
    id: row.id, kind: row.kind, polarity: toInteger(row.polarity), quote: row.quote,
    sentence: toInteger(row.sentence), start: toInteger(row.start), end: toInteger(row.end),
    negated: row.negated, confidence: toFloat(row.confidence), publishedAt: g.publishedAt
  })
  CREATE (h)-[:HOLDS]->(s), (s)-[:STATED_IN]->(art), (s)-[:TOWARD]->(t)
  WITH s, row, actorNodes WHERE row.voicedBy IS NOT NULL
  WITH s, actorNodes[toInteger(row.voicedBy)] AS v
  CREATE (s)-[:VOICED_BY]->(v)
}
CALL () {
  // One row per (from, to); `articles` lists the articles stating it, so a reload can retract it.
  UNWIND $represents AS row
  MATCH (a:Actor {id: row.fromId})
  MATCH (b:Actor {id: row.toId})
  MERGE (a)-[r:REPRESENTS]->(b)
  WITH r, row,
       COLLECT { UNWIND coalesce(r.articles, []) + row.articleIds AS i WITH DISTINCT i ORDER BY i RETURN i } AS articles
  SET r.role = coalesce(row.role, r.role), r.articles = articles
}
RETURN size($articles) AS articles;

// name: summaryLock
// Summary edges are updated by one transaction at a time, whichever process runs it: the lock is
// held from here to commit, so an update reads each edge (or the Stances beneath it) as every
// earlier batch committed it, Stances and edge together. Stance writes before it do not take it.
MERGE (l:LoadLock {id: 'summaries'})
SET l._lock = true
REMOVE l._lock;

// name: summaryEdges
// The summary edges of the holders toward the given targets, with what they sum up, to add a
// batch's new Stances to. The types are the summary types (model.ts SUMMARY_TYPES, checked by a
// test): a typed expansion reads only these, not the holder's many HOLDS.
UNWIND $holders AS row
MATCH (h:Actor {id: row.holderId})
MATCH (h)-[r:SUPPORTS|PRAISES|OPPOSES|REJECTS|VETOES|CRITICIZES|ACCUSES|CONDEMNS|THREATENS|ATTACKS|URGES|DEMANDS|CONSULTS]->(x)
WHERE x.id IN row.targetIds
RETURN row.holderId AS holderId, type(r) AS type, x.id AS targetId, elementId(r) AS rel,
       r.count AS count, r.firstSeen AS firstSeen, r.lastSeen AS lastSeen, r.polaritySum AS polaritySum;

// name: summaryState
// For each holder of a touched (holder, target, kind) pair: its Stances toward the touched targets,
// grouped by (target, kind) (count, first and last date, polarity sum), and its summary edges to
// those targets now. One expansion per holder, not per pair. Only for pairs that lost Stances (a
// rewritten article, a merge): read under the summary lock, after the batch's Stances are written.
UNWIND $holders AS row
MATCH (h:Actor {id: row.holderId})
CALL (row, h) {
  MATCH (h)-[:HOLDS]->(s)-[:TOWARD]->(x)
  WHERE x.id IN row.targetIds
  WITH x.id AS targetId, s.kind AS kind, count(s) AS n, min(s.publishedAt) AS firstSeen,
       max(s.publishedAt) AS lastSeen, sum(s.polarity) AS polaritySum
  RETURN collect({targetId: targetId, kind: kind, n: n, firstSeen: firstSeen, lastSeen: lastSeen, polaritySum: polaritySum}) AS groups
}
RETURN row.holderId AS holderId, groups,
       [(h)-[r:SUPPORTS|PRAISES|OPPOSES|REJECTS|VETOES|CRITICIZES|ACCUSES|CONDEMNS|THREATENS|ATTACKS|URGES|DEMANDS|CONSULTS]->(x) WHERE x.id IN row.targetIds | {type: type(r), targetId: x.id, rel: elementId(r)}] AS rels;

// name: writeSummaries
// Applies what summaryEdges/summaryState led to: summary edges deleted (no Stance left), updated or
// created; then the sweep of actors and topics a rewrite left with no relationship at all (kept
// when they record merged ids).
// An edge is found from its holder (unique index) through the summary types, then by its element
// id. Not by `MATCH ()-[r]->() WHERE elementId(r) = ...` alone: planned while the database is
// empty (as a load into an empty database does, and `replan=skip` keeps the plan), that becomes a
// scan of every relationship per edge.
CALL () {
  UNWIND $deletes AS d
  MATCH (:Actor {id: d.holderId})-[r:SUPPORTS|PRAISES|OPPOSES|REJECTS|VETOES|CRITICIZES|ACCUSES|CONDEMNS|THREATENS|ATTACKS|URGES|DEMANDS|CONSULTS]->()
  WHERE elementId(r) = d.rel
  DELETE r
}
CALL () {
  UNWIND $updates AS u
  MATCH (:Actor {id: u.holderId})-[r:SUPPORTS|PRAISES|OPPOSES|REJECTS|VETOES|CRITICIZES|ACCUSES|CONDEMNS|THREATENS|ATTACKS|URGES|DEMANDS|CONSULTS]->()
  WHERE elementId(r) = u.rel
  SET r.count = toInteger(u.n), r.firstSeen = u.firstSeen, r.lastSeen = u.lastSeen,
      r.polarity = toInteger(u.polarity), r.polaritySum = toInteger(u.polaritySum)
}
CALL () {
  UNWIND $creates AS u
  MATCH (h:Actor {id: u.holderId})
  CALL (u) {
    MATCH (t:Actor {id: u.targetId}) RETURN t
    UNION
    MATCH (t:Topic {id: u.targetId}) RETURN t
  }
  CREATE (h)-[r:$(u.type)]->(t)
  SET r.count = toInteger(u.n), r.firstSeen = u.firstSeen, r.lastSeen = u.lastSeen,
      r.polarity = toInteger(u.polarity), r.polaritySum = toInteger(u.polaritySum)
}
// An orphan is locked before it is looked at again: another transaction may have linked it (a new
// mention) without having committed when it was first looked at. The lock waits for that commit,
// and DETACH DELETE would otherwise take the new relationships with it.
CALL () {
  UNWIND $orphanActors AS id
  MATCH (a:Actor {id: id})
  WHERE a.mergedIds IS NULL AND NOT EXISTS { (a)--() }
  SET a._lock = true
  REMOVE a._lock
  WITH a WHERE NOT EXISTS { (a)--() }
  DETACH DELETE a
}
CALL () {
  UNWIND $orphanTopics AS id
  MATCH (t:Topic {id: id})
  WHERE NOT EXISTS { (t)--() }
  SET t._lock = true
  REMOVE t._lock
  WITH t WHERE NOT EXISTS { (t)--() }
  DETACH DELETE t
}
RETURN size($creates) + size($updates) + size($deletes) AS summaries;

// name: awaitSearchIndexes
// The eventually consistent full-text indexes (migration 0003) catch up with what was committed.
CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh();
