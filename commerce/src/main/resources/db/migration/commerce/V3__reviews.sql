-- Verified-purchase reviews: one per order line, by its buyer, after delivery. The rating, text and its hash never
-- change (the trigger refuses it); only the merchant's one reply and an admin's moderation are added later.
create table commerce.review (
    id                   uuid primary key,
    seq                  bigserial     not null unique,
    order_id             uuid          not null references commerce.customer_order (id),
    line_no              integer       not null,
    product_id           uuid          not null references commerce.product (id),
    merchant_id          varchar(100)  not null,
    buyer                varchar(300)  not null,
    rating               smallint      not null check (rating between 1 and 5),
    text                 varchar(8000) not null,
    text_sha256          char(64)      not null,
    created_at           timestamptz   not null,
    audit_entry_id       bigint        not null,
    reply                varchar(8000),
    replied_at           timestamptz,
    reply_audit_entry_id bigint,
    hidden_reason        varchar(500),
    hidden_at            timestamptz,
    hidden_audit_entry_id bigint,
    constraint review_once_per_line unique (order_id, line_no),
    foreign key (order_id, line_no) references commerce.order_line (order_id, line_no)
);
create index review_product_idx on commerce.review (product_id, seq);

create function commerce.review_immutable() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'commerce.review rows are never deleted';
    end if;
    if (new.id, new.order_id, new.line_no, new.product_id, new.buyer, new.rating, new.text, new.text_sha256,
        new.created_at, new.audit_entry_id) is distinct from
       (old.id, old.order_id, old.line_no, old.product_id, old.buyer, old.rating, old.text, old.text_sha256,
        old.created_at, old.audit_entry_id)
       or (old.reply is not null and new.reply is distinct from old.reply)
       or (old.hidden_reason is not null and new.hidden_reason is distinct from old.hidden_reason) then
        raise exception 'a review is immutable: only one reply and one moderation are added';
    end if;
    return new;
end;
$$;
create trigger review_immutable before update or delete on commerce.review
    for each row execute function commerce.review_immutable();
