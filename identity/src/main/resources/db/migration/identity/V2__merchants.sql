-- Merchants the platform administers. Identifiers and state here; personal and contact data in
-- merchant_profile, so it can be erased or restricted without touching the identifiers the audit log refers to.
create table merchant (
    id               varchar(64)  primary key,
    did              varchar(300) not null unique,
    status           varchar(20)  not null check (status in ('PENDING', 'VERIFIED', 'SUSPENDED')),
    keycloak_user_id varchar(64)  not null unique,
    keycloak_group_id varchar(64) not null,
    credential_id    uuid,
    idempotency_key  varchar(200),
    request_hash     varchar(64),
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    version          bigint       not null default 0,
    unique (idempotency_key)
);
create index merchant_status on merchant (status, id);

-- Personal and contact data of a merchant, with the salt of the hash written to the audit log.
create table merchant_profile (
    merchant_id      varchar(64)  primary key references merchant (id),
    name             varchar(200) not null,
    business_licence varchar(64)  not null,
    contact_email    varchar(320) not null,
    username         varchar(100) not null,
    salt             bytea        not null
);

-- What was done to a merchant, with the audit entry that records it (the history view).
create table merchant_event (
    id             bigint generated always as identity primary key,
    merchant_id    varchar(64) not null references merchant (id),
    type           varchar(60) not null,
    status         varchar(20) not null,
    actor          varchar(64) not null,
    audit_entry_id bigint      not null,
    leaf_hash      varchar(64) not null,
    at             timestamptz not null
);
create index merchant_event_merchant on merchant_event (merchant_id, id);
