-- The rules that produced the working score (rettifica per invalidità civile, «conferma ricalcolo» in istruttoria),
-- next to those of the submitted score: every evaluation keeps its explanation, so the citizen and the operator read
-- why the current score is what it is. Null until a rettifica or a ricalcolo, and for working scores computed
-- before this column existed (the explanation then says the detail was not recorded).
alter table domanda add column spiegazione_lavoro jsonb;
