-- Personal data, kept apart from identifiers and from everything audited: one row per party (party:<token sub>).
-- Erasure deletes the row. Nothing else in the platform holds these values.
create table personal_data (
    party_id   varchar(200) primary key,
    name       varchar(200) not null,
    phone      varchar(40)  not null,
    address    varchar(500) not null,
    updated_at timestamptz  not null
);

-- The per-party salt of the party hashes written to the audit log (SHA-256(salt || party id)). Erasure deletes it,
-- so the audit entries of the party can no longer be linked to it (crypto-shredding); the log stays intact.
create table party_salt (
    party_id   varchar(200) primary key,
    salt       bytea        not null check (octet_length(salt) = 32),
    created_at timestamptz  not null
);

-- Partner membership facts for self-issued membership credentials (not personal data): since when, which tier.
create table partner_membership (
    party_id      varchar(200) primary key,
    partner_since date         not null,
    tier          varchar(32)  not null,
    created_at    timestamptz  not null
);
