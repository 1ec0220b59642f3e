// Full-text indexes over what every load writes in bulk (stance quotes, article titles) are updated
// after commit instead of inside it: a load's transactions commit without waiting for Lucene. The
// loader calls db.index.fulltext.awaitEventuallyConsistentIndexRefresh() before it reports, so a search run after
// `stancegraph load` (or `ingestArticle`) returns sees everything it wrote.
DROP INDEX stance_search IF EXISTS;
CREATE FULLTEXT INDEX stance_search IF NOT EXISTS FOR (s:Stance) ON EACH [s.quote]
  OPTIONS {indexConfig: {`fulltext.eventually_consistent`: true}};
DROP INDEX article_search IF EXISTS;
CREATE FULLTEXT INDEX article_search IF NOT EXISTS FOR (a:Article) ON EACH [a.title]
  OPTIONS {indexConfig: {`fulltext.eventually_consistent`: true}};
