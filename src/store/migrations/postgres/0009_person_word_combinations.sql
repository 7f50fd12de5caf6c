-- Word combinations in the search index of names (core/vietnamese_text.hpp word_combinations):
-- for a name of 2 to 6 distinct words, one row per pair and per triple of them ("~duc nguyen",
-- "~duc nguyen van"), for a longer name one row "~*", so that a search of several common words
-- reads the people who have them all instead of every row of its rarest word. "~*" typed in a
-- name is no word of the index (a search for it reads the names). Built from the words already
-- indexed, through a table keyed by person, since the index is keyed by word.
DELETE FROM person_words WHERE word = '~*';

CREATE TEMP TABLE name_words (
  tenant_id BIGINT NOT NULL,
  person_id BIGINT NOT NULL,
  word TEXT COLLATE "C" NOT NULL,
  sort_key BYTEA NOT NULL,
  words BIGINT NOT NULL,
  PRIMARY KEY (tenant_id, person_id, word)
);

INSERT INTO name_words (tenant_id, person_id, word, sort_key, words)
SELECT tenant_id, person_id, word, sort_key,
       count(*) OVER (PARTITION BY tenant_id, person_id)
FROM person_words;
ANALYZE name_words;

INSERT INTO person_words (tenant_id, word, sort_key, person_id)
SELECT tenant_id, word, sort_key, person_id FROM (
  SELECT a.tenant_id, '~' || a.word || ' ' || b.word AS word, a.sort_key, a.person_id
  FROM name_words a JOIN name_words b ON b.tenant_id = a.tenant_id AND b.person_id = a.person_id
    AND b.word > a.word
  WHERE a.words <= 6
  UNION ALL
  SELECT a.tenant_id, '~' || a.word || ' ' || b.word || ' ' || c.word, a.sort_key, a.person_id
  FROM name_words a JOIN name_words b ON b.tenant_id = a.tenant_id AND b.person_id = a.person_id
    AND b.word > a.word
  JOIN name_words c ON c.tenant_id = a.tenant_id AND c.person_id = a.person_id AND c.word > b.word
  WHERE a.words <= 6
  UNION ALL
  SELECT DISTINCT tenant_id, '~*', sort_key, person_id FROM name_words WHERE words > 6
) AS combinations
ORDER BY tenant_id, word, sort_key, person_id
ON CONFLICT DO NOTHING;

DROP TABLE name_words;
