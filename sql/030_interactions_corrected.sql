-- Interactions with analysts' corrections applied: the newest correction of
-- each interaction wins; 'wrong' removes it, 'change' replaces its type or
-- direction, 'confirm' keeps it as is. Everything downstream reads this.

CREATE VIEW latest_corrections AS
SELECT * FROM corrections
QUALIFY row_number() OVER (PARTITION BY interaction_id ORDER BY created_at DESC, correction_id DESC) = 1;

CREATE VIEW interactions_corrected AS
SELECT i.* REPLACE (
           coalesce(c.new_source_iso3, i.source_iso3) AS source_iso3,
           coalesce(c.new_target_iso3, i.target_iso3) AS target_iso3,
           coalesce(c.new_type, i.type) AS type,
           CASE WHEN c.new_source_iso3 IS NOT NULL AND c.new_source_iso3 <> i.source_iso3
                THEN i.target_text ELSE i.source_text END AS source_text,
           CASE WHEN c.new_source_iso3 IS NOT NULL AND c.new_source_iso3 <> i.source_iso3
                THEN i.source_text ELSE i.target_text END AS target_text,
           CASE WHEN c.new_source_iso3 IS NOT NULL AND c.new_source_iso3 <> i.source_iso3
                THEN i.target_start ELSE i.source_start END AS source_start,
           CASE WHEN c.new_source_iso3 IS NOT NULL AND c.new_source_iso3 <> i.source_iso3
                THEN i.target_end ELSE i.source_end END AS source_end,
           CASE WHEN c.new_source_iso3 IS NOT NULL AND c.new_source_iso3 <> i.source_iso3
                THEN i.source_start ELSE i.target_start END AS target_start,
           CASE WHEN c.new_source_iso3 IS NOT NULL AND c.new_source_iso3 <> i.source_iso3
                THEN i.source_end ELSE i.target_end END AS target_end
       ),
       c.action AS correction,
       c.note AS correction_note
FROM interactions i
LEFT JOIN latest_corrections c USING (interaction_id)
WHERE c.action IS DISTINCT FROM 'wrong';
