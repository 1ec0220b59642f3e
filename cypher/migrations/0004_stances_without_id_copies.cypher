// A Stance no longer keeps copies of its article's, holder's, target's and speaker's ids (articleId,
// holderId, targetId, speakerId): its STATED_IN, HOLDS, TOWARD and VOICED_BY relationships say them,
// as the graph model has it, and a copy was one more thing `actors merge` had to keep in step. Every
// Stance written cost four more properties and an index entry (stance_article) for it: about a tenth
// of the loader's write time. Existing Stances lose the copies, in transactions of 10,000.
DROP INDEX stance_article IF EXISTS;
MATCH (s:Stance)
WHERE s.articleId IS NOT NULL OR s.holderId IS NOT NULL OR s.targetId IS NOT NULL OR s.speakerId IS NOT NULL
CALL (s) {
  REMOVE s.articleId, s.holderId, s.targetId, s.speakerId
} IN TRANSACTIONS OF 10000 ROWS;
