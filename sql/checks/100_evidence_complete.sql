-- The drill-down shows every counted mention: evidence has exactly one row per
-- corrected interaction, and the matrix's mention counts add up to it.
SELECT 'evidence rows' AS problem, count(*) AS n FROM evidence
HAVING count(*) <> (SELECT count(*) FROM interactions_corrected)
UNION ALL
SELECT 'duplicate evidence row', count(*) FROM evidence GROUP BY interaction_id HAVING count(*) > 1
UNION ALL
SELECT 'matrix mentions', sum(mentions) FROM stance_matrix
HAVING sum(mentions) <> (SELECT count(*) FROM evidence);
