-- The six focus countries are marked and nothing else is.
SELECT iso3 FROM countries WHERE focus <> (iso3 IN ('USA', 'JPN', 'KOR', 'PRK', 'CHN', 'PHL'))
UNION ALL
SELECT 'missing ' || x FROM (VALUES ('USA'), ('JPN'), ('KOR'), ('PRK'), ('CHN'), ('PHL')) v(x)
WHERE x NOT IN (SELECT iso3 FROM countries);
