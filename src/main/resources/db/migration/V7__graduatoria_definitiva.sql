-- Working scores: a rettifica per invalidità civile changes them, the published provisional scores stay as they were
-- (seed 000: «Le variazioni saranno visibili solo nella graduatoria definitiva»). Null = unchanged.
alter table domanda
    add column punti_familiare_lavoro         numeric(7, 3),
    add column punti_abitativo_lavoro         numeric(7, 3),
    add column punti_economico_lavoro         numeric(7, 3),
    add column punti_residenza_regione_lavoro numeric(7, 3),
    add column punti_residenza_comune_lavoro  numeric(7, 3),
    add column isbar_lavoro                   numeric(8, 3);

-- PROVVISORIA → DEFINITIVA after the 15-day window, then publication within 5 days (art. 12, seed 000)
alter table graduatoria
    add column definitiva_il                    timestamptz,
    add column definitiva_da                    varchar(64),
    add column scadenza_pubblicazione_definitiva timestamptz,
    add column definitiva_pubblicata_il          date,
    add column pubblicazione_definitiva          varchar(20)
        check (pubblicazione_definitiva in ('ALBO_PRETORIO', 'SITO_ENTE', 'ENTRAMBI'));

alter table generazione_graduatorie
    add column tipo           varchar(20) not null default 'PROVVISORIE' check (tipo in ('PROVVISORIE', 'DEFINITIVA')),
    add column graduatoria_id bigint references graduatoria (id);
