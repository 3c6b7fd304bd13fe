-- Accent folding and fuzzy matching, identical on PGlite and PostgreSQL.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- IMMUTABLE wrapper so folded text can be indexed (unaccent itself is only STABLE).
-- Folds every Vietnamese diacritic and đ→d, lower-cases and collapses white space.
-- Mirrors foldText() in packages/core/src/text/fold.ts.
CREATE OR REPLACE FUNCTION f_unaccent_fold(input text)
  RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$
  SELECT btrim(regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, input)), '\s+', ' ', 'g'))
$$;
