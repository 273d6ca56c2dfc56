-- GS1 EPCIS 2.0 traceability (issue 11 items 5-6): authorised supply-chain parties, captured events (stored as sent),
-- the EPCs each event names, what the order rules remember per item/batch/logistic unit, and capture jobs.

create table commerce.trace_party (
    product_id    uuid         not null references commerce.product (id),
    did           varchar(300) not null,
    role          varchar(100) not null,
    authorised_at timestamptz  not null,
    authorised_by varchar(300) not null,
    ended_at      timestamptz,
    ended_by      varchar(300),
    audit_entry_id bigint      not null
);
-- At most one authorisation in force per product and DID; ended ones stay as history.
create unique index trace_party_active on commerce.trace_party (product_id, did) where ended_at is null;

create table commerce.epcis_event (
    seq            bigserial     primary key,
    event_id       varchar(120)  not null unique,
    event_type     varchar(40)   not null,
    event_time     timestamptz   not null,
    record_time    timestamptz   not null,
    signer_did     varchar(300)  not null,
    kid            varchar(400)  not null,
    alg            varchar(10)   not null,
    capture_id     uuid          not null,
    -- The event exactly as sent, plus eventID and recordTime: served byte-for-byte.
    stored         text          not null,
    audit_entry_id bigint        not null
);

create function commerce.epcis_event_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'commerce.epcis_event rows are immutable';
end;
$$;
create trigger epcis_event_immutable before update or delete on commerce.epcis_event
    for each row execute function commerce.epcis_event_immutable();

-- Which canonical EPC (GS1 Digital Link on id.gs1.org) each event names, and where.
create table commerce.epcis_event_epc (
    event_seq  bigint       not null references commerce.epcis_event (seq),
    epc_key    varchar(400) not null,
    field      varchar(30)  not null,
    product_id uuid,
    primary key (event_seq, epc_key, field)
);
create index epcis_event_epc_key on commerce.epcis_event_epc (epc_key, event_seq);

-- The order rules' memory of each item, batch and logistic unit.
create table commerce.trace_subject (
    epc_key           varchar(400) primary key,
    kind              varchar(10)  not null check (kind in ('ITEM', 'BATCH', 'SSCC')),
    product_id        uuid,
    commissioned      boolean      not null,
    decommissioned    boolean      not null,
    latest_event_time timestamptz,
    parent_key        varchar(400)
);
create index trace_subject_parent on commerce.trace_subject (parent_key) where parent_key is not null;

-- When a child was inside a logistic unit (by event sequence): its events include the unit's in that span.
create table commerce.trace_aggregation (
    child_key  varchar(400) not null,
    parent_key varchar(400) not null,
    from_seq   bigint       not null,
    to_seq     bigint,
    primary key (child_key, from_seq)
);

create table commerce.epcis_capture (
    id         uuid primary key,
    caller     varchar(300) not null,
    success    boolean      not null,
    errors     text         not null,
    events     integer      not null,
    created_at timestamptz  not null
);
