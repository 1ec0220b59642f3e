// Uniqueness constraints for the graph model (../shared/design/ARCHITECTURE.md).
// Each id is the node's stable key: loads MERGE on it, so Neo4j itself rejects duplicates.
CREATE CONSTRAINT schema_migration_version IF NOT EXISTS FOR (m:SchemaMigration) REQUIRE m.version IS UNIQUE;
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT topic_id IF NOT EXISTS FOR (t:Topic) REQUIRE t.id IS UNIQUE;
CREATE CONSTRAINT stance_id IF NOT EXISTS FOR (s:Stance) REQUIRE s.id IS UNIQUE;
