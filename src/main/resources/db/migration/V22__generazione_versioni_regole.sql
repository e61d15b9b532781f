-- The run record names the exact rule-set versions the avviso was bound to when the graduatorie were generated
-- ({"isbar": 3, "requisiti-economici": 1, ...}); versione_regole keeps the regulatory step.
alter table generazione_graduatorie add column regole jsonb;
