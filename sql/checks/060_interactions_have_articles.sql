-- No interaction without the article it came from.
SELECT interaction_id, article_id FROM interactions WHERE article_id NOT IN (SELECT article_id FROM articles);
