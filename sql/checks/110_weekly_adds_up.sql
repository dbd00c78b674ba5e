-- The trend chart and the matrix agree: every pair's weekly totals add up to
-- its stance-matrix cell, counting events and counting mentions.
WITH we AS (SELECT source_iso3, target_iso3, sum(total) AS total FROM weekly_stance_for() GROUP BY ALL),
     wm AS (SELECT source_iso3, target_iso3, sum(total) AS total
            FROM weekly_stance_for(unit := 'mentions') GROUP BY ALL),
     sm AS (SELECT source_iso3, target_iso3, total FROM stance_matrix_for(unit := 'mentions'))
SELECT 'events' AS unit, s.source_iso3, s.target_iso3, s.total, w.total AS weekly
FROM stance_matrix s FULL JOIN we w USING (source_iso3, target_iso3)
WHERE s.total IS DISTINCT FROM w.total
UNION ALL
SELECT 'mentions', s.source_iso3, s.target_iso3, s.total, w.total
FROM sm s FULL JOIN wm w USING (source_iso3, target_iso3)
WHERE s.total IS DISTINCT FROM w.total;
