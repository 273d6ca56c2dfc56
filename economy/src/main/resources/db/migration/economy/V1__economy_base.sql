-- The economy's schema (DESIGN.md §2): its own Flyway history. Capabilities add their tables in their own
-- migrations (V2 referrals, V3 settlement, V4 points, V5 fraud, ...).

-- Idempotency-Keys of the economy's writes (kernel IdempotencyTable).
create table economy.idempotency_key (
    key         varchar(200) primary key,
    operation   varchar(100) not null,
    caller      varchar(300) not null,
    fingerprint char(64)     not null,
    result      varchar(200),
    created_at  timestamptz  not null default clock_timestamp()
);
