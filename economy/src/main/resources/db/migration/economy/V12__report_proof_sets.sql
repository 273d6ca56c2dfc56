-- A report's cited audit entries, each distinct set once (a period of 10^6 partners cites its 10^6 payout entries in
-- six figures), as packed 8-byte big-endian numbers: entry ids when the report is built, their sorted leaf indexes
-- once the sequencer has indexed them all. The report is then served by splicing them into its skeleton (body),
-- so it is never one text value; signature and audit_index complete it.
create table economy.report_proof_set (
    period_id     varchar(20)  not null references economy.transparency_report (period_id),
    set_no        int          not null,
    entry_ids     bytea        not null,
    leaf_indexes  bytea,
    primary key (period_id, set_no)
);
alter table economy.transparency_report add column signature text, add column audit_index bigint;

-- Reports built before this migration and not signed yet carry their entry ids inline: set k becomes proof k's
-- ids and the body its skeleton (proofs name their set). Signed ones keep their whole text in report.
insert into economy.report_proof_set (period_id, set_no, entry_ids)
select r.period_id, p.ord - 1,
       coalesce((select string_agg(int8send(e.v::text::bigint), ''::bytea order by e.ord)
                 from jsonb_array_elements(p.proof -> 'auditEntries') with ordinality e (v, ord)), ''::bytea)
from economy.transparency_report r,
     jsonb_array_elements(r.body::jsonb -> 'proofs') with ordinality p (proof, ord)
where r.report is null;
update economy.transparency_report r
set body = jsonb_set(r.body::jsonb, '{proofs}', coalesce(
    (select jsonb_agg(jsonb_build_object('figure', p.proof -> 'figure', 'set', p.ord - 1) order by p.ord)
     from jsonb_array_elements(r.body::jsonb -> 'proofs') with ordinality p (proof, ord)), '[]'::jsonb))::text
where r.report is null;
