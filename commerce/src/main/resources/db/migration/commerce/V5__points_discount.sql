-- Points redeemed at checkout as a discount (issue 12 item 2): a ledger entry, not a price change. The order keeps
-- its total at the lines' prices; the buyer's wallet pays total - discount; the brand (merchant) funds the discount
-- out of its part at release. One row per order with a redemption.
create table commerce.order_discount (
    order_id          uuid primary key references commerce.customer_order (id),
    brand             varchar(100) not null,
    points            bigint       not null check (points > 0),
    minor_per_point   bigint       not null check (minor_per_point > 0),
    discount          bigint       not null check (discount > 0 and discount = points * minor_per_point),
    -- The points' ledger entry and audit entry (kept by the economy).
    points_entry_id   uuid         not null,
    points_audit_id   bigint       not null,
    -- Given back on a refund (pro rata, largest remainder) or a cancellation (all); once per order.
    points_restored   bigint       not null default 0 check (points_restored between 0 and points),
    discount_refunded bigint       not null default 0 check (discount_refunded = points_restored * minor_per_point)
);

-- What the checkout's points discounts came to: the payment entry moved total - discount from the wallet.
alter table commerce.checkout add column discount bigint not null default 0 check (discount >= 0 and discount < total);
