-- The search index of people's names: one row per distinct folded word of a name (search_key's
-- words), carrying the person's sort key, so that a search for a word reads its matches already
-- in Vietnamese name order and stops after a page, instead of scanning every person. It is
-- derived from persons and written with it (people are never deleted), so it carries no foreign
-- key: checking one for each of a million imported people's words would double the import.
CREATE TABLE person_words (
  tenant_id INTEGER NOT NULL,
  word TEXT NOT NULL,
  sort_key BLOB NOT NULL,
  person_id INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, word, sort_key, person_id)
) STRICT, WITHOUT ROWID;

WITH RECURSIVE split (tenant_id, person_id, sort_key, word, rest) AS (
  SELECT tenant_id, id, sort_key, '', search_key || ' ' FROM persons
  UNION ALL
  SELECT tenant_id, person_id, sort_key, substr(rest, 1, instr(rest, ' ') - 1),
         substr(rest, instr(rest, ' ') + 1)
  FROM split WHERE rest <> ''
)
INSERT OR IGNORE INTO person_words (tenant_id, word, sort_key, person_id)
SELECT tenant_id, word, sort_key, person_id FROM split WHERE word <> '';
