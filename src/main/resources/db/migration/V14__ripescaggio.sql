-- Ripescaggio (seed 000): after the first round the ente switches its graduatoria DEFINITIVA → RIPESCAGGIO and assigns
-- the avviso's leftover alloggi, or alloggi freed after a sgombero made available through the alloggi area («alloggi
-- liberi», not published in the avviso).
alter table graduatoria drop constraint graduatoria_stato_check;
alter table graduatoria add constraint graduatoria_stato_check check (stato in ('PROVVISORIA', 'DEFINITIVA', 'RIPESCAGGIO'));
alter table graduatoria
    add column ripescaggio_il timestamptz,
    add column ripescaggio_da varchar(64);
alter table alloggio_in_avviso add column pubblicato_in_avviso boolean not null default true;
