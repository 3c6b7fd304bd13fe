-- A picture an Open311 client hosts itself (`media_url`): kept as a link in its own column (it was appended to the
-- text), returned as `media_url` once the answer is published. The server never fetches it.
ALTER TABLE feedback_items ADD COLUMN media_url text;
UPDATE feedback_items
   SET media_url = substring(content FROM E'\nẢnh: (https?://\\S+)$'),
       content = regexp_replace(content, E'\nẢnh: https?://\\S+$', '')
 WHERE channel = 'api' AND content ~ E'\nẢnh: https?://\\S+$';
