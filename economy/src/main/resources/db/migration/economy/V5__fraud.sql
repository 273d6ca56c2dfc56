-- Fraud defences (issue 12 item 5).

-- What a partner did, for velocity limits per hour (orders, reviews, top-ups); old rows are pruned.
create table economy.fraud_activity (
    partner  varchar(300) not null,
    kind     varchar(10)  not null,
    at       timestamptz  not null
);
create index fraud_activity_recent on economy.fraud_activity (partner, kind, at);

-- Orders as placed, to see repeated small orders between the same buyer and merchant.
create table economy.fraud_order (
    order_id    uuid         primary key,
    buyer       varchar(300) not null,
    merchant_id varchar(300) not null,
    asset       varchar(20)  not null,
    total       bigint       not null,
    placed_at   timestamptz  not null
);
create index fraud_order_pair on economy.fraud_order (buyer, merchant_id, placed_at);

-- A flag on an order with its reasons; OPEN holds the order's rewards until an admin clears or confirms it.
create table economy.fraud_flag (
    seq          bigserial    primary key,
    id           uuid         not null unique,
    order_id     uuid         not null unique,
    partner      varchar(300) not null,
    pattern      varchar(40)  not null,
    reasons      text         not null,
    status       varchar(10)  not null,
    created_at   timestamptz  not null,
    decided_by   varchar(300),
    decided_at   timestamptz,
    audit_entry_id bigint     not null
);
create index fraud_flag_status on economy.fraud_flag (status, seq desc);
