-- Crash during closing (issue 9): the supervisors see an avviso CHIUSO for too long without graduatorie, and two
-- executions of the generation (a job re-acquired after its lock expired, on this node or another) never write two.

-- When the chiusura actually happened (the timer may fire late); avvisi closed before this migration take their
-- scheduled chiusura.
alter table avviso add column chiuso_il timestamptz;
update avviso set chiuso_il = chiusura where stato = 'CHIUSO';

-- One generation of the graduatorie provvisorie per avviso, even when the avviso has no domande and so no graduatoria
-- whose (avviso, ente, comune) key would refuse a second one.
create unique index generazione_provvisorie_una_per_avviso on generazione_graduatorie (avviso_id) where tipo = 'PROVVISORIE';
