-- Voting: weight snapshots, signed ballots and delegation statements, final tallies (issue 9 items 4-7).
-- Ballots and statements are append-only records of what was received (the JWS exactly as received); the only
-- update a ballot ever gets is `superseded` when the same voter's next ballot arrives.

-- Every delegation statement ever accepted, in receive order; its parsed content in delegation_share / kinds.
create table delegation_statement (
    seq            bigint generated always as identity primary key,
    delegator      varchar(300) not null,
    jws            text         not null,
    kinds          varchar(200) not null,      -- '*' or kinds joined by ','
    received_at    timestamptz  not null,
    audit_entry_id bigint       not null       -- ledger.audit_entry(id), same transaction
);
create index delegation_statement_delegator on delegation_statement (delegator, seq desc);

create table delegation_share (
    statement_seq bigint       not null references delegation_statement (seq),
    delegate      varchar(300) not null,
    share_bps     integer      not null check (share_bps between 1 and 10000),
    primary key (statement_seq, delegate)
);

-- A nonce is used once per signer, across ballots and delegation statements.
create table signer_nonce (
    signer  varchar(300) not null,
    nonce   varchar(64)  not null,
    used_at timestamptz  not null,
    primary key (signer, nonce)
);

-- The weight snapshot of a proposal, frozen when voting opens, and its final tally once voting ended.
create table vote_snapshot (
    proposal_id           uuid         primary key,
    kind                  varchar(40)  not null,
    strategy              varchar(40)  not null,
    snapshot_at           timestamptz  not null,
    total_eligible_weight bigint       not null check (total_eligible_weight >= 0),
    weights_json          text         not null,   -- RFC 8785 text of the /weights object without snapshotHash
    snapshot_hash         varchar(64)  not null,
    quorum_reported_at    timestamptz,             -- when the live tally first reached quorum (reported once)
    final                 boolean      not null default false,
    final_for             bigint,
    final_against         bigint,
    final_abstain         bigint,
    quorum_reached        boolean,
    succeeded             boolean,
    ballots_hash          varchar(64),
    final_audit_entry_id  bigint,
    finalized_at          timestamptz,
    created_at            timestamptz  not null
);

create table vote_weight (
    proposal_id uuid         not null references vote_snapshot (proposal_id),
    voter       varchar(300) not null,
    base        bigint       not null check (base >= 0),
    tier_bps    integer      not null check (tier_bps >= 0),
    weight      bigint       not null check (weight >= 0),
    primary key (proposal_id, voter)
);

-- The statements in force at the snapshot that apply to the proposal (a delegator's latest, non-empty one).
create table snapshot_delegation (
    proposal_id   uuid   not null references vote_snapshot (proposal_id),
    statement_seq bigint not null references delegation_statement (seq),
    primary key (proposal_id, statement_seq)
);

create table ballot (
    seq            bigint generated always as identity primary key,   -- receive order
    id             uuid         not null unique,
    proposal_id    uuid         not null references vote_snapshot (proposal_id),
    voter          varchar(300) not null,
    choice         varchar(8)   not null check (choice in ('for', 'against', 'abstain')),
    jws            text         not null,
    received_at    timestamptz  not null,
    replaces       uuid,
    superseded     boolean      not null default false,
    audit_entry_id bigint       not null
);
create index ballot_proposal_seq on ballot (proposal_id, seq);
-- At most one current ballot per voter and proposal.
create unique index ballot_current on ballot (proposal_id, voter) where not superseded;
