package it.piattaformacasa.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;

import it.piattaformacasa.common.CodiceFiscale;

/** The safety net: whatever escapes the checks is answered without SQL, class names or traces. */
class ApiExceptionHandlerTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler();

    @Test
    void unErroreImprevistoDelDatabaseEUnErroreInternoSenzaDettagliConIlCodiceDaCercareNelLog() throws Exception {
        ProblemDetail problema = handler.inatteso(new DataIntegrityViolationException("could not execute statement [ERROR: "
                + "value too long for type character varying(64)] [insert into contratto (numero) values (?)]"));

        assertThat(problema.getStatus()).isEqualTo(500);
        assertThat(problema.getTitle()).isEqualTo("Errore interno");
        String idErrore = (String) problema.getProperties().get("riferimento");
        assertThat(idErrore).hasSize(8);
        assertThat(problema.getDetail()).contains(idErrore).doesNotContain("insert", "ERROR", "varying", "Exception");
    }

    @Test
    void unArgomentoNonValidoDiUnaLibreriaNonMostraIlSuoMessaggio() {
        IllegalArgumentException libreria;
        try {
            java.sql.Timestamp.valueOf("non una data");
            throw new AssertionError("unreachable");
        } catch (IllegalArgumentException e) {
            libreria = e;
        }
        ProblemDetail problema = handler.argomentoNonValido(libreria);
        assertThat(problema.getStatus()).isEqualTo(400);
        assertThat(problema.getDetail()).doesNotContain("Timestamp", "yyyy").contains("errore");
    }

    @Test
    void unArgomentoNonValidoDelNostroCodiceMostraIlMotivoInItaliano() {
        IllegalArgumentException nostro;
        try {
            CodiceFiscale.of("XYZ");
            throw new AssertionError("unreachable");
        } catch (IllegalArgumentException e) {
            nostro = e;
        }
        assertThat(handler.argomentoNonValido(nostro).getDetail()).startsWith("Codice fiscale non valido");
    }

    @Test
    void gliErroriDiSpringRestanoUn4xxInItalianoELaSicurezzaLiGestisceSpringSecurity() throws Exception {
        ProblemDetail problema = handler.inatteso(new HttpMediaTypeNotSupportedException("Content-Type 'text/plain' is not supported"));
        assertThat(problema.getStatus()).isEqualTo(415);
        assertThat(problema.getDetail()).doesNotContain("Content-Type").contains("formato");
        assertThatThrownBy(() -> handler.inatteso(new AccessDeniedException("Access Denied"))).isInstanceOf(AccessDeniedException.class);
    }
}
