-- Idempotency keys in the layout of the kernel's IdempotencyTable, the same in every module: the key alone is
-- unique, its fingerprint covers operation, caller and request, so the key reused by another operation or caller
-- is a 409 rather than a replay.
alter table idempotency_key rename to idempotency_key_v3;

create table idempotency_key (
    key         varchar(200) primary key,
    operation   varchar(100) not null,
    caller      varchar(300) not null,
    fingerprint char(64)     not null,
    result      varchar(200),
    created_at  timestamptz  not null default clock_timestamp()
);

-- Keys of the old layout stay claimed with their old fingerprint (another formula), so a retry of a request made
-- before this change answers 409 instead of posting twice. A key used for both a post and a reversal keeps its first.
insert into idempotency_key (key, operation, caller, fingerprint, result, created_at)
select distinct on (k.key) k.key,
       case k.scope when 'ledger.entry' then 'ledger.entry.post' when 'ledger.reversal' then 'ledger.entry.reverse'
                    else k.scope end,
       case when e.posted_by like 'party:%' then e.posted_by else 'party:platform' end,
       encode(k.request_hash, 'hex'), k.entry_id::text, k.created_at
from idempotency_key_v3 k left join journal_entry e on e.id = k.entry_id
order by k.key, k.created_at;

drop table idempotency_key_v3;
