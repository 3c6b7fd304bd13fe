-- Issue 15 (session 9, task 15w): 0400's staff_province_refresh read its view with custom plans, re-planned at every
-- call (≈ 5.7 ms of planning for 0.35 ms of execution: a grant written took ≈ 9 ms more with the trigger than
-- without, measured on a copy of the national preset). One generic plan per session instead (≈ +1 ms a grant).
ALTER FUNCTION staff_province_refresh(uuid[]) SET plan_cache_mode = force_generic_plan;
