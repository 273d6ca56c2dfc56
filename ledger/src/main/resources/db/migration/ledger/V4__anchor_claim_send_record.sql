-- Anchoring runs as claim -> send -> record, three steps with no chain call inside a database transaction.
-- claimed_by/claimed_until: the lease of the instance sending this row; while it is alive no other instance sends
-- (one anchor in flight platform-wide: the key's nonce is shared). tx_hash: written as soon as the transaction is
-- broadcast, so a restart finds out what became of it by hash instead of sending again.
alter table anchor_outbox
    add column claimed_by    varchar(200),
    add column claimed_until timestamptz,
    add column tx_hash       varchar(66);

-- Recording is idempotent (insert .. on conflict do nothing): a tree size (primary key) and a transaction are
-- recorded once, whether by the worker or by reconciliation from the chain's logs.
alter table audit_anchor add constraint audit_anchor_tx_hash_key unique (tx_hash);
