-- Issue 13: the ente's operators keep the nuclei assegnatari of its alloggi (households that predate the platform, and
-- the ones a lease brought). A household that leaves (death, move, decadenza) stays in the history with the date and
-- the reason; a domanda's nucleo is never changed in its members: a change of a tenant household that is also a
-- domanda's makes a copy, and the domanda's one is marked as replaced by it.
alter table nucleo_familiare
    add column terminato_il     date,
    add column motivo_termine   varchar(500),
    add column terminato_da     varchar(64),
    add column sostituito_da_id bigint references nucleo_familiare (id),
    add constraint nucleo_termine_con_motivo check ((terminato_il is null) = (motivo_termine is null));
-- the current tenants of an alloggio: what the «Nuclei assegnatari» list and the alloggio's page read
create index nucleo_alloggio_attuale_idx on nucleo_familiare (alloggio_id)
    where terminato_il is null and sostituito_da_id is null;
