-- Every type has a stance weight and every modality is one of the three.
SELECT interaction_id, type, modality FROM interactions
WHERE type NOT IN (SELECT type FROM type_weights)
   OR modality NOT IN ('asserted', 'planned', 'conditional');
