-- Points redeemed at checkout as a discount (issue 12 item 2). The points side of commerce.order_discount: one row per
-- order, the points taken (FIFO from lots), and what was given back on a refund or cancellation (a new lot that
-- expires when the latest lot the redemption took from would have: a refund never extends a point's life).
create table economy.points_redemption (
    order_id           uuid         primary key,
    checkout_id        uuid         not null,
    holder             varchar(300) not null,
    brand              varchar(64)  not null,
    currency           varchar(70)  not null,
    points             bigint       not null check (points > 0),
    minor_per_point    bigint       not null check (minor_per_point > 0),
    discount           bigint       not null check (discount = points * minor_per_point),
    entry_id           uuid         not null,
    audit_entry_id     bigint       not null,
    restore_expires_at timestamptz  not null,
    restored           bigint       not null default 0 check (restored between 0 and points),
    restore_entry_id   uuid,
    at                 timestamptz  not null
);

-- A restore is a movement of its own (RESTORE, positive), counted as the report's points.<brand>.restored.
alter table economy.points_movement drop constraint points_movement_kind_check;
alter table economy.points_movement add constraint points_movement_kind_check
    check (kind in ('EARN', 'EXPIRE', 'REDEEM', 'RESTORE', 'EXCHANGE_OUT', 'EXCHANGE_IN'));
