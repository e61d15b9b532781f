-- Issue 17: the members of a nucleo are written in one round trip (a JDBC batch, which the driver rewrites into one
-- multi-row insert) instead of one insert per member, each waiting for the id the database generated. Hibernate
-- takes their ids from a sequence 50 at a time (pooled optimizer: a value v gives the block v-49..v), so the sequence
-- steps by 50. An identity column's own sequence is hidden from information_schema, where Hibernate checks that the
-- sequence exists: the column gets an ordinary sequence as its default instead. Inserts that name no id (SQL, imports)
-- take the sequence's next value v as their id, which no block of Hibernate's ever contains.
--
-- Ids from blocks no longer say in which order the members were added: two nodes hold different blocks (one 1..50,
-- the other 51..100), so a member added later to a tenant's nucleo through the first node would get a smaller id than
-- those added earlier through the second. The order is the member's own column, «posizione» (1, 2, … in the order of
-- adding; the rows already there numbered in the order of their ids, which was the order of adding).
alter table componente add column posizione integer not null default 1;
update componente c set posizione = n.posizione
  from (select id, row_number() over (partition by nucleo_id order by id) as posizione from componente) n
 where n.id = c.id and n.posizione <> 1;
-- from now on every insert says where the member goes: one that did not would be listed first, not last
alter table componente alter column posizione drop default;
alter table componente alter column id drop identity;
create sequence componente_id_seq increment by 50 owned by componente.id;
select setval('componente_id_seq', (select coalesce(max(id), 0) from componente) + 50, false);
alter table componente alter column id set default nextval('componente_id_seq');
