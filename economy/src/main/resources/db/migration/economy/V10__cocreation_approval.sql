-- Four eyes on co-creation payouts (issue 12 item 3 applies to every payout): a co-creator's payout above
-- COPARTNER_PAYOUT_APPROVAL_THRESHOLD is held at the period's close (its own audit entry, nothing moved) and paid by
-- the second of two different admins' approvals. Rows paid before this migration are PAID.
alter table economy.cocreation_payout
    add column status          varchar(20)  not null default 'PAID'
        check (status in ('AWAITING_APPROVAL', 'PAID')),
    add column first_approver  varchar(300),
    add column second_approver varchar(300),
    add column held_entry      bigint,
    alter column ledger_entry drop not null,
    alter column audit_entry drop not null,
    alter column paid_at drop not null;

alter table economy.cocreation_payout add constraint cocreation_payout_paid_complete
    check (status <> 'PAID' or (ledger_entry is not null and audit_entry is not null and paid_at is not null));
alter table economy.cocreation_payout add constraint cocreation_payout_held_audited
    check (status <> 'AWAITING_APPROVAL' or held_entry is not null);

create index cocreation_payout_awaiting on economy.cocreation_payout (period_id) where status = 'AWAITING_APPROVAL';
