-- The catalogue (products with an immutable version history) and wallet top-ups through a payment provider.

create table commerce.product (
    id                 uuid primary key,
    seq                bigserial    not null unique,
    merchant_id        varchar(100) not null,
    merchant_did       varchar(300) not null,
    gtin               char(14)     not null,
    category           varchar(64)  not null,
    status             varchar(20)  not null check (status in ('AWAITING_APPROVAL', 'LIVE')),
    -- Mirrors identity's merchant status (MerchantStatusChanged) so browse can hide suspended merchants in SQL.
    merchant_suspended boolean      not null default false,
    current_version    integer      not null,
    name               varchar(200) not null,
    stock              bigint       not null check (stock >= 0),
    created_at         timestamptz  not null,
    listed_at          timestamptz,
    listing_proposal   uuid,
    -- A product's GTIN is unique on the platform (pinned public contract).
    constraint product_gtin_unique unique (gtin)
);
create index product_merchant_idx on commerce.product (merchant_id, seq);
create index product_category_idx on commerce.product (category, seq);

-- Every version as it was written; rows are never changed or removed (the trigger below refuses it).
create table commerce.product_version (
    product_id     uuid          not null references commerce.product (id),
    version        integer       not null check (version >= 1),
    name           varchar(200)  not null,
    description    varchar(10000) not null,
    category       varchar(64)   not null,
    media_urls     varchar(12000) not null,
    stock          bigint        not null check (stock >= 0),
    prices         varchar(1000) not null,
    changed        varchar(200)  not null,
    created_at     timestamptz   not null,
    created_by     varchar(300)  not null,
    audit_entry_id bigint        not null,
    primary key (product_id, version)
);

create function commerce.product_version_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'commerce.product_version rows are immutable';
end;
$$;
create trigger product_version_immutable before update or delete on commerce.product_version
    for each row execute function commerce.product_version_immutable();

-- The current prices (of the current version), for price-range search.
create table commerce.product_price (
    product_id uuid       not null references commerce.product (id),
    currency   varchar(3) not null,
    amount     bigint     not null check (amount >= 0),
    primary key (product_id, currency)
);
create index product_price_range_idx on commerce.product_price (currency, amount);

-- A party's ledger WALLET account per asset (the ledger opens a new account on every open call).
create table commerce.wallet (
    owner      varchar(300) not null,
    asset      varchar(70)  not null,
    account_id uuid         not null unique,
    created_at timestamptz  not null,
    primary key (owner, asset)
);

create table commerce.top_up (
    id                uuid primary key,
    owner             varchar(300) not null,
    asset             varchar(70)  not null,
    amount            bigint       not null check (amount > 0),
    provider          varchar(40)  not null,
    status            varchar(20)  not null check (status in ('PENDING', 'COMPLETED')),
    created_at        timestamptz  not null,
    completed_at      timestamptz,
    provider_event_id varchar(200),
    ledger_entry_id   uuid,
    audit_entry_id    bigint       not null
);
create index top_up_owner_idx on commerce.top_up (owner, created_at);

-- Every provider event accepted once: a replayed event id is refused (the webhook's idempotency).
create table commerce.payment_event (
    provider    varchar(40)  not null,
    event_id    varchar(200) not null,
    top_up_id   uuid         not null references commerce.top_up (id),
    received_at timestamptz  not null,
    primary key (provider, event_id)
);

create table commerce.idempotency_key (
    key         varchar(200) primary key,
    operation   varchar(100) not null,
    caller      varchar(300) not null,
    fingerprint char(64)     not null,
    result      varchar(200),
    created_at  timestamptz  not null default clock_timestamp()
);
