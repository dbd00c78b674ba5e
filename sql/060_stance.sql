-- Stance matrix and network edges: per directed pair, counts per type and a
-- net stance = mean type weight (type_weights) over the counted units, in
-- [-1, 1]. unit := 'events' counts each event once (default: measures what
-- happened, not media attention); unit := 'mentions' counts every sentence.

CREATE MACRO stance_matrix_for(date_from := NULL, date_to := NULL, types := NULL, modalities := NULL,
                               countries := NULL, min_confidence := 0.0, min_sources := 1,
                               unit := 'events') AS TABLE
WITH m AS (
    SELECT * FROM evidence_filtered(date_from := date_from, date_to := date_to, types := types,
                                    modalities := modalities, countries := countries,
                                    min_confidence := min_confidence, min_sources := min_sources)
),
units AS (
    SELECT DISTINCT source_iso3, target_iso3, type,
           CASE WHEN unit = 'mentions' THEN interaction_id ELSE event_id END AS unit_id
    FROM m
),
counted AS (
    SELECT u.source_iso3, u.target_iso3,
           count(*) FILTER (WHERE u.type = 'cooperation') AS cooperation,
           count(*) FILTER (WHERE u.type = 'proposal') AS proposal,
           count(*) FILTER (WHERE u.type = 'rejection') AS rejection,
           count(*) FILTER (WHERE u.type = 'threat') AS threat,
           count(*) AS total,
           round(avg(w.weight), 4) AS net_stance
    FROM units u JOIN type_weights w USING (type)
    GROUP BY u.source_iso3, u.target_iso3
),
volume AS (
    SELECT source_iso3, target_iso3, count(DISTINCT interaction_id) AS mentions,
           count(DISTINCT event_id) AS events, count(DISTINCT article_id) AS articles,
           max(date) AS latest_date
    FROM m GROUP BY source_iso3, target_iso3
)
SELECT c.*, v.mentions, v.events, v.articles, v.latest_date
FROM counted c JOIN volume v USING (source_iso3, target_iso3);

CREATE MACRO network_edges_for(date_from := NULL, date_to := NULL, types := NULL, modalities := NULL,
                               countries := NULL, min_confidence := 0.0, min_sources := 1,
                               unit := 'events') AS TABLE
SELECT s.source_iso3, s.target_iso3,
       src.name AS source_name, tgt.name AS target_name,
       src.lat AS source_lat, src.lon AS source_lon, tgt.lat AS target_lat, tgt.lon AS target_lon,
       s.cooperation, s.proposal, s.rejection, s.threat, s.total, s.net_stance,
       s.mentions, s.events, s.articles, s.latest_date
FROM stance_matrix_for(date_from := date_from, date_to := date_to, types := types, modalities := modalities,
                       countries := countries, min_confidence := min_confidence,
                       min_sources := min_sources, unit := unit) s
JOIN countries src ON src.iso3 = s.source_iso3
JOIN countries tgt ON tgt.iso3 = s.target_iso3;

CREATE VIEW stance_matrix AS SELECT * FROM stance_matrix_for();
COMMENT ON VIEW stance_matrix IS 'Per directed pair (all countries, all dates): events per type, total, net stance (mean type weight), mentions, articles, latest date.';

CREATE VIEW network_edges AS SELECT * FROM network_edges_for();
COMMENT ON VIEW network_edges IS 'stance_matrix with both countries'' names and map coordinates: the edges of the network map.';
