-- Loyalty points per brand (issue 12 item 2). A brand is a merchant: its points are the ledger asset
-- PTS:<merchantId>. The ledger holds the balances (holder WALLET accounts, one POINTS_ISSUED account per brand,
-- negative by the points in circulation); these tables hold what the ledger cannot: lots with expiry (FIFO), the
-- movements behind the history and the report figures, exchange quotes, and rewards withheld on flagged orders.

-- The ledger accounts the points capability opened, keyed by owner, brand and role.
create table economy.points_account (
    owner      varchar(300) not null,
    brand      varchar(64)  not null,
    role       varchar(80)  not null, -- CLEARING>{brand}: a brand is up to 64 characters
    account_id uuid         not null unique,
    created_at timestamptz  not null,
    primary key (owner, brand, role)
);

-- One grant of points: spent and expired first-expiring-first. (reason, source) makes a grant happen once.
create table economy.points_lot (
    id         uuid         primary key,
    holder     varchar(300) not null,
    brand      varchar(64)  not null,
    reason     varchar(40)  not null,
    source     varchar(200) not null,
    granted    bigint       not null check (granted > 0),
    remaining  bigint       not null check (remaining >= 0 and remaining <= granted),
    earned_at  timestamptz  not null,
    expires_at timestamptz  not null,
    entry_id   uuid         not null,
    unique (reason, source, holder, brand)
);
create index points_lot_open on economy.points_lot (holder, brand, expires_at, earned_at) where remaining > 0;
create index points_lot_due on economy.points_lot (expires_at) where remaining > 0;

-- Every change of a holder's points: EARN, EXPIRE, REDEEM, EXCHANGE_OUT, EXCHANGE_IN (amount signed).
create table economy.points_movement (
    id             uuid         primary key,
    holder         varchar(300) not null,
    brand          varchar(64)  not null,
    kind           varchar(20)  not null check (kind in ('EARN', 'EXPIRE', 'REDEEM', 'EXCHANGE_OUT', 'EXCHANGE_IN')),
    amount         bigint       not null check (amount <> 0),
    reason         varchar(40)  not null,
    ref            varchar(200) not null,
    at             timestamptz  not null,
    entry_id       uuid         not null,
    audit_entry_id bigint       not null
);
create index points_movement_holder on economy.points_movement (holder, brand, at);
create index points_movement_at on economy.points_movement (at);

-- Lifetime points earned per holder and brand: the tier.
create table economy.points_lifetime (
    holder   varchar(300) not null,
    brand    varchar(64)  not null,
    lifetime bigint       not null check (lifetime >= 0),
    primary key (holder, brand)
);

-- Who sold what: the brand of an order (rewards of later events name only the order).
create table economy.points_order (
    order_id uuid         primary key,
    brand    varchar(64)  not null,
    buyer    varchar(300) not null
);

-- Rewards not granted because the order was flagged; granted when an admin clears it.
create table economy.points_withheld (
    reason  varchar(40)  not null,
    source  varchar(200) not null,
    holder  varchar(300) not null,
    brand   varchar(64)  not null,
    order_id uuid        not null,
    amount  bigint       not null check (amount > 0),
    at      timestamptz  not null,
    primary key (reason, source, holder, brand)
);
create index points_withheld_order on economy.points_withheld (order_id);

-- An exchange quote: the rate of the policy in force, valid until expires_at, used at most once.
create table economy.points_quote (
    id             uuid         primary key,
    holder         varchar(300) not null,
    from_brand     varchar(64)  not null,
    to_brand       varchar(64)  not null,
    amount         bigint       not null check (amount > 0),
    receive        bigint       not null check (receive > 0),
    rate_bps       bigint       not null check (rate_bps > 0),
    policy_version integer      not null,
    created_at     timestamptz  not null,
    expires_at     timestamptz  not null,
    exchange_id    uuid
);

create table economy.points_exchange (
    id             uuid         primary key,
    quote_id       uuid         not null unique references economy.points_quote (id),
    holder         varchar(300) not null,
    from_brand     varchar(64)  not null,
    to_brand       varchar(64)  not null,
    given          bigint       not null,
    received       bigint       not null,
    entry_id       uuid         not null,
    audit_entry_id bigint       not null,
    at             timestamptz  not null
);
