-- Staging: copy the ETL's state into the public tables.

INSERT INTO countries
SELECT iso3, name, lat, lon, focus, iso2, aliases, capital, capital_aliases, demonyms, un_member
FROM work.ref_countries;

INSERT INTO actors SELECT name, aliases, iso3, role, term_start, term_end FROM work.ref_actors;
INSERT INTO institutions SELECT iso3, name, aliases, kind FROM work.ref_institutions;
INSERT INTO type_weights SELECT type, weight, description FROM work.ref_type_weights;

INSERT INTO articles
SELECT a.article_id, a.source, a.title, a.outlet, a.url, a.published_at, a.ingested_at, a.content_hash,
       a.date_source,
       1 + (SELECT count(*) FROM work.articles d WHERE d.duplicate_of = a.article_id),
       (SELECT count(DISTINCT coalesce(c.outlet, c.article_id)) FROM work.articles c
         WHERE c.article_id = a.article_id OR c.duplicate_of = a.article_id),
       a.text
FROM work.articles a
WHERE a.duplicate_of IS NULL;

INSERT INTO article_copies
SELECT coalesce(duplicate_of, article_id), article_id, source, title, outlet, url, published_at,
       CASE WHEN duplicate_of IS NULL THEN 1.0 ELSE similarity END
FROM work.articles;

INSERT INTO interactions
SELECT i.interaction_id, i.article_id, i.source_iso3, i.target_iso3, i.type, i.modality, i.reciprocal,
       i.event_date, i.sentence, i.sentence_start, i.sentence_end, i.source_text, i.target_text,
       i.trigger_text, i.confidence, i.extractor_version, i.source_start, i.source_end, i.target_start,
       i.target_end, i.trigger_start, i.trigger_end, i.negated, i.date_text, i.rule
FROM work.interactions i
JOIN work.articles a USING (article_id)
WHERE a.duplicate_of IS NULL;

INSERT INTO corrections
SELECT correction_id, interaction_id, action, new_type, new_source_iso3, new_target_iso3, note, author,
       created_at, article_id, source_iso3, target_iso3, type, sentence
FROM work.ref_corrections;

INSERT INTO ingest_errors SELECT source, reason, first_seen, last_seen, times FROM work.ingest_errors;

INSERT INTO runs
SELECT run_id, command, started_at, finished_at, status, articles_seen, articles_added, articles_updated,
       articles_skipped, duplicates, interactions_added, errors, message
FROM work.runs;
