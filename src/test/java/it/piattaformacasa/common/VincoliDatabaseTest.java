package it.piattaformacasa.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.dao.DataIntegrityViolationException;

/** Which unique key a failed write broke, whether the statement ran alone or in a JDBC batch. */
class VincoliDatabaseTest {

    private static final Set<String> CHIAVI = Set.of("domanda_avviso_id_richiedente_cf_key");

    @Test
    void unDuplicatoSuUnaChiaveNominataEUnConflitto() {
        assertThat(VincoliDatabase.duplicatoSu(violazione(errore("23505", "domanda_avviso_id_richiedente_cf_key")), CHIAVI)).isTrue();
    }

    @Test
    void unDuplicatoSuUnAltraChiaveOUnAltroErroreNonLoSono() {
        assertThat(VincoliDatabase.duplicatoSu(violazione(errore("23505", "domanda_pkey")), CHIAVI)).isFalse();
        assertThat(VincoliDatabase.duplicatoSu(violazione(errore("23502", "domanda_avviso_id_richiedente_cf_key")), CHIAVI)).isFalse();
        assertThat(VincoliDatabase.duplicatoSu(new DataIntegrityViolationException("senza causa"), CHIAVI)).isFalse();
    }

    @Test
    void inUnLottoJdbcLErroreDelServerEQuelloSuccessivo() {
        // what pgjdbc throws for a statement of a batch: the SQLSTATE on the batch exception, the constraint on the next
        BatchUpdateException lotto = new BatchUpdateException("Batch entry 0 insert into domanda ... was aborted", "23505", new int[0]);
        lotto.setNextException(errore("23505", "domanda_avviso_id_richiedente_cf_key"));
        assertThat(VincoliDatabase.duplicatoSu(violazione(lotto), CHIAVI)).isTrue();

        BatchUpdateException altro = new BatchUpdateException("Batch entry 0 ... was aborted", "23505", new int[0]);
        altro.setNextException(errore("23505", "domanda_alloggio_pkey"));
        assertThat(VincoliDatabase.duplicatoSu(violazione(altro), CHIAVI)).isFalse();
    }

    private static DataIntegrityViolationException violazione(SQLException causa) {
        return new DataIntegrityViolationException("could not execute statement", causa);
    }

    /** The error a PostgreSQL server sends: severity, SQLSTATE, message and the constraint's name. */
    private static PSQLException errore(String sqlState, String vincolo) {
        return new PSQLException(new ServerErrorMessage("SERROR\0C" + sqlState + "\0Mviolazione\0n" + vincolo + "\0\0"));
    }
}
