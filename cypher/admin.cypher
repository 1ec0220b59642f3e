// Queries the CLI's own commands run. Each query starts with a `// name:` line; all take parameters.

// name: migrationsApplied
MATCH (m:SchemaMigration) RETURN m.version AS version, m.checksum AS checksum ORDER BY version;

// name: recordMigration
MERGE (m:SchemaMigration {version: $version})
SET m.name = $name, m.checksum = $checksum, m.appliedAt = datetime();

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
