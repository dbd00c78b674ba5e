-- Both ends of every interaction are in the countries table.
SELECT interaction_id, source_iso3, target_iso3 FROM interactions
WHERE source_iso3 NOT IN (SELECT iso3 FROM countries) OR target_iso3 NOT IN (SELECT iso3 FROM countries);
