package it.piattaformacasa.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import it.piattaformacasa.IntegrationTest;

/**
 * Issue 13: the import writes alloggi and the register with COPY; a value must arrive as an insert would have written
 * it (quotes, commas, a new line, accents, an empty text that is not NULL, numbers, booleans, instants, JSON), a row
 * the table refuses must fail the transaction as an insert would, and thousands of rows go in blocks.
 */
@IntegrationTest
class CopiaCsvTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transazione;

    private static final String TABELLA = """
            create temporary table prova_copia (id bigint primary key, testo varchar(200), numero numeric(7, 2), intero integer,
                                                vero boolean, quando timestamptz, dati jsonb, check (intero is null or intero >= 0))
                on commit drop""";

    @Test
    void ogniValoreArrivaComeLoScriverebbeUnInsert() {
        Instant adesso = Instant.parse("2026-03-01T10:15:30.123456789Z");
        List<Map<String, Object>> righe = transazione.execute(stato -> {
            jdbc.execute(TABELLA);
            long copiate = CopiaCsv.copia(jdbc, "prova_copia", "id, testo, numero, intero, vero, quando, dati", csv -> {
                csv.campo(1L).campo("Via \"dei\" Fogli, 1\nscala B — città").campo(new BigDecimal("62.50")).campo((Object) 3)
                        .campo((Object) Boolean.TRUE).campo(adesso).campo("{\"a\": \"b, \\\"c\\\"\"}").finePerRiga();
                csv.campo(2L).campo("").campo((BigDecimal) null).campo((Long) null).campo((Object) Boolean.FALSE)
                        .campo((Instant) null).campo((String) null).finePerRiga();
            });
            assertThat(copiate).isEqualTo(2);
            return jdbc.queryForList("select id, testo, numero, intero, vero, quando = ?::timestamptz as quando, dati::text as dati"
                    + " from prova_copia order by id", "2026-03-01T10:15:30.123457Z");
        });
        assertThat(righe.get(0)).containsEntry("testo", "Via \"dei\" Fogli, 1\nscala B — città")
                .containsEntry("numero", new BigDecimal("62.50")).containsEntry("intero", 3).containsEntry("vero", true)
                .containsEntry("quando", true).containsEntry("dati", "{\"a\": \"b, \\\"c\\\"\"}");
        assertThat(righe.get(1)).containsEntry("testo", "").containsEntry("numero", null).containsEntry("intero", null)
                .containsEntry("vero", false).containsEntry("quando", null).containsEntry("dati", null);
    }

    @Test
    void migliaiaDiRigheVannoABlocchiEUnaRigaRifiutataFallisceComeUnInsert() {
        long quante = transazione.execute(stato -> {
            jdbc.execute(TABELLA);
            CopiaCsv.copia(jdbc, "prova_copia", "id, testo", csv -> {
                for (long i = 0; i < 20_000; i++) {
                    csv.campo(i).campo("riga " + i + " ".repeat(20)).finePerRiga();
                }
            });
            return jdbc.queryForObject("select count(*) from prova_copia", Long.class);
        });
        assertThat(quante).isEqualTo(20_000);

        assertThatThrownBy(() -> transazione.executeWithoutResult(stato -> {
            jdbc.execute(TABELLA);
            CopiaCsv.copia(jdbc, "prova_copia", "id, testo", csv -> {
                // the duplicate is in the first block: the server refuses it while later blocks are still being sent
                for (long i = 0; i < 30_000; i++) {
                    csv.campo(i == 10 ? 5 : i).campo("x".repeat(100)).finePerRiga();
                }
            });
        })).isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> transazione.executeWithoutResult(stato -> {
            jdbc.execute(TABELLA);
            CopiaCsv.copia(jdbc, "prova_copia", "id, intero", csv -> csv.campo(1L).campo((Object) (-1)).finePerRiga());
        })).isInstanceOf(DataIntegrityViolationException.class);
        // the connection went back to the pool usable
        assertThat(jdbc.queryForObject("select 1", Integer.class)).isEqualTo(1);
    }
}
