// The schema every migration in cypher/migrations leads to, in its final form: what a NEW database
// (no migration recorded, no node) gets instead of replaying the migrations one by one (src/neo4j/
// migrate.ts). All of it is one schema transaction, then every migration is recorded as applied.
// On a just-started server each migration statement costs a round trip and a commit, and the
// intermediate steps (indexes created then dropped, data migrations over no data) cost seconds.
//
// Keep it in step with the migrations: a test (tests/foundation.test.ts) builds the schema both
// ways and compares them. A migration that only changes data has nothing to do here; one that
// creates data every database needs must not use this shortcut (put it in migrate.ts instead).

// 0001_constraints
CREATE CONSTRAINT schema_migration_version IF NOT EXISTS FOR (m:SchemaMigration) REQUIRE m.version IS UNIQUE;
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT topic_id IF NOT EXISTS FOR (t:Topic) REQUIRE t.id IS UNIQUE;
CREATE CONSTRAINT stance_id IF NOT EXISTS FOR (s:Stance) REQUIRE s.id IS UNIQUE;

// 0002_indexes (stance_article dropped by 0004)
CREATE INDEX actor_name IF NOT EXISTS FOR (a:Actor) ON (a.name);
CREATE INDEX actor_kind IF NOT EXISTS FOR (a:Actor) ON (a.kind);
CREATE INDEX article_published IF NOT EXISTS FOR (a:Article) ON (a.publishedAt);
CREATE INDEX article_publisher IF NOT EXISTS FOR (a:Article) ON (a.publisher);
CREATE INDEX article_sha256 IF NOT EXISTS FOR (a:Article) ON (a.sha256);
CREATE INDEX stance_kind IF NOT EXISTS FOR (s:Stance) ON (s.kind);
CREATE INDEX stance_published IF NOT EXISTS FOR (s:Stance) ON (s.publishedAt);
CREATE INDEX topic_name IF NOT EXISTS FOR (t:Topic) ON (t.name);
CREATE FULLTEXT INDEX actor_search IF NOT EXISTS FOR (a:Actor) ON EACH [a.name, a.aliasText];
CREATE FULLTEXT INDEX topic_search IF NOT EXISTS FOR (t:Topic) ON EACH [t.name];

// 0003_eventually_consistent_fulltext
CREATE FULLTEXT INDEX stance_search IF NOT EXISTS FOR (s:Stance) ON EACH [s.quote]
  OPTIONS {indexConfig: {`fulltext.eventually_consistent`: true}};
CREATE FULLTEXT INDEX article_search IF NOT EXISTS FOR (a:Article) ON EACH [a.title]
  OPTIONS {indexConfig: {`fulltext.eventually_consistent`: true}};
