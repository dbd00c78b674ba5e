-- A country cannot be its own target.
SELECT interaction_id, source_iso3, target_iso3 FROM interactions WHERE source_iso3 = target_iso3;
