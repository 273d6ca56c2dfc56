-- Referrals and commissions (issue 12 item 1).

-- A partner's share link for one product; the code is what /r/{code} and the checkout's referralCode carry.
create table economy.share_link (
    code        varchar(32)  primary key,
    owner       varchar(300) not null,
    product_id  uuid         not null,
    created_at  timestamptz  not null
);
create index share_link_owner on economy.share_link (owner, created_at desc, code);

-- The referral graph: a partner's referrer is fixed by the partner's first attributed purchase and never changes.
-- An edge that would close a cycle (or point at oneself) is refused, so the graph stays a forest.
create table economy.referral_edge (
    partner     varchar(300) primary key,
    referrer    varchar(300) not null check (referrer <> partner),
    order_id    uuid         not null,
    since       timestamptz  not null
);

-- One commission per order line and level, frozen at placement (policy in force then); settled on release.
-- status: PENDING (placed), WITHHELD (released while the order is on fraud hold), EARNED (posted), VOID (canceled,
-- fully refunded or fraud confirmed).
create table economy.commission (
    seq            bigserial    primary key,
    id             uuid         not null unique,
    order_id       uuid         not null,
    line_no        int          not null,
    level          int          not null check (level between 1 and 3),
    referrer       varchar(300) not null,
    buyer          varchar(300) not null,
    asset          varchar(20)  not null,
    policy_version int          not null,
    rate_bps       int          not null check (rate_bps between 0 and 10000),
    line_amount    bigint       not null check (line_amount >= 0),
    quantity       int          not null check (quantity > 0),
    pending        bigint       not null check (pending >= 0),
    earned         bigint       not null default 0 check (earned >= 0),
    clawed_back    bigint       not null default 0 check (clawed_back >= 0),
    paid           bigint       not null default 0 check (paid >= 0),
    status         varchar(10)  not null,
    placed_at      timestamptz  not null,
    settled_at     timestamptz,
    receivable     uuid,
    entry_id       uuid,
    audit_entry_id bigint,
    unique (order_id, line_no, level)
);
create index commission_referrer on economy.commission (referrer, seq desc);
create index commission_order on economy.commission (order_id);
create index commission_unpaid on economy.commission (referrer, asset) where status = 'EARNED' and paid < earned;

-- A referrer's commission payable account per asset, opened on first commission; debt = clawbacks after payout
-- still to recover from later commissions (never from the wallet).
create table economy.commission_account (
    referrer    varchar(300) not null,
    asset       varchar(20)  not null,
    account_id  uuid         not null,
    debt        bigint       not null default 0 check (debt >= 0),
    primary key (referrer, asset)
);

-- Payouts of commission payable to wallets, one per referrer, asset and period; the key makes a payout once only.
create table economy.commission_payout (
    id             uuid         primary key,
    referrer       varchar(300) not null,
    asset          varchar(20)  not null,
    period_start   timestamptz  not null,
    amount         bigint       not null check (amount > 0),
    entry_id       uuid         not null,
    audit_entry_id bigint       not null,
    paid_at        timestamptz  not null,
    unique (referrer, asset, period_start)
);
