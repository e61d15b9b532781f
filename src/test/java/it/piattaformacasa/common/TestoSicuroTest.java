package it.piattaformacasa.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TestoSicuroTest {

    @ParameterizedTest
    @ValueSource(strings = {"Luca", "D'Annunzio", "Müller-Lüdenscheidt", "Şerban", "张伟", "محمد", "O’Brien 👍🏽",
            "Appiano sulla strada del vino/Eppan an der Weinstraße", "<script>alert(1)</script>", "=1+1", ""})
    void unTestoStampabileVaBeneAncheConAccentiScrittureEEmoji(String testo) {
        assertThat(TestoSicuro.problema(testo, false)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Lu\u0000ca", "Bram\u0007billa", "\u001b[31m", "Luca\r", "Lu\nca", "Lu\tca", "Luca\u007f",
            "Luca\u0085", "\u202eacuL", "a\u2066b", "Luca\u2028", "Luca\u2029", "Lu\ud800ca", "Lu\udc00ca", "Luca\uffff",
            "Luca\ufdd0", "\ufeffLuca"})
    void iCaratteriDiControlloEIControlliDiDirezioneVengonoRifiutati(String testo) {
        assertThat(TestoSicuro.problema(testo, false)).hasValueSatisfying(motivo -> assertThat(motivo).contains("U+", "posizione"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Prima riga\nseconda riga", "Voce:\tvalore", "Elenco:\n\t- uno\n\t- due"})
    void unTestoLiberoPuoAndareACapoEUsareTabulazioni(String testo) {
        assertThat(TestoSicuro.problema(testo, true)).isEmpty();
        assertThat(TestoSicuro.problema(testo, false)).as("not in a one-line field").isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Nota\u0000", "Nota\r\nsu Windows", "Nota\u000b", "Nota\u2028"})
    void ancheUnTestoLiberoRifiutaGliAltriCaratteriDiControllo(String testo) {
        assertThat(TestoSicuro.problema(testo, true)).isPresent();
    }

    @org.junit.jupiter.api.Test
    void ilMotivoDiceQualeCarattereEDove() {
        assertThat(TestoSicuro.problema("Lu\u0000ca", false)).contains("contiene il carattere nullo (U+0000, posizione 3), non ammesso");
        assertThat(TestoSicuro.problema("👍🏽\u0007", false)).hasValueSatisfying(m -> assertThat(m).contains("posizione 3"));
    }
}
