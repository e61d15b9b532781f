-- «Conferma ricalcolo» (seed 000): the ente corrects the declared data, ISBAR is recomputed and may only go down; the
-- istruttoria ends and the domanda can be taken again. The scores before and after are kept with the istruttoria.
alter table istruttoria drop constraint istruttoria_stato_check;
alter table istruttoria add constraint istruttoria_stato_check
    check (stato in ('IN_CORSO', 'ASSEGNATA', 'NON_AMMISSIBILE', 'RICALCOLATA', 'CHIUSA_ASSEGNATA_ALTROVE'));
alter table istruttoria
    add column isbar_prima numeric(8, 3),
    add column isbar_dopo  numeric(8, 3);
