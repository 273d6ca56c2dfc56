-- Revenue-share weights as the policy defines them (issue 12 item 3): co-creation counts as a contribution, and the
-- governed factors (bps) of spend, referral commissions and co-creation weigh them (docs/economy.md, Weights).
-- A co-creator's co-creation contribution in the period and asset: their part of what their products accrued,
-- floor(accrued × their bps / 10000) per accrued line.
alter table economy.settlement_weight
    add column co_creation bigint not null default 0;

-- The factors the close used, stored with the pool by the allocating transaction so every chunk of that close
-- weighs with the same ones whatever is governed meanwhile. Pools allocated before were spend + referrals: the
-- defaults say exactly that.
alter table economy.settlement_pool
    add column spend_bps       int not null default 10000,
    add column referrals_bps   int not null default 10000,
    add column co_creation_bps int not null default 0;
