-- Fraud holds reach co-creation (issue 12 item 5): a flagged order's co-creation share is computed at release but
-- WITHHELD (nothing moves, no period) until an admin clears the flag (then it accrues into the period open at that
-- moment, from the receivable kept here) or confirms fraud (VOID).
alter table economy.cocreation_line drop constraint cocreation_line_status_check;
alter table economy.cocreation_line add constraint cocreation_line_status_check
    check (status in ('PENDING', 'ACCRUED', 'VOID', 'WITHHELD'));
alter table economy.cocreation_line add column receivable_account uuid;
alter table economy.cocreation_line add constraint cocreation_line_withheld_complete
    check (status <> 'WITHHELD' or accrued + clawed_back = pending);
create index cocreation_line_withheld on economy.cocreation_line (order_id) where status = 'WITHHELD';
