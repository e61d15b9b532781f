-- Which reserve an assignment used (art. 13 co. 3 indigenti, art. 15 co. 1 ter categories), for the live «stato delle
-- assegnazioni (articolo 14)» and the reserves left; the precedence group it had; and, when the ente took a domanda
-- out of the art. 15 order, the recorded reason (audit).
alter table assegnazione
    add column gruppo              integer check (gruppo between 1 and 4),
    add column riserva             varchar(20) check (riserva in ('INDIGENTI', 'CATEGORIE')),
    add column fuori_ordine_motivo varchar(2000);
