-- Issue 12, the console's «Tutte le domande» by surname and by name: on an avviso of 100k domande, joining every
-- richiedente to sort or search one page took 450-510 ms. The richiedente's name as submitted goes on the domanda
-- (it is part of what the citizen signed and never changes with it: a rettifica changes only invalidity), and one
-- index answers both the order and the search from its own columns.
alter table domanda add column richiedente_cognome varchar(100);
alter table domanda add column richiedente_nome varchar(100);

update domanda d
   set richiedente_cognome = c.cognome, richiedente_nome = c.nome
  from componente c
 where c.nucleo_id = d.nucleo_id and c.relazione = 'RICHIEDENTE';

create index domanda_avviso_richiedente_idx on domanda (avviso_id, richiedente_cognome, richiedente_nome, id);
