-- Issue 15 (seed 004, Regione Marche): the domande filed at the Comune's desk in five steps and the bando's graduatoria.

-- Passo 1 (anagrafica del richiedente), passo 2 (requisiti dichiarati), passo 3 and 4 (condizioni: the bands ticked and
-- the values the grid's parametric conditions are measured on), passo 5 (esclusione, assegnazione, note). Every step is
-- saved on its own: «passo» is the last one saved. The score is the grid's (the bando's version «versione_condizioni»),
-- kept with its explanation so that the graduatoria, the brogliaccio and the citizen read the same numbers.
alter table marche_domanda
    add column passo                   integer      not null default 1 check (passo between 1 and 5),
    add column cognome                 varchar(80),
    add column nome                    varchar(80),
    add column sesso                   char(1)      check (sesso in ('M', 'F')),
    add column data_nascita            date,
    add column luogo_nascita           varchar(100),
    add column codice_fiscale          varchar(16),
    add column nazionalita             varchar(60),
    add column residente_a             varchar(100),
    add column indirizzo               varchar(200),
    add column cap                     varchar(5),
    add column residente_estero        boolean      not null default false,
    -- «Residente nel comune dal»: condition SOGGETTIVA 10 is computed from it
    add column residente_dal           date,
    -- «Anni di presentazione di domande»: the years the applicant took part in earlier bandi (condition SOGGETTIVA 9)
    add column anni_presentazione      varchar(200),
    add column isee                    numeric(9, 2) check (isee >= 0),
    -- passo 2: the declarations ticked (requisiti, L.R. 36/2005), as {"cittadinanza": true, ...}
    add column requisiti               jsonb        not null default '{}'::jsonb,
    add column monoparentale           boolean      not null default false,
    -- passi 3 and 4: bands ticked, {"SOGGETTIVA_3": ["a"], "OGGETTIVA_5": ["b"]}, and values entered by the operator
    -- for the parametric conditions the desk cannot compute, {"ANNI_PARTECIPAZIONE": 3}
    add column fasce_spuntate          jsonb        not null default '{}'::jsonb,
    add column valori_dichiarati       jsonb        not null default '{}'::jsonb,
    -- the score of the istruttoria («Punteggio di lavoro»), with the grid version it was computed with and its detail
    add column versione_condizioni     integer,
    add column punteggio               numeric(6, 2),
    add column punteggio_dettaglio     jsonb,
    -- passo 5
    add column esclusa                 boolean      not null default false,
    add column motivo_esclusione       varchar(500),
    add column alloggio_assegnato      boolean      not null default false,
    add column anno_assegnazione       integer      check (anno_assegnazione between 1990 and 2200),
    add column motivo_non_assegnazione varchar(500),
    add column note                    varchar(2000),
    add column creata_da               varchar(64),
    add column creata_il               timestamptz,
    add column modificata_da           varchar(64),
    add column modificata_il           timestamptz,
    add column version                 bigint       not null default 0;

create index marche_domanda_cognome_idx on marche_domanda (bando_id, lower(cognome), lower(nome));
create index marche_domanda_cf_idx on marche_domanda (codice_fiscale);

-- Passo 2, «Composizione del nucleo familiare»: the other members (the applicant is not listed, seed 004 Fig. 15)
create table marche_componente (
    domanda_id          bigint        not null references marche_domanda (id) on delete cascade,
    posizione           integer       not null check (posizione >= 1),
    cognome             varchar(80)   not null,
    nome                varchar(80)   not null,
    data_nascita        date          not null,
    luogo_nascita       varchar(100),
    codice_fiscale      varchar(16),
    parentela           varchar(40)   not null,
    attivita_lavorativa varchar(80),
    -- certified invalidity, percent: condition SOGGETTIVA 4
    invalidita          numeric(5, 2) not null default 0 check (invalidita between 0 and 100),
    a_carico            boolean       not null default false,
    primary key (domanda_id, posizione)
);

-- «Graduatoria domande alloggi ERP» (seed 004, Fig. 23): one per bando. Without a phase it is in «Istruttoria».
create table marche_graduatoria (
    bando_id                 bigint        primary key references marche_bando (id),
    fase                     varchar(12)   not null default 'ISTRUTTORIA'
        check (fase in ('ISTRUTTORIA', 'PROVVISORIA', 'DEFINITIVA')),
    data                     date,
    provvisoria_albo_numero  varchar(30),
    provvisoria_albo_data    date,
    definitiva_albo_numero   varchar(30),
    definitiva_albo_data     date,
    verbale_numero           varchar(30),
    verbale_data             date,
    nota                     varchar(2000),
    calcolata_da             varchar(64),
    calcolata_il             timestamptz,
    -- the grid version the last «Calcola» used
    versione_condizioni      integer,
    modificata_da            varchar(64),
    modificata_il            timestamptz,
    version                  bigint        not null default 0
);

-- The rows of the graduatoria: the position «Calcola» gave, the one the operator moved it to (▲ ▼, with a reason), the
-- score at the calculation and the definitive one (frozen when the list becomes definitive).
create table marche_posizione (
    bando_id              bigint        not null references marche_graduatoria (bando_id) on delete cascade,
    domanda_id            bigint        not null unique references marche_domanda (id),
    posizione             integer       not null check (posizione >= 1),
    posizione_calcolata   integer       not null check (posizione_calcolata >= 1),
    punteggio_calcolato   numeric(6, 2) not null,
    punteggio_definitivo  numeric(6, 2),
    spostata_da           varchar(64),
    spostata_il           timestamptz,
    motivo_spostamento    varchar(500),
    primary key (bando_id, posizione) deferrable initially deferred
);
