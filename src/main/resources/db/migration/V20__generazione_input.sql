-- A run record can be re-run: it keeps the exact inputs and parameters the ranking used and the ranking it produced.
-- The domande's working scores change later (rettifica, ricalcolo in istruttoria), so today's domanda rows cannot
-- reproduce an old generation.

-- Whether art. 14 category reserves applied (the «Riserva» column). Null on records written before this migration:
-- they kept no inputs and cannot be re-run.
alter table generazione_graduatorie add column riserve_categorie boolean;

-- What ranking read of each domanda (DomandaInGraduatoria: published scores for the PROVVISORIE, working scores for a
-- DEFINITIVA; tie-break attributes, flags, chosen alloggi with their ente and comune), as one gzip'd JSON document
-- (InputRegistrati, format 1): 2.8 MB for 100k domande, where a row per domanda took 24 MB and 1.4 s to write.
-- Already compressed: stored out of line without a second compression.
create table generazione_input (
    generazione_id bigint  primary key references generazione_graduatorie (id) on delete cascade,
    formato        integer not null,
    domande        bytea   not null
);
alter table generazione_input alter column domande set storage external;

-- The ranking the generation wrote: per graduatoria the domande ids in order (position = index + 1). The differences
-- of a re-run are shown against it; the graduatoria's own rows are replaced when it becomes DEFINITIVA.
create table generazione_risultato (
    generazione_id bigint     not null references generazione_graduatorie (id) on delete cascade,
    graduatoria_id bigint     not null references graduatoria (id),
    ente_id        bigint     not null,
    comune_id      bigint     not null,
    codice_istat   varchar(6) not null,
    domande        bigint[]   not null,
    primary key (generazione_id, ente_id, comune_id)
);
-- out of line without compression: compressing 150k ids (pglz) took 0.3 s of the closing of a 100k-domande avviso
alter table generazione_risultato alter column domande set storage external;

create index generazione_graduatorie_avviso_idx on generazione_graduatorie (avviso_id);
