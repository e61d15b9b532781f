-- Scorrimento (art. 15 co. 4 bis): a definitive graduatoria stays usable for units that become available later, until
-- the definitive graduatoria of the next avviso of the same ambito (same ente and comune); then it closes by itself.
alter table graduatoria drop constraint graduatoria_stato_check;
alter table graduatoria add constraint graduatoria_stato_check
    check (stato in ('PROVVISORIA', 'DEFINITIVA', 'RIPESCAGGIO', 'CHIUSA'));
alter table graduatoria
    add column chiusa_il            timestamptz,
    add column chiusa_da_graduatoria bigint references graduatoria (id);
