-- Open311 API keys get an id (to list and revoke them without their digest), the key's first characters (to tell
-- them apart) and who issued them. Keys issued before keep working; their prefix is unknown.
ALTER TABLE open311_api_keys ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE open311_api_keys ADD COLUMN key_prefix text;
ALTER TABLE open311_api_keys ADD COLUMN created_by uuid;
CREATE UNIQUE INDEX open311_api_keys_id ON open311_api_keys (id);
