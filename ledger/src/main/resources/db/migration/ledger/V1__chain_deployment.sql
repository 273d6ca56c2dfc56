-- The AuditAnchor contract the platform deployed (or adopted) on each chain it anchors to.
create table chain_deployment (
    chain_id         bigint      primary key,
    contract_address varchar(42) not null check (contract_address ~ '^0x[0-9a-fA-F]{40}$'),
    deployer_address varchar(42) not null,
    deployed_at      timestamptz not null
);
