-- Issue 17: a demo on an external database (PIATTAFORMA_DEMO_ESTERNO) creates users with the password «demo» and lets
-- them log in with local passwords; it is allowed only on a database born a demo's. The mark is written at the demo's
-- first start on an empty database (demo.GuardiaDemoEsterna); a database with data and no mark refuses to start.
create table installazione_demo (
    id             boolean     primary key default true check (id),
    dichiarata_il  timestamptz not null default now()
);

-- trial databases from before the mark: the demo's own operators are there and nobody else (a database where someone
-- else works is not marked, even if the demo was once loaded on it: that is the case the mark guards against)
insert into installazione_demo (id)
select true
 where (select count(*) from operatore where username in ('capofila', 'supervisore', 'aler.avviso', 'malnate')) = 4
   and not exists (select 1 from operatore where username not in (
           'capofila', 'varese.istruttoria', 'aler.avviso', 'aler.istruttoria', 'malnate', 'supervisore', 'analista',
           'analista.revisore', 'admin', 'validatore', 'lettore.regione', 'lettore.varese', 'lettore.como',
           'lettore.marche', 'ancona', 'cittadino.colombo', 'cittadino.ferrari'));
