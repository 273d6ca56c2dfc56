-- Keys of the did:web identities the platform hosts: its own credential issuer keys (private seed encrypted
-- with AES-GCM under a key-encryption key kept outside the database) and merchants' public keys.
-- A rotated key stays (retired_at set) so signatures made before remain verifiable.
create table did_key (
    id          bigint generated always as identity primary key,
    did         varchar(300) not null,
    fragment    varchar(64)  not null,
    purpose     varchar(20)  not null check (purpose in ('issuer', 'merchant')),
    key_type    varchar(20)  not null check (key_type in ('ED25519', 'SECP256K1')),
    public_key  bytea        not null,
    private_key bytea,
    created_at  timestamptz  not null,
    retired_at  timestamptz,
    unique (did, fragment)
);
-- At most one key in use per identity and purpose.
create unique index did_key_active on did_key (did, purpose) where retired_at is null;

-- W3C Bitstring Status Lists (revocation), at least 131072 bits each.
create table status_list (
    id         varchar(40) primary key,
    purpose    varchar(20) not null check (purpose = 'revocation'),
    size_bits  integer     not null check (size_bits >= 131072 and size_bits % 8 = 0),
    allocated  integer     not null default 0,
    bits       bytea       not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    check (octet_length(bits) * 8 = size_bits)
);

-- Credentials the platform issued: the signed vc+jwt, its status entry, and the per-credential salt of the
-- subject hash written to the audit log.
create table credential (
    id             uuid        primary key,
    type           varchar(60) not null,
    subject_hash   varchar(64) not null,
    salt           bytea       not null,
    status_list_id varchar(40) not null references status_list (id),
    status_index   integer     not null check (status_index >= 0),
    jwt            text        not null,
    issued_at      timestamptz not null,
    valid_until    timestamptz,
    revoked_at     timestamptz,
    unique (status_list_id, status_index)
);

-- Idempotency-Key of issuance and revocation requests: the first request's hash and result.
create table idempotency_key (
    scope        varchar(120) not null,
    key          varchar(200) not null,
    request_hash varchar(64)  not null,
    result_id    varchar(100),
    created_at   timestamptz  not null,
    primary key (scope, key)
);
