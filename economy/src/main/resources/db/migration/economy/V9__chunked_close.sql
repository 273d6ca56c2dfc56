-- A period close of 10^6 partners (issue 12, bench row p): the allocation runs in bounded chunks, each its own short
-- transaction, instead of one transaction that outlived Liberty's 30 s lifetime and was rolled back forever.
-- The allocating transaction persists each pool with the largest-remainder cut (which remainder wins the last
-- leftover unit); chunks of partners (keyset on partner) then insert their payouts, and the pool's cursor says how far
-- it got, so after a crash the next chunk carries on from the last commit.

alter table economy.settlement_pool
    add column allocating        boolean      not null default false,  -- payouts still being inserted in chunks
    add column allocated_through varchar(300),                         -- the last partner whose payout is in
    add column cut_remainder     numeric,                              -- (pool*w) mod W of the last unit's winner
    add column cut_partner       varchar(300),                         -- its partner (ties go to the lower partner)
    add column partners          int          not null default 0;      -- payouts this pool makes

create index settlement_pool_allocating on economy.settlement_pool (period_id, asset) where allocating;

-- The pay step takes the next PENDING payouts of a period and asset in partner order: this index serves it without
-- sorting every pending payout of the period per batch.
create index settlement_payout_pending on economy.settlement_payout (period_id, asset, partner) where status = 'PENDING';
