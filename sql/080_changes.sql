-- "What changed": each directed pair's net stance in a window against the
-- window of equal length just before it. A pair with nothing in one window
-- counts as neutral (0) there, so a pair that appears with threats moves by
-- -1; status says which case it is (moved | new | quiet). Both sides are
-- stance_matrix_for, the numbers the matrix shows.

-- The window of equal length that ends the day before date_from.
CREATE MACRO previous_window(date_from, date_to) AS {
    'date_from': CAST(date_from AS DATE) - CAST(CAST(date_to AS DATE) - CAST(date_from AS DATE) + 1 AS INTEGER),
    'date_to': CAST(date_from AS DATE) - 1
};

CREATE MACRO stance_change_for(date_from, date_to, types := NULL, modalities := NULL, countries := NULL,
                               min_confidence := 0.0, min_sources := 1, unit := 'events') AS TABLE
WITH now AS (
    SELECT * FROM stance_matrix_for(date_from := date_from, date_to := date_to, types := types,
                                    modalities := modalities, countries := countries,
                                    min_confidence := min_confidence, min_sources := min_sources, unit := unit)
),
before AS (
    SELECT * FROM stance_matrix_for(date_from := previous_window(date_from, date_to).date_from,
                                    date_to := previous_window(date_from, date_to).date_to,
                                    types := types, modalities := modalities, countries := countries,
                                    min_confidence := min_confidence, min_sources := min_sources, unit := unit)
)
SELECT coalesce(n.source_iso3, b.source_iso3) AS source_iso3,
       coalesce(n.target_iso3, b.target_iso3) AS target_iso3,
       src.name AS source_name,
       tgt.name AS target_name,
       b.net_stance AS net_before,
       n.net_stance AS net_now,
       round(coalesce(n.net_stance, 0) - coalesce(b.net_stance, 0), 4) AS delta,
       CASE WHEN b.total IS NULL THEN 'new' WHEN n.total IS NULL THEN 'quiet' ELSE 'moved' END AS status,
       coalesce(b.total, 0) AS total_before,
       coalesce(n.total, 0) AS total_now,
       coalesce(b.mentions, 0) AS mentions_before,
       coalesce(n.mentions, 0) AS mentions_now,
       previous_window(date_from, date_to).date_from AS before_from,
       previous_window(date_from, date_to).date_to AS before_to,
       CAST(date_from AS DATE) AS now_from,
       CAST(date_to AS DATE) AS now_to
FROM now n
FULL JOIN before b ON n.source_iso3 = b.source_iso3 AND n.target_iso3 = b.target_iso3
LEFT JOIN countries src ON src.iso3 = coalesce(n.source_iso3, b.source_iso3)
LEFT JOIN countries tgt ON tgt.iso3 = coalesce(n.target_iso3, b.target_iso3);
