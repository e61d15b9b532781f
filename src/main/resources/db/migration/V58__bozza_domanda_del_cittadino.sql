-- Issue 16: the citizen's own draft of a domanda, kept between sessions like the sportello's (V41). The same table,
-- because it is the same draft (the API's request body, the step reached) filled in by another hand: a draft belongs
-- either to an operator (by username, at the sportello) or to a citizen (by the codice fiscale of their identity,
-- never their username, which an identity provider may change). One draft per citizen and avviso.
alter table bozza_domanda alter column operatore drop not null;
alter table bozza_domanda add column codice_fiscale varchar(16);
alter table bozza_domanda add constraint bozza_domanda_un_titolare
    check ((operatore is null) <> (codice_fiscale is null));
create unique index bozza_domanda_cittadino_uk on bozza_domanda (avviso_id, codice_fiscale) where codice_fiscale is not null;
