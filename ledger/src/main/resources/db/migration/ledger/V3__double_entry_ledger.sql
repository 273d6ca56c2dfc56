-- Double-entry ledger. Sign convention: a posting's amount is signed and never zero; an account's balance is the
-- sum of its postings (positive = value the account holds). Every entry's postings sum to zero per asset, so for
-- every asset the sum of all balances is zero at every commit.

create table account (
    id            uuid         primary key,
    owner         varchar(300) not null,              -- party id (party:<subject>) or DID; party:platform for system accounts
    asset         varchar(70)  not null,              -- ISO 4217 code or PTS:<brand>
    kind          varchar(40)  not null,
    name          varchar(200),                        -- a label, never personal data
    code          varchar(100) unique,                 -- stable code of a chart-of-accounts (system) account
    non_negative  boolean      not null,               -- derived from the kind when the account is opened
    balance       bigint       not null default 0,     -- sum of postings; changed only by a guarded UPDATE
    created_at    timestamptz  not null,
    constraint account_kind_check check (kind in ('WALLET', 'ESCROW', 'MERCHANT_RECEIVABLE', 'PARTNER_POOL',
        'COMMISSION_PAYABLE', 'PLATFORM_FEE', 'POINTS_ISSUED', 'EXTERNAL_FUNDING')),
    -- Backstop of the application guard: a wallet (and every other non-negative kind) never goes below zero.
    constraint account_non_negative check (not non_negative or balance >= 0)
);
create index account_owner on account (owner, created_at);

create table journal_entry (
    id             uuid         primary key,
    kind           varchar(20)  not null check (kind in ('STANDARD', 'REVERSAL')),
    memo           varchar(500),
    reverses       uuid         unique references journal_entry (id),   -- unique: an entry is reversed at most once
    posted_at      timestamptz  not null,
    audit_entry_id bigint       not null,    -- ledger.audit_entry(id), written in the same transaction
    posted_by      varchar(300) not null,    -- the subject (token sub) that posted it
    constraint journal_entry_reversal_check check ((kind = 'REVERSAL') = (reverses is not null))
);

create table posting (
    seq           bigserial    primary key,             -- global order; per account it is the order balances moved
    entry_id      uuid         not null references journal_entry (id),
    account_id    uuid         not null references account (id),
    asset         varchar(70)  not null,
    amount        bigint       not null check (amount <> 0),
    balance_after bigint       not null,
    posted_at     timestamptz  not null,
    unique (entry_id, account_id)
);
create index posting_account_seq on posting (account_id, seq);
create index posting_account_time on posting (account_id, posted_at) include (amount);

-- Idempotency-Key of a write: the first request's hash and the entry it produced. Claimed first in the writing
-- transaction (INSERT .. ON CONFLICT DO NOTHING), so a concurrent retry waits for the first and then replays it.
create table idempotency_key (
    scope        varchar(40)  not null,
    key          varchar(200) not null,
    request_hash bytea        not null check (length(request_hash) = 32),
    entry_id     uuid         not null references journal_entry (id) deferrable initially deferred,
    created_at   timestamptz  not null,
    primary key (scope, key)
);

-- Entries and postings are immutable: corrections are reversal entries.
create function forbid_change() returns trigger language plpgsql as $$
begin
    raise exception 'ledger.% is append-only', tg_table_name using errcode = '55000';
end $$;
create trigger journal_entry_immutable before update or delete on journal_entry
    for each row execute function forbid_change();
create trigger posting_immutable before update or delete on posting
    for each row execute function forbid_change();

-- Chart of accounts: the platform's system accounts per asset. Fixed ids so configuration and tests can name them.
insert into account (id, owner, asset, kind, name, code, non_negative, balance, created_at) values
    ('00000000-0000-7000-8000-000000000001', 'party:platform', 'CNY', 'PLATFORM_FEE',
        'Platform fee income (CNY)', 'PLATFORM_FEE:CNY', true, 0, now()),
    ('00000000-0000-7000-8000-000000000002', 'party:platform', 'USD', 'PLATFORM_FEE',
        'Platform fee income (USD)', 'PLATFORM_FEE:USD', true, 0, now()),
    ('00000000-0000-7000-8000-000000000003', 'party:platform', 'CNY', 'EXTERNAL_FUNDING',
        'External funding: money in and out of the platform (CNY)', 'EXTERNAL_FUNDING:CNY', false, 0, now()),
    ('00000000-0000-7000-8000-000000000004', 'party:platform', 'USD', 'EXTERNAL_FUNDING',
        'External funding: money in and out of the platform (USD)', 'EXTERNAL_FUNDING:USD', false, 0, now());
