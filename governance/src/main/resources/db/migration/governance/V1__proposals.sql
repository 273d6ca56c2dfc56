-- The membership roster, proposals and their life cycle, and the versioned parameters and revenue policies.

create table governance.member (
    did          varchar(300) primary key,
    party_id     varchar(300) not null,
    member_since timestamptz  not null
);
create index member_since_idx on governance.member (member_since);

create table governance.proposal (
    id                          uuid primary key,
    seq                         bigserial    not null unique,
    kind                        varchar(30)  not null,
    state                       varchar(20)  not null,
    title                       varchar(200) not null,
    description                 varchar(20000) not null,
    links                       varchar(10000) not null,
    author_did                  varchar(300),
    author_party                varchar(300) not null,
    product_ref                 varchar(200),
    merchant_did                varchar(300),
    payload                     varchar(20000),
    parameters_version          integer      not null,
    strategy                    varchar(30)  not null,
    quorum_bps                  integer      not null,
    threshold_bps               integer      not null,
    timelock_seconds            bigint       not null,
    grace_seconds               bigint       not null,
    late_quorum_seconds         bigint       not null,
    contribution_cap            bigint       not null,
    contribution_window_seconds bigint       not null,
    created_at                  timestamptz  not null,
    voting_starts_at            timestamptz  not null,
    voting_ends_at              timestamptz  not null,
    voting_extended             boolean      not null,
    queued_at                   timestamptz,
    eta                         timestamptz,
    executed_at                 timestamptz,
    canceled_at                 timestamptz,
    next_due_at                 timestamptz
);
-- The scheduler's work list: only proposals with a timed transition ahead.
create index proposal_due_idx on governance.proposal (next_due_at) where next_due_at is not null;
create index proposal_state_idx on governance.proposal (state, seq);
create index proposal_kind_idx on governance.proposal (kind, seq);

create table governance.parameter_version (
    version     integer primary key,
    recorded_at timestamptz    not null,
    proposal_id uuid unique references governance.proposal (id),
    body        varchar(20000) not null
);

create table governance.policy_version (
    version        integer primary key,
    effective_from timestamptz    not null,
    recorded_at    timestamptz    not null,
    proposal_id    uuid unique references governance.proposal (id),
    body           varchar(20000) not null
);

create table governance.idempotency_key (
    key         varchar(200) primary key,
    operation   varchar(100) not null,
    caller      varchar(300) not null,
    fingerprint char(64)     not null,
    result      varchar(200),
    created_at  timestamptz  not null default clock_timestamp()
);
