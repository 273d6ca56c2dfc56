-- Co-creation (issue 12 item 4): a PRODUCT_LISTING proposal may name co-creators, each "did,party,shareBps" on its
-- own line (validated before insert: distinct members, shares 1..10000 summing to at most 10000, at most 20).
alter table governance.proposal add column co_creators varchar(8000);
