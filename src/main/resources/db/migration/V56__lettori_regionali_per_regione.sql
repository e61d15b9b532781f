-- Issue 15 (ADR 16): a regional reader reads the enti of its Region, not every ente of the installation. Since one
-- installation serves Comuni of Lombardia and of the Marche, the Regione Lombardia's reader must not read a Marche
-- Comune's bandi and domande, nor the other way round. Existing regional readers are Lombardia's: the platform's
-- procedure was only Lombardia's until the Marche profile.
alter table operatore add column regione_lettura varchar(20) check (regione_lettura in ('LOMBARDIA', 'MARCHE'));
update operatore set regione_lettura = 'LOMBARDIA'
 where id in (select operatore_id from operatore_ruolo where ruolo = 'LETTORE_REGIONALE');
