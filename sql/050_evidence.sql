-- The evidence behind every number: one row per (corrected) mention with its
-- event, article and country names. The dashboard's drill-down lists rows of
-- this view, and every count in the figures is a count over it.

CREATE VIEW evidence AS
SELECT i.interaction_id,
       m.event_id,
       i.article_id,
       i.source_iso3,
       s.name AS source_name,
       i.target_iso3,
       t.name AS target_name,
       i.type,
       i.modality,
       i.reciprocal,
       coalesce(i.event_date, CAST(a.published_at AS DATE)) AS date,
       i.event_date,
       i.confidence,
       i.sentence,
       i.sentence_start,
       i.sentence_end,
       i.source_text, i.source_start, i.source_end,
       i.target_text, i.target_start, i.target_end,
       i.trigger_text, i.trigger_start, i.trigger_end,
       i.negated,
       i.rule,
       i.correction,
       i.correction_note,
       a.title,
       a.outlet,
       a.url,
       a.source AS article_source,
       a.published_at,
       e.sources AS event_sources,
       e.mentions AS event_mentions
FROM interactions_corrected i
JOIN event_mentions m USING (interaction_id)
JOIN events e USING (event_id)
JOIN articles a ON a.article_id = i.article_id
LEFT JOIN countries s ON s.iso3 = i.source_iso3
LEFT JOIN countries t ON t.iso3 = i.target_iso3;

-- The same rows under the dashboard's filters. NULL means "no filter".
-- countries keeps a mention when both its source and its target are listed.
-- min_sources is the number of distinct outlets that reported the event.
CREATE MACRO evidence_filtered(date_from := NULL, date_to := NULL, types := NULL, modalities := NULL,
                               countries := NULL, min_confidence := 0.0, min_sources := 1) AS TABLE
SELECT * FROM evidence
WHERE (date_from IS NULL OR date >= CAST(date_from AS DATE))
  AND (date_to IS NULL OR date <= CAST(date_to AS DATE))
  AND (types IS NULL OR list_contains(types, type))
  AND (modalities IS NULL OR list_contains(modalities, modality))
  AND (countries IS NULL OR (list_contains(countries, source_iso3) AND list_contains(countries, target_iso3)))
  AND confidence >= min_confidence
  AND event_sources >= min_sources;
