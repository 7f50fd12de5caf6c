-- The search index of people's names: one row per distinct folded word of a name (search_key's
-- words), carrying the person's sort key, so that a search for a word reads its matches already
-- in Vietnamese name order and stops after a page, instead of scanning every person. It is
-- derived from persons and written with it (people are never deleted), so it carries no foreign
-- key: checking one for each of a million imported people's words would double the import. Words compare
-- as bytes (COLLATE "C"), as on SQLite, so that a prefix is a range whatever the database's locale.
CREATE TABLE person_words (
  tenant_id BIGINT NOT NULL,
  word TEXT COLLATE "C" NOT NULL,
  sort_key BYTEA NOT NULL,
  person_id BIGINT NOT NULL,
  PRIMARY KEY (tenant_id, word, sort_key, person_id)
);

INSERT INTO person_words (tenant_id, word, sort_key, person_id)
SELECT DISTINCT p.tenant_id, w.word, p.sort_key, p.id
FROM persons p, string_to_table(p.search_key, ' ') AS w (word)
WHERE w.word <> '';
