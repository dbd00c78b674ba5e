-- Confidence is a probability-like score in [0, 1].
SELECT interaction_id, confidence FROM interactions WHERE NOT (confidence BETWEEN 0 AND 1);
