-- Revenue-share settlement (issue 12 item 3): periods [start, end) of the governance calendar, what each order
-- brought to a period, each partner's weight, the allocation of the pool and its payouts, and the signed report.

create table economy.settlement_period (
    id            varchar(20)  primary key,          -- the start as yyyyMMdd'T'HHmmss'Z': sortable, URL-safe
    start_at      timestamptz  not null unique,
    end_at        timestamptz  not null,
    state         varchar(10)  not null default 'OPEN' check (state in ('OPEN', 'CLOSING', 'CLOSED')),
    policy_version int,
    partners_total int          not null default 0,
    partners_done  int          not null default 0,
    closed_at     timestamptz,
    check (end_at > start_at)
);

-- One row per released order (completion or refund): the period's revenue, fee and pool come from these only.
create table economy.settlement_revenue (
    order_id      uuid         primary key,
    period_id     varchar(20)  not null references economy.settlement_period (id),
    asset         varchar(40)  not null,
    buyer         varchar(300) not null,
    revenue       bigint       not null check (revenue >= 0),
    platform_fee  bigint       not null check (platform_fee >= 0),
    partner_pool  bigint       not null check (partner_pool >= 0),
    audit_entry   bigint       not null
);
create index settlement_revenue_period on economy.settlement_revenue (period_id, asset);

-- Each partner's weight per period and asset (spend + referral commissions, see docs/economy.md).
create table economy.settlement_weight (
    period_id     varchar(20)  not null references economy.settlement_period (id),
    asset         varchar(40)  not null,
    partner       varchar(300) not null,
    spend         bigint       not null default 0,
    referrals     bigint       not null default 0,
    primary key (period_id, asset, partner)
);

-- The pool of a period per asset as allocated at close.
create table economy.settlement_pool (
    period_id     varchar(20)  not null references economy.settlement_period (id),
    asset         varchar(40)  not null,
    inflow        bigint       not null,
    carried_in    bigint       not null,
    total_weight  numeric      not null,
    distributed   bigint       not null,
    undistributed bigint       not null,
    audit_entry   bigint       not null,
    primary key (period_id, asset),
    check (distributed + undistributed = inflow + carried_in)
);

-- One payout per partner, period and asset. PENDING -> PAID; AWAITING_APPROVAL (above the threshold) -> PENDING
-- after two different admins approved.
create table economy.settlement_payout (
    id            uuid         primary key,
    period_id     varchar(20)  not null references economy.settlement_period (id),
    asset         varchar(40)  not null,
    partner       varchar(300) not null,
    weight        numeric      not null,
    amount        bigint       not null check (amount > 0),
    status        varchar(20)  not null check (status in ('AWAITING_APPROVAL', 'PENDING', 'PAID')),
    first_approver varchar(300),
    second_approver varchar(300),
    ledger_entry  uuid,
    audit_entry   bigint,
    paid_at       timestamptz,
    unique (period_id, asset, partner),
    check (second_approver is null or second_approver <> first_approver)
);
create index settlement_payout_todo on economy.settlement_payout (period_id, status);
create index settlement_payout_partner on economy.settlement_payout (partner, period_id);

-- The transparency report of a settled period (economy.report): its body is built and audited when the last payout
-- is paid; it is signed once the leaf indexes of every cited entry and of its own entry are known.
create table economy.transparency_report (
    period_id     varchar(20)  primary key references economy.settlement_period (id),
    body          text         not null,             -- canonical JSON without auditIndex, proofs' indexes, signature
    audit_entry   bigint       not null,
    report        text,                              -- the final signed report (canonical JSON)
    signed_at     timestamptz
);
create index transparency_report_unsigned on economy.transparency_report (period_id) where report is null;
