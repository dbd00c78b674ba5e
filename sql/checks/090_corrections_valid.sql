-- Corrections use known actions, types and countries, and change something real.
SELECT correction_id FROM corrections
WHERE action NOT IN ('wrong', 'change', 'confirm')
   OR (new_type IS NOT NULL AND new_type NOT IN (SELECT type FROM type_weights))
   OR (action = 'change' AND (new_source_iso3 IS NULL OR new_target_iso3 IS NULL OR new_source_iso3 = new_target_iso3));
