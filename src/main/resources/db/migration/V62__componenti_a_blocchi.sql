-- Issue 17: the members of a nucleo are written in one round trip (a JDBC batch, which the driver rewrites into one
-- multi-row insert) instead of one insert per member, each waiting for the id the database generated. Hibernate
-- takes their ids from a sequence 50 at a time (pooled optimizer: a value v gives the block v-49..v), so the sequence
-- steps by 50. An identity column's own sequence is hidden from information_schema, where Hibernate checks that the
-- sequence exists: the column gets an ordinary sequence as its default instead. Inserts that name no id (SQL, imports)
-- take the sequence's next value v as their id, which no block of Hibernate's ever contains.
alter table componente alter column id drop identity;
create sequence componente_id_seq increment by 50 owned by componente.id;
select setval('componente_id_seq', (select coalesce(max(id), 0) from componente) + 50, false);
alter table componente alter column id set default nextval('componente_id_seq');
