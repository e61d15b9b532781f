-- Idempotency-Key (issue 9): a key belongs to the operator who sent it, and is bound to what was sent. Before, a key
-- was unique per avviso only, so another operator's retry with the same key received the first operator's domanda.
-- The fingerprint is the SHA-256 of the parsed domanda written canonically (null on domande submitted before this
-- migration: their retries are recognised by key and operator only).
alter table domanda add column idempotency_impronta varchar(64);

alter table domanda drop constraint domanda_avviso_id_idempotency_key_key;
create unique index domanda_idempotenza_uk on domanda (avviso_id, presentata_da, idempotency_key)
    where idempotency_key is not null;
