-- Idempotency keys in the layout of the kernel's IdempotencyTable, the same in every module: the key alone is
-- unique, its fingerprint covers operation, caller and request (a key reused by another operation or admin is a
-- 409 rather than a replay). Merchant creation, which kept its key on the merchant row, uses the table too.
alter table idempotency_key rename to idempotency_key_v4;

create table idempotency_key (
    key         varchar(200) primary key,
    operation   varchar(100) not null,
    caller      varchar(300) not null,
    fingerprint char(64)     not null,
    result      varchar(200),
    created_at  timestamptz  not null default clock_timestamp()
);

-- Keys of the old layouts stay claimed with their old fingerprint (another formula) and an unknown caller (the old
-- scope held only a pseudonym), so a retry of a request made before this change answers 409 instead of acting twice.
insert into idempotency_key (key, operation, caller, fingerprint, result, created_at)
select distinct on (key) key, operation, 'party:unknown-before-v5', fingerprint, result, created_at
from (
    select k.key,
           case when k.scope like 'credential.issue:%' then 'identity.credential.issue'
                when k.scope like 'credential.revoke:%' then 'identity.credential.revoke'
                else 'identity.merchant.action' end as operation,
           k.request_hash as fingerprint, k.result_id as result, k.created_at
    from idempotency_key_v4 k
    union all
    select m.idempotency_key, 'identity.merchant.create', coalesce(m.request_hash, repeat('0', 64)), m.id, m.created_at
    from merchant m where m.idempotency_key is not null
) old
order by key, created_at;

drop table idempotency_key_v4;
alter table merchant drop column idempotency_key;
alter table merchant drop column request_hash;
