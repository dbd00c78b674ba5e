-- Trends behind the drill-down: weekly stance of every directed pair, and the
-- events of one pair. Both read evidence_filtered, the rows the evidence list
-- shows, so a pair's weeks add up to its stance_matrix_for cell and every
-- event listed is one the figures counted.

-- A unit (event or mention, as in stance_matrix_for) is counted once, in the
-- week (starting Monday) of its first date under the filters. week is NULL for
-- units with no date at all.
CREATE MACRO weekly_stance_for(date_from := NULL, date_to := NULL, types := NULL, modalities := NULL,
                               countries := NULL, min_confidence := 0.0, min_sources := 1,
                               unit := 'events') AS TABLE
WITH m AS (
    SELECT * FROM evidence_filtered(date_from := date_from, date_to := date_to, types := types,
                                    modalities := modalities, countries := countries,
                                    min_confidence := min_confidence, min_sources := min_sources)
),
units AS (
    SELECT source_iso3, target_iso3, type,
           CASE WHEN unit = 'mentions' THEN interaction_id ELSE event_id END AS unit_id,
           min(date) AS first_date,
           count(*) AS mentions
    FROM m
    GROUP BY ALL
)
SELECT u.source_iso3, u.target_iso3,
       CAST(date_trunc('week', u.first_date) AS DATE) AS week,
       count(*) FILTER (WHERE u.type = 'cooperation') AS cooperation,
       count(*) FILTER (WHERE u.type = 'proposal') AS proposal,
       count(*) FILTER (WHERE u.type = 'rejection') AS rejection,
       count(*) FILTER (WHERE u.type = 'threat') AS threat,
       count(*) AS total,
       round(avg(w.weight), 4) AS net_stance,
       CAST(sum(u.mentions) AS BIGINT) AS mentions
FROM units u JOIN type_weights w USING (type)
GROUP BY ALL;

-- The events of one directed pair under the filters, with the mentions that
-- passed them: what the "what changed" panel lists behind each pair.
CREATE MACRO pair_events_for(pair_source, pair_target, date_from := NULL, date_to := NULL, types := NULL,
                             modalities := NULL, countries := NULL, min_confidence := 0.0,
                             min_sources := 1) AS TABLE
SELECT event_id, source_iso3, target_iso3, type,
       min(date) AS first_date,
       max(date) AS last_date,
       count(*) AS mentions,
       count(DISTINCT article_id) AS articles,
       max(event_sources) AS sources,
       max(confidence) AS max_confidence,
       arg_max(sentence, confidence) AS sentence,
       arg_max(title, confidence) AS title,
       arg_max(outlet, confidence) AS outlet
FROM evidence_filtered(date_from := date_from, date_to := date_to, types := types, modalities := modalities,
                       countries := countries, min_confidence := min_confidence, min_sources := min_sources)
WHERE source_iso3 = pair_source AND target_iso3 = pair_target
GROUP BY event_id, source_iso3, target_iso3, type;
