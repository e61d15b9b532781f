package it.piattaformacasa.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import it.piattaformacasa.IntegrationTest;

/**
 * The JSON reader of the API, as Spring configures it (the mapper the controllers use): every body gets these checks
 * whatever its DTO says. The engine REST API is not concerned (it has its own mapper).
 */
@IntegrationTest
class JsonDellApiTest {

    record Corpo(String nome, @TestoLibero String note, int percentuale, BigDecimal importo, LocalDate data, Instant istante,
                 List<String> voci, Map<String, Object> libero) {
    }

    @Autowired
    ObjectMapper json;

    private Corpo leggi(String testo) throws JsonProcessingException {
        return json.readValue(testo, Corpo.class);
    }

    private static String campo(Throwable e) {
        return ErroriDiLettura.errore(e).campo();
    }

    private static String motivo(Throwable e) {
        return ErroriDiLettura.errore(e).messaggio();
    }

    @Test
    void unCorpoRegolareVieneLettoComeScritto() throws Exception {
        Corpo corpo = leggi("""
                {"nome":"Luca D'Annunzio","note":"Prima riga\\n\\tseconda","percentuale":74,"importo":5200.00,
                 "data":"1900-01-01","istante":"2027-02-01T09:30:00+01:00","voci":["a"],"libero":{"anni":20,"testo":"x"}}""");
        assertThat(corpo.note()).isEqualTo("Prima riga\n\tseconda");
        assertThat(corpo.importo()).isEqualByComparingTo("5200.00").extracting(BigDecimal::scale).isEqualTo(2);
        assertThat(corpo.istante()).isEqualTo(Instant.parse("2027-02-01T08:30:00Z"));
        assertThat(corpo.data()).isEqualTo(LocalDate.of(1900, 1, 1));
    }

    @Test
    void unCarattereDiControlloVieneRifiutatoNominandoIlCampoAncheNeiTestiLiberiENegliElenchi() {
        assertThatThrownBy(() -> leggi("{\"nome\":\"Lu\\u0000ca\"}")).satisfies(e -> {
            assertThat(campo(e)).isEqualTo("nome");
            assertThat(motivo(e)).contains("carattere nullo");
        });
        assertThatThrownBy(() -> leggi("{\"nome\":\"Lu\\nca\"}")).satisfies(e -> assertThat(motivo(e)).contains("a capo"));
        assertThatThrownBy(() -> leggi("{\"note\":\"ok\\u0000\"}")).satisfies(e -> assertThat(campo(e)).isEqualTo("note"));
        assertThatThrownBy(() -> leggi("{\"voci\":[\"a\",\"b\\u0007\"]}")).satisfies(e -> assertThat(campo(e)).isEqualTo("voci[1]"));
        assertThatThrownBy(() -> leggi("{\"libero\":{\"testo\":\"\\u202e\"}}"))
                .satisfies(e -> assertThat(campo(e)).isEqualTo("libero.testo"));
        assertThatThrownBy(() -> leggi("{\"libero\":{\"a\\u0000\":1}}")).isInstanceOf(JsonMappingException.class);
    }

    @Test
    void unNumeroDecimaleNonDiventaUnIntero() {
        assertThatThrownBy(() -> leggi("{\"percentuale\":50.5}")).satisfies(e -> {
            assertThat(campo(e)).isEqualTo("percentuale");
            assertThat(motivo(e)).isEqualTo("deve essere un numero intero");
        });
        assertThatThrownBy(() -> leggi("{\"percentuale\":1e30}")).satisfies(e -> assertThat(campo(e)).isEqualTo("percentuale"));
        assertThatThrownBy(() -> leggi("{\"percentuale\":99999999999}"))
                .satisfies(e -> assertThat(motivo(e)).contains("fuori dall'intervallo"));
    }

    @Test
    void unImportoSmisuratoVieneRifiutatoPrimaDiEssereEspanso() {
        assertThatThrownBy(() -> leggi("{\"importo\":1e30}")).satisfies(e -> assertThat(motivo(e)).isEqualTo("numero troppo grande"));
        assertThatThrownBy(() -> leggi("{\"importo\":1E+999999999}")).satisfies(e -> assertThat(campo(e)).isEqualTo("importo"));
        assertThatThrownBy(() -> leggi("{\"importo\":1e-400}")).satisfies(e -> assertThat(motivo(e)).contains("decimali"));
        assertThatThrownBy(() -> leggi("{\"importo\":true}")).satisfies(e -> assertThat(motivo(e)).contains("numero"));
    }

    @Test
    void dateEIstantiStannoTraIl1900EIl2199InFormatoIso() {
        assertThatThrownBy(() -> leggi("{\"data\":\"1899-12-31\"}")).satisfies(e -> assertThat(motivo(e)).contains("1900"));
        assertThatThrownBy(() -> leggi("{\"data\":\"-999999999-01-01\"}")).satisfies(e -> assertThat(campo(e)).isEqualTo("data"));
        assertThatThrownBy(() -> leggi("{\"data\":\"2025-02-30\"}")).satisfies(e -> assertThat(motivo(e)).contains("inesistente"));
        assertThatThrownBy(() -> leggi("{\"data\":[2025,1,1]}")).isInstanceOf(JsonMappingException.class);
        assertThatThrownBy(() -> leggi("{\"istante\":\"+999999999-01-01T09:30:00Z\"}"))
                .satisfies(e -> assertThat(campo(e)).isEqualTo("istante"));
        assertThatThrownBy(() -> leggi("{\"istante\":1893456000}")).satisfies(e -> assertThat(motivo(e)).contains("ISO 8601"));
        assertThatThrownBy(() -> leggi("{\"istante\":\"2027-02-01T09:30:00\"}")).isInstanceOf(JsonMappingException.class);
    }

    @Test
    void tipiSbagliatiEChiaviRipetuteVengonoRifiutati() {
        assertThatThrownBy(() -> leggi("{\"nome\":42}")).satisfies(e -> assertThat(motivo(e)).contains("testo"));
        assertThatThrownBy(() -> leggi("{\"nome\":\"a\",\"nome\":\"b\"}")).satisfies(e -> {
            assertThat(campo(e)).isEqualTo("nome");
            assertThat(motivo(e)).contains("più volte");
        });
    }
}
