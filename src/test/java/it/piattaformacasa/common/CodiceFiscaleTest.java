package it.piattaformacasa.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The check characters below were computed once with an independent implementation (a Python script with the
 * Agenzia delle Entrate tables typed as dictionaries), not with the class under test. RSSMRA80A01F205X is also the
 * code published in many examples for «Mario Rossi, Milano, 1/1/1980».
 */
class CodiceFiscaleTest {

    // findAndRegisterModules adds parameter-names, as Spring Boot does: it must not turn the creator into properties
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    @ParameterizedTest
    @ValueSource(strings = {
            "RSSMRA80A01F205X", // Milano
            "VRDGPP85T10L682H", // Varese, dicembre
            "BNCLCU90D45H501P", // donna: giorno 05 + 40
            "RSSMRA80A71F205E", // ultimo giorno ammesso per una donna (31 + 40)
            "FRRNNA72E61D969A",
            "CLMGLN58M15B157D",
            "DLLPLA01S70F839H"})
    void codiciDiPersonaFisicaConCarattereDiControlloCorrettoSonoAccettati(String codice) {
        CodiceFiscale cf = CodiceFiscale.of(codice);

        assertThat(cf.valore()).isEqualTo(codice);
        assertThat(cf.personaFisica()).isTrue();
        assertThat(CodiceFiscale.isValid(codice)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "RSSMRA80A01F20RS", // ultima cifra del comune: 5 → R
            "RSSMRA80A0MF205P", // giorno 01 → 0M
            "RSSMRA80A01LSUNL", // comune L682 → LSUN
            "BNCLCU90D45H5LMS", // H501 → H5LM
            "RSSMRAULALMFNLRD"}) // tutte e sette le cifre sostituite
    void codiciOmocodiciSonoAccettati(String codice) {
        assertThat(CodiceFiscale.of(codice).valore()).isEqualTo(codice);
        assertThat(CodiceFiscale.isValid(codice)).isTrue();
    }

    @Test
    void codiceMinuscoloConSpaziVieneNormalizzato() {
        CodiceFiscale cf = CodiceFiscale.of("  rssmra80a01f205x \t");

        assertThat(cf.valore()).isEqualTo("RSSMRA80A01F205X");
        assertThat(cf).isEqualTo(CodiceFiscale.of("RSSMRA80A01F205X"))
                .hasSameHashCodeAs(CodiceFiscale.of("RSSMRA80A01F205X"))
                .hasToString("RSSMRA80A01F205X");
    }

    @Test
    void codiciDiversiNonSonoUguali() {
        assertThat(CodiceFiscale.of("RSSMRA80A01F205X")).isNotEqualTo(CodiceFiscale.of("RSSMRA80A01F20RS"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"00441340122", "01199250158", "80012345676", "12345678903"})
    void codiciDiEnteConCifraDiControlloCorrettaSonoAccettati(String codice) {
        CodiceFiscale cf = CodiceFiscale.of(codice);

        assertThat(cf.valore()).isEqualTo(codice);
        assertThat(cf.personaFisica()).isFalse();
    }

    static Stream<Arguments> codiciNonValidi() {
        return Stream.of(
                Arguments.of("RSSMRA80A01L682G", "carattere di controllo errato (atteso N)"),
                Arguments.of("RSSMRA80A01F205Y", "carattere di controllo errato (atteso X)"),
                Arguments.of("RSSMRA80A01F20RX", "carattere di controllo errato (atteso S)"),
                Arguments.of("RSSMRA80F01F205J", "mese di nascita errato (F)"),
                Arguments.of("RSSMRA80A00F205Y", "giorno di nascita errato (0)"),
                Arguments.of("RSSMRA80A32F205F", "giorno di nascita errato (32)"),
                Arguments.of("RSSMRA80A40F205C", "giorno di nascita errato (40)"),
                Arguments.of("RSSMRA80A72F205J", "giorno di nascita errato (72)"),
                Arguments.of("RSSMRA8WA01F205T", "formato di persona fisica errato"),
                Arguments.of("R5SMRA80A01F205X", "formato di persona fisica errato"),
                Arguments.of("RSSMRA80A01F205", "lunghezza 16 o 11 caratteri attesa, ricevuti 15"),
                Arguments.of("RSSMRA80A01F205XX", "lunghezza 16 o 11 caratteri attesa, ricevuti 17"),
                Arguments.of("0044134012", "lunghezza 16 o 11 caratteri attesa, ricevuti 10"),
                Arguments.of("00441340123", "cifra di controllo errata (attesa 2)"),
                Arguments.of("01199250150", "cifra di controllo errata (attesa 8)"),
                Arguments.of("0044134012A", "il codice di un ente ha 11 cifre"));
    }

    @ParameterizedTest
    @MethodSource("codiciNonValidi")
    void codiceNonValidoVieneRifiutatoSpiegandoIlMotivo(String codice, String motivo) {
        assertThatThrownBy(() -> CodiceFiscale.of(codice))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Codice fiscale non valido: " + motivo);
        assertThat(CodiceFiscale.isValid(codice)).isFalse();
    }

    @Test
    void codiceConCarattereDiControlloErratoVieneRifiutatoPerOgniAltraLettera() {
        for (char c = 'A'; c <= 'Z'; c++) {
            String codice = "BNCLCU90D45H501" + c;
            assertThat(CodiceFiscale.isValid(codice)).as(codice).isEqualTo(c == 'P');
        }
    }

    @Test
    void enteConCifraDiControlloErrataVieneRifiutatoPerOgniAltraCifra() {
        for (char c = '0'; c <= '9'; c++) {
            String codice = "0119925015" + c;
            assertThat(CodiceFiscale.isValid(codice)).as(codice).isEqualTo(c == '8');
        }
    }

    @Test
    void messaggioDiErroreNonRipeteIlCodice() {
        assertThatThrownBy(() -> CodiceFiscale.of("RSSMRA80A01F205Y"))
                .hasMessageNotContaining("RSSMRA80A01F205Y");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void codiceMancanteVieneRifiutato(String codice) {
        assertThatThrownBy(() -> CodiceFiscale.of(codice))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Codice fiscale mancante");
        assertThat(CodiceFiscale.isValid(codice)).isFalse();
    }

    @Test
    void inJsonEUnaStringaERitornaUguale() throws Exception {
        CodiceFiscale cf = CodiceFiscale.of("RSSMRA80A01F205X");

        String scritto = json.writeValueAsString(cf);

        assertThat(scritto).isEqualTo("\"RSSMRA80A01F205X\"");
        assertThat(json.readValue("\"rssmra80a01f205x\"", CodiceFiscale.class)).isEqualTo(cf);
    }

    @Test
    void codiceNonValidoInJsonVieneRifiutato() {
        assertThatThrownBy(() -> json.readValue("\"RSSMRA80A01F205Y\"", CodiceFiscale.class))
                .isInstanceOf(JsonMappingException.class)
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .hasRootCauseMessage("Codice fiscale non valido: carattere di controllo errato (atteso X)");
    }

    @Test
    void ilCarattereDiControlloCompletaCodiciDiPersoneEDiEnti() {
        assertThat(CodiceFiscale.conControllo("RSSMRA85T10A562")).isEqualTo("RSSMRA85T10A562S");
        assertThat(CodiceFiscale.conControllo("0044134012")).isEqualTo("00441340122");
        assertThatThrownBy(() -> CodiceFiscale.conControllo("RSSMRA"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
