-- Each corrected mention belongs to exactly one event, and event counts add up.
SELECT 'mention without event' AS problem, interaction_id AS id FROM interactions_corrected
WHERE interaction_id NOT IN (SELECT interaction_id FROM event_mentions)
UNION ALL
SELECT 'mention in several events', interaction_id FROM event_mentions GROUP BY interaction_id HAVING count(*) > 1
UNION ALL
SELECT 'event mention count mismatch', 'total'
WHERE (SELECT sum(mentions) FROM events) IS DISTINCT FROM (SELECT count(*) FROM interactions_corrected)
  AND (SELECT count(*) FROM interactions_corrected) > 0;
