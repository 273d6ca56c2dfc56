-- Consented recommendations (issue 12 item 7).

-- The consent in force per partner and purpose (absent: never given, off).
create table economy.consent (
    party          varchar(300) not null,
    purpose        varchar(40)  not null,
    granted        boolean      not null,
    updated_at     timestamptz  not null,
    audit_entry_id bigint       not null,
    primary key (party, purpose)
);

-- Every change, for the report's data-use count per period (the audit log holds the same facts).
create table economy.consent_change (
    seq            bigserial    primary key,
    party          varchar(300) not null,
    purpose        varchar(40)  not null,
    granted        boolean      not null,
    at             timestamptz  not null,
    audit_entry_id bigint       not null
);
create index consent_change_at on economy.consent_change (purpose, at);

-- The derived profile: what a consenting partner bought, per order and product (units net of refunds). Deleted
-- with the consent; nothing else derives from it.
create table economy.reco_purchase (
    party       varchar(300) not null,
    order_id    uuid         not null,
    product_id  uuid         not null,
    merchant_id varchar(300) not null,
    units       integer      not null check (units > 0),
    bought_at   timestamptz  not null,
    primary key (party, order_id, product_id)
);
create index reco_purchase_product on economy.reco_purchase (product_id, party);
