-- The demo clock (issue 11): on the embedded demo an administrator moves the platform's time forward to watch timers,
-- deadlines and semafori work. Never used with an external database (the application refuses it there).

-- How far ahead of real time the platform runs: one row, read again at every start so a restart keeps the demo's
-- simulated day. Forward only: a negative offset would put the platform before acts it has already recorded.
create table orologio_demo (
    id                  smallint    primary key default 1 check (id = 1),
    scostamento_secondi bigint      not null check (scostamento_secondi >= 0),
    aggiornato_da       varchar(64) not null,
    -- real time of the last change (the database's, not the platform's)
    aggiornato_il       timestamptz not null default now()
);

-- Every change: who, when (real time), the platform's time before and after, the offsets.
create table orologio_demo_registro (
    id                         bigserial   primary key,
    operazione                 varchar(16) not null check (operazione in ('AVANZA', 'RIPRISTINA')),
    richiesta                  varchar(40) not null,
    eseguita_da                varchar(64) not null,
    eseguita_il                timestamptz not null default now(),
    ora_prima                  timestamptz not null,
    ora_dopo                   timestamptz not null,
    scostamento_prima_secondi  bigint      not null,
    scostamento_dopo_secondi   bigint      not null check (scostamento_dopo_secondi >= 0)
);
