-- Approval of the graduatoria provvisoria within 5 days of chiusura (r.r. 4/2017 art. 12; seed 000): the provvedimento
-- and where and when it was published; the escalation to supervisors when the deadline passes.
alter table graduatoria
    add column scadenza_approvazione timestamptz,
    add column provvedimento_numero  varchar(60),
    add column provvedimento_data    date,
    add column pubblicazione         varchar(20) check (pubblicazione in ('ALBO_PRETORIO', 'SITO_ENTE', 'ENTRAMBI')),
    add column pubblicata_il         date,
    add column approvata_da          varchar(64),
    add column approvata_il          timestamptz,
    add column sollecitata_il        timestamptz;
