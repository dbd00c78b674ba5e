-- Mentions grouped into events: same source, target and type, each mention
-- within `event_gap_days` (3) of the previous one (gaps and islands). Undated
-- mentions of a pair and type form one event per article.

CREATE TABLE event_mentions AS
WITH dated AS (
    SELECT interaction_id, source_iso3, target_iso3, type, article_id,
           coalesce(event_date, CAST(a.published_at AS DATE)) AS d
    FROM interactions_corrected
    JOIN articles a USING (article_id)
),
flagged AS (
    SELECT *,
           CASE WHEN d IS NULL THEN 1
                WHEN lag(d) OVER w IS NULL OR d - lag(d) OVER w > 3 THEN 1 ELSE 0 END AS starts
    FROM dated
    WINDOW w AS (PARTITION BY source_iso3, target_iso3, type ORDER BY d NULLS LAST, interaction_id)
),
numbered AS (
    SELECT *, sum(starts) OVER (PARTITION BY source_iso3, target_iso3, type
                                ORDER BY d NULLS LAST, interaction_id
                                ROWS UNBOUNDED PRECEDING) AS seq
    FROM flagged
)
SELECT interaction_id,
       substr(sha256(concat_ws('|', source_iso3, target_iso3, type,
                               coalesce(CAST(min(d) OVER g AS VARCHAR), min(article_id) OVER g))), 1, 16) AS event_id
FROM numbered
WINDOW g AS (PARTITION BY source_iso3, target_iso3, type, seq, CASE WHEN d IS NULL THEN article_id END);

CREATE TABLE events AS
SELECT m.event_id,
       any_value(i.source_iso3) AS source_iso3,
       any_value(i.target_iso3) AS target_iso3,
       any_value(i.type) AS type,
       min(coalesce(i.event_date, CAST(a.published_at AS DATE))) AS first_date,
       max(coalesce(i.event_date, CAST(a.published_at AS DATE))) AS last_date,
       count(DISTINCT m.interaction_id) AS mentions,
       count(DISTINCT i.article_id) AS articles,
       count(DISTINCT coalesce(cp.outlet, cp.copy_id)) AS sources,
       bool_or(i.reciprocal) AS reciprocal,
       max(i.confidence) AS max_confidence,
       arg_max(i.modality, i.confidence) AS modality
FROM event_mentions m
JOIN interactions_corrected i USING (interaction_id)
JOIN articles a ON a.article_id = i.article_id
LEFT JOIN article_copies cp ON cp.article_id = i.article_id
GROUP BY m.event_id;
COMMENT ON TABLE events IS 'Mentions of one source, target and type within a few days of each other, counted once; sources counts distinct outlets including syndicated copies.';
