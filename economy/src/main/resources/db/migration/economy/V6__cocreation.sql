-- Co-creation (issue 12 item 4): the co-creators of listed products, each co-created order line's share frozen at
-- placement and accrued at release, and the per-period payouts to the co-creators.

-- A product listed by a PRODUCT_LISTING proposal that named co-creators.
create table economy.cocreation_product (
    product_id    uuid         primary key,
    proposal_id   uuid         not null,
    merchant_id   varchar(100) not null,
    listed_at     timestamptz  not null,
    audit_entry   bigint       not null
);

-- Its co-creators as agreed in the proposal (position = the proposal's order, the tie-break of the split).
create table economy.cocreation_share (
    product_id    uuid         not null references economy.cocreation_product (product_id),
    position      int          not null,
    did           varchar(300) not null,
    party         varchar(300) not null,
    share_bps     int          not null check (share_bps between 1 and 10000),
    primary key (product_id, position),
    unique (product_id, party)
);

-- One row per order line of a co-created product: rates frozen at placement (OrderPlaced), pending =
-- floor(amount × share_bps × creators_bps / 10^8); at release accrued + clawed_back = pending (largest remainder
-- over kept and refunded units). period_id is the settlement period the accrual is paid in.
create table economy.cocreation_line (
    order_id       uuid         not null,
    line_no        int          not null,
    product_id     uuid         not null references economy.cocreation_product (product_id),
    asset          varchar(40)  not null,
    policy_version int          not null,
    share_bps      int          not null,
    creators_bps   int          not null,
    amount         bigint       not null check (amount >= 0),
    pending        bigint       not null check (pending >= 0),
    accrued        bigint       not null default 0 check (accrued >= 0),
    clawed_back    bigint       not null default 0 check (clawed_back >= 0),
    status         varchar(10)  not null default 'PENDING' check (status in ('PENDING', 'ACCRUED', 'VOID')),
    period_id      varchar(20)  references economy.settlement_period (id),
    ledger_entry   uuid,
    audit_entry    bigint,
    primary key (order_id, line_no),
    check (status <> 'ACCRUED' or accrued + clawed_back = pending)
);
create index cocreation_line_period on economy.cocreation_line (period_id, product_id) where status = 'ACCRUED';

-- The platform-held payable per asset where accruals wait for the period's close (a liability, never income).
create table economy.cocreation_account (
    asset         varchar(40)  primary key,
    account_id    uuid         not null
);

-- One payout per period, product, asset and co-creator; ids deterministic so a payout is made once.
create table economy.cocreation_payout (
    id            uuid         primary key,
    period_id     varchar(20)  not null references economy.settlement_period (id),
    product_id    uuid         not null,
    asset         varchar(40)  not null,
    party         varchar(300) not null,
    did           varchar(300) not null,
    share_bps     int          not null,
    product_accrued bigint     not null,
    amount        bigint       not null check (amount > 0),
    ledger_entry  uuid         not null,
    audit_entry   bigint       not null,
    paid_at       timestamptz  not null
);
create index cocreation_payout_party on economy.cocreation_payout (party, period_id);
create index cocreation_payout_period on economy.cocreation_payout (period_id, asset);
