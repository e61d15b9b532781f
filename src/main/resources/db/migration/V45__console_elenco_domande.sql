-- Issue 12, the console's «Tutte le domande»: a page of 25 out of 100k domande read from the index alone, in each of
-- its orders (ties by id, so that paging is stable). The ISBAR index gains the id and replaces the one of V4.
create index domanda_avviso_isbar_id_idx on domanda (avviso_id, isbar desc, id);
drop index domanda_avviso_isbar_idx;
create index domanda_avviso_id_idx on domanda (avviso_id, id);
create index domanda_avviso_presentata_idx on domanda (avviso_id, presentata_il, id);
