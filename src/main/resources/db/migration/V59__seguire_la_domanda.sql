-- Issue 16, «follow the domanda» and «answer the platform».

-- A rettifica per invalidità civile the citizen asked online (the same request, the same process and task for the
-- ente as one registered at the ente's desk): the ente's operator sees where it came from.
alter table rettifica_invalidita add column richiesta_dal_cittadino boolean not null default false;

-- The nucleo's answer to a proposed alloggio (an assegnazione waiting for the contract): given once, by the
-- richiedente, with the reason of a refusal. A refusal also completes «Conferma registrazione contratto» on its
-- rinuncia path; an acceptance waits there for the ente to record the lease.
create table risposta_proposta (
    assegnazione_id  bigint        primary key references assegnazione (id),
    codice_fiscale   varchar(16)   not null,
    accettata        boolean       not null,
    motivo           varchar(2000),
    risposta_il      timestamptz   not null,
    check (accettata or motivo is not null)
);

-- «Le mie domande»: a citizen's domande are found by the richiedente's codice fiscale alone, across avvisi.
create index if not exists domanda_richiedente_cf_idx on domanda (richiedente_cf);
