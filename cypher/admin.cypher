// Queries the CLI's own commands run. Each query starts with a `// name:` line; all take parameters.

// name: migrationsApplied
MATCH (m:SchemaMigration) RETURN m.version AS version, m.checksum AS checksum ORDER BY version;

// name: labelCounts
CALL db.labels() YIELD label
CALL (label) { MATCH (n:$(label)) RETURN count(n) AS count }
RETURN label, count ORDER BY label;

// name: relationshipCounts
CALL db.relationshipTypes() YIELD relationshipType AS type
CALL (type) { MATCH ()-[r:$(type)]->() RETURN count(r) AS count }
RETURN type, count ORDER BY type;

// name: constraints
SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties RETURN name, type, labelsOrTypes, properties ORDER BY name;

// name: hasNodes
// Whether the database holds any node at all (the count store answers, without a scan).
MATCH (n) RETURN count(n) > 0 AS any;

// name: recordMigrations
// Records migrations as applied (one after it ran; all of them when a new database was given
// cypher/schema.cypher).
UNWIND $migrations AS row
MERGE (m:SchemaMigration {version: row.version})
SET m.name = row.name, m.checksum = row.checksum, m.appliedAt = datetime();

// name: awaitIndexes
// Waits (up to $seconds) until every index is online: a query planned while an index is still
// populating plans without it, and the loader keeps its plans (`replan=skip`).
CALL db.awaitIndexes($seconds);
