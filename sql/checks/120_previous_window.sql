-- "What changed" compares a window with the window of equal length that ends
-- the day before it (leap day and single-day windows included).
SELECT 'previous_window' AS problem, w, expected
FROM (VALUES (previous_window('2024-03-01', '2024-03-31'), {'date_from': DATE '2024-01-30', 'date_to': DATE '2024-02-29'}),
             (previous_window('2024-05-10', '2024-05-10'), {'date_from': DATE '2024-05-09', 'date_to': DATE '2024-05-09'}))
     v(w, expected)
WHERE w IS DISTINCT FROM expected;
