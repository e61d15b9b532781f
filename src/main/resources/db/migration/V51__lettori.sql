-- Read-only scopes (issue 14, seed 004: «quelli provinciali e regionali alla sola consultazione»). Two platform roles:
-- LETTORE_REGIONALE reads every ente, LETTORE_PROVINCIALE the enti whose comune is in one province, kept here as its
-- sigla (checked against comune_italiano by the service, which answers 400 naming the field).
alter table operatore_ruolo drop constraint operatore_ruolo_ruolo_check;
alter table operatore_ruolo add constraint operatore_ruolo_ruolo_check
    check (ruolo in ('SUPERVISORE', 'ANALISTA', 'AMMINISTRATORE', 'VALIDATORE_REGIONALE', 'LETTORE_REGIONALE',
                     'LETTORE_PROVINCIALE'));

alter table operatore add column provincia_lettura varchar(2) check (provincia_lettura ~ '^[A-Z]{2}$');
