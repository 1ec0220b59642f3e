// Indexes for the lookups the loader, the API and analysts make.
CREATE INDEX actor_name IF NOT EXISTS FOR (a:Actor) ON (a.name);
CREATE INDEX actor_kind IF NOT EXISTS FOR (a:Actor) ON (a.kind);
CREATE INDEX article_published IF NOT EXISTS FOR (a:Article) ON (a.publishedAt);
CREATE INDEX article_publisher IF NOT EXISTS FOR (a:Article) ON (a.publisher);
CREATE INDEX article_sha256 IF NOT EXISTS FOR (a:Article) ON (a.sha256);
CREATE INDEX stance_kind IF NOT EXISTS FOR (s:Stance) ON (s.kind);
CREATE INDEX stance_published IF NOT EXISTS FOR (s:Stance) ON (s.publishedAt);
CREATE INDEX stance_article IF NOT EXISTS FOR (s:Stance) ON (s.articleId);
CREATE INDEX topic_name IF NOT EXISTS FOR (t:Topic) ON (t.name);
CREATE FULLTEXT INDEX actor_search IF NOT EXISTS FOR (a:Actor) ON EACH [a.name, a.aliasText];
CREATE FULLTEXT INDEX topic_search IF NOT EXISTS FOR (t:Topic) ON EACH [t.name];
CREATE FULLTEXT INDEX article_search IF NOT EXISTS FOR (a:Article) ON EACH [a.title];
CREATE FULLTEXT INDEX stance_search IF NOT EXISTS FOR (s:Stance) ON EACH [s.quote];
