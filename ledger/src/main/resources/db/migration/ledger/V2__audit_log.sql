-- The audit log (RFC 9162 Merkle tree). Business transactions only INSERT an entry and a pending marker, so
-- they never wait on a shared row; a single sequencer integrates pending entries into the tree in batches.

create table audit_entry (
    id          bigserial    primary key,
    type        varchar(100) not null,
    subject     varchar(300) not null,
    canonical   text         not null,            -- the exact RFC 8785 text that was hashed
    leaf_hash   bytea        not null check (length(leaf_hash) = 32),
    recorded_at timestamptz  not null
);

-- Entries recorded but not yet in the tree. The sequencer deletes what it integrates.
create table audit_pending (
    entry_id bigint primary key references audit_entry (id)
);

-- Leaf index assigned by the sequencer: the order of the tree.
create table audit_leaf (
    leaf_index    bigint      primary key check (leaf_index >= 0),
    entry_id      bigint      not null unique references audit_entry (id),
    integrated_at timestamptz not null
);

-- Hashes of perfect subtrees: (level, idx) covers leaves [idx * 2^level, (idx + 1) * 2^level).
-- Appends write O(1) amortised rows; roots and proofs read O(log n) of them.
create table audit_node (
    level smallint not null check (level between 0 and 63),
    idx   bigint   not null check (idx >= 0),
    hash  bytea    not null check (length(hash) = 32),
    primary key (level, idx)
);

-- Signed checkpoints (C2SP tlog-checkpoint as a signed note), one per integrated batch.
create table audit_checkpoint (
    tree_size bigint      primary key check (tree_size >= 0),
    root_hash bytea       not null check (length(root_hash) = 32),
    note      text        not null,
    signed_at timestamptz not null
);

-- Checkpoints waiting to be anchored on chain (drained after commit, retried with back-off).
create table anchor_outbox (
    id              bigserial   primary key,
    tree_size       bigint      not null unique,
    root_hash       bytea       not null check (length(root_hash) = 32),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    created_at      timestamptz not null
);

-- Anchors that landed on chain.
create table audit_anchor (
    tree_size    bigint      primary key,
    root_hash    bytea       not null check (length(root_hash) = 32),
    chain_id     bigint      not null,
    contract     varchar(42) not null,
    tx_hash      varchar(66) not null,
    block_number bigint      not null,
    gas_used     bigint      not null,
    anchored_at  timestamptz not null
);
