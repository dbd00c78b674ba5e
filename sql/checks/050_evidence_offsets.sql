-- The sentence and the source, target and trigger words are exactly the
-- article text at their offsets: the evidence shown is what the article says.
SELECT i.interaction_id, i.sentence_start, i.sentence_end
FROM interactions i JOIN articles a USING (article_id)
WHERE substring(a.text, i.sentence_start + 1, i.sentence_end - i.sentence_start) <> i.sentence
   OR substring(a.text, i.source_start + 1, i.source_end - i.source_start) <> i.source_text
   OR substring(a.text, i.target_start + 1, i.target_end - i.target_start) <> i.target_text
   OR substring(a.text, i.trigger_start + 1, i.trigger_end - i.trigger_start) <> i.trigger_text
   OR NOT (i.sentence_start <= i.source_start AND i.source_end <= i.sentence_end
           AND i.sentence_start <= i.target_start AND i.target_end <= i.sentence_end
           AND i.sentence_start <= i.trigger_start AND i.trigger_end <= i.sentence_end);
