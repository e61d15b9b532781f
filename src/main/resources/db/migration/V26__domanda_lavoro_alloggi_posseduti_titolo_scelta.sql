-- Regulation fidelity (issue 10).
-- * The comune where the richiedente works (ISTAT, checked against comune_italiano by the service): art. 9 lets a domanda
--   choose alloggi there, and art. 7 co. 1 lett. b counts work in Lombardia. lavoro_in_lombardia stays, now derived
--   from it (domande submitted before keep the yes/no they declared and no comune).
-- * The dwellings members hold rights on, as declared, each with the rule that decided it does not exclude the nucleo
--   (art. 7 co. 1 lett. d and the r.r. 2/2025 exceptions); '[]' for domande submitted before, which declared none.
-- * Why each chosen alloggio was allowed (art. 9): RESIDENZA, LAVORO or AMBITO (another comune of the ambito, the
--   fallback), and the sentence the explanation and the istruttoria show (the alloggio, its comune, the rule); null for
--   domande submitted before the check. nota_alloggi: art. 9 co. 3 bis, when no adequate alloggio could be chosen.

alter table domanda
    add column codice_istat_lavoro varchar(6) check (codice_istat_lavoro ~ '^[0-9]{6}$'),
    add column alloggi_posseduti jsonb not null default '[]',
    add column nota_alloggi varchar(600);

alter table domanda_alloggio
    add column titolo varchar(12) check (titolo in ('RESIDENZA', 'LAVORO', 'AMBITO')),
    add column motivo varchar(600);
