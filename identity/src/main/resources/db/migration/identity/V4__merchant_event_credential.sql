-- The credential a merchant held after each administrative step, so that the answer to a step can be given
-- again exactly (Idempotency-Key replays) without keeping a copy of it.
alter table merchant_event add column credential_id uuid;
