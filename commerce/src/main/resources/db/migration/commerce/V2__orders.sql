-- Orders and escrow: a checkout pays one order per merchant in one ledger entry (wallet -> escrow); each order
-- moves PAID -> SHIPPED -> DELIVERED -> COMPLETED (or CANCELED / REFUNDED), every step with its audit entry.

-- The platform's own ledger accounts commerce opened (ESCROW, PARTNER_POOL per asset; MERCHANT_RECEIVABLE per
-- merchant and asset): the ledger opens a new account on every open call, so commerce remembers them.
create table commerce.ledger_account (
    owner      varchar(300) not null,
    asset      varchar(70)  not null,
    kind       varchar(30)  not null,
    account_id uuid         not null unique,
    created_at timestamptz  not null,
    primary key (owner, asset, kind)
);

create table commerce.checkout (
    id               uuid primary key,
    buyer            varchar(300) not null,
    asset            varchar(70)  not null,
    total            bigint       not null check (total > 0),
    wallet_account   uuid         not null,
    ledger_entry_id  uuid         not null,
    -- The payment entry's postedAt: what the ledger's wallet spending counts it at (for Contributions).
    ledger_posted_at timestamptz  not null,
    created_at       timestamptz  not null
);
create index checkout_buyer_paid_idx on commerce.checkout (buyer, ledger_posted_at);

create table commerce.customer_order (
    id                 uuid primary key,
    seq                bigserial    not null unique,
    checkout_id        uuid         not null references commerce.checkout (id),
    buyer              varchar(300) not null,
    merchant_id        varchar(100) not null,
    merchant_did       varchar(300) not null,
    asset              varchar(70)  not null,
    total              bigint       not null check (total > 0),
    refunded           bigint       not null default 0 check (refunded >= 0 and refunded <= total),
    status             varchar(20)  not null check (status in ('PLACED', 'PAID', 'SHIPPED', 'DELIVERED',
                                                              'COMPLETED', 'CANCELED', 'REFUNDED')),
    -- The revenue policy in force when the order was placed, frozen here.
    policy_version     integer      not null,
    platform_fee_bps   integer      not null check (platform_fee_bps between 0 and 10000),
    partner_pool_bps   integer      not null check (partner_pool_bps between 0 and 10000),
    escrow_account     uuid         not null,
    wallet_account     uuid         not null,
    carrier            varchar(100),
    tracking_number    varchar(100),
    placed_at          timestamptz  not null,
    paid_at            timestamptz,
    shipped_at         timestamptz,
    delivered_at       timestamptz,
    settled_at         timestamptz,
    auto_confirm_at    timestamptz,
    return_until       timestamptz,
    payment_entry_id   uuid,
    release_entry_id   uuid,
    refund_entry_id    uuid,
    -- What the buyer spent and kept (total - refunded) once settled (COMPLETED or REFUNDED); Contributions reads it.
    kept               bigint
);
create index customer_order_buyer_idx on commerce.customer_order (buyer, seq);
create index customer_order_merchant_idx on commerce.customer_order (merchant_id, seq);
create index customer_order_auto_confirm_idx on commerce.customer_order (auto_confirm_at) where status = 'SHIPPED';
create index customer_order_return_idx on commerce.customer_order (return_until) where status = 'DELIVERED';
create index customer_order_settled_idx on commerce.customer_order (buyer, settled_at) where kept is not null;

create table commerce.order_line (
    order_id          uuid         not null references commerce.customer_order (id),
    line_no           integer      not null check (line_no >= 1),
    product_id        uuid         not null references commerce.product (id),
    product_version   integer      not null,
    name              varchar(200) not null,
    unit_price        bigint       not null check (unit_price >= 0),
    quantity          integer      not null check (quantity >= 1),
    refunded_quantity integer      not null default 0 check (refunded_quantity between 0 and quantity),
    primary key (order_id, line_no)
);
create index order_line_product_idx on commerce.order_line (product_id);

-- Every step of every order, with its audit entry (append-only).
create table commerce.order_step (
    order_id       uuid         not null references commerce.customer_order (id),
    step_no        integer      not null,
    status         varchar(20)  not null,
    actor          varchar(300) not null,
    actor_role     varchar(20)  not null,
    at             timestamptz  not null,
    audit_entry_id bigint       not null,
    primary key (order_id, step_no)
);
