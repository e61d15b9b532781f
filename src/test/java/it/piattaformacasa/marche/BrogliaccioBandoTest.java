package it.piattaformacasa.marche;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The points per condition the brogliaccio reads from a domanda's score detail, whatever the desk stored. */
class BrogliaccioBandoTest {

    private final BrogliaccioBando brogliaccio = new BrogliaccioBando(null, null);

    @Test
    void leVociContateSiSommanoPerCondizioneQuelleEscluseNo() {
        var punti = brogliaccio.punti("""
                {"totale": 9.5, "voci": [
                  {"condizione": "SOGGETTIVA_4", "fascia": "a", "punti": 2, "contata": true},
                  {"condizione": "SOGGETTIVA_4", "fascia": "c", "punti": 1, "contata": true},
                  {"condizione": "OGGETTIVA_1", "fascia": "a", "punti": 3, "contata": true},
                  {"condizione": "OGGETTIVA_2", "fascia": "a", "punti": 2, "contata": false},
                  {"condizione": "SCONOSCIUTA", "punti": 7},
                  {"condizione": "SOGGETTIVA_5", "fascia": "a", "punti": 0.5}]}""");
        assertThat(punti).hasSize(3);
        assertThat(punti.get(ContenitoreCondizione.SOGGETTIVA_4)).isEqualByComparingTo("3.00");
        assertThat(punti.get(ContenitoreCondizione.OGGETTIVA_1)).isEqualByComparingTo("3");
        assertThat(punti.get(ContenitoreCondizione.SOGGETTIVA_5)).isEqualByComparingTo("0.50");
        assertThat(punti).doesNotContainKey(ContenitoreCondizione.OGGETTIVA_2);
    }

    @Test
    void unaMappaSempliceODatiIllegibiliONulli() {
        assertThat(brogliaccio.punti("{\"SOGGETTIVA_1\": 5, \"OGGETTIVA_3_BIS\": 2.5, \"altro\": 1}"))
                .containsOnlyKeys(ContenitoreCondizione.SOGGETTIVA_1, ContenitoreCondizione.OGGETTIVA_3_BIS);
        assertThat(brogliaccio.punti("non è json")).isEmpty();
        assertThat(brogliaccio.punti(null)).isEmpty();
        assertThat(brogliaccio.punti("[]")).isEmpty();
        // as the desk stores it: the list of the bands applied
        assertThat(brogliaccio.punti("[{\"condizione\": \"SOGGETTIVA_1\", \"fascia\": \"a\", \"punti\": 5, \"contata\": true},"
                + " {\"condizione\": \"OGGETTIVA_2\", \"fascia\": \"a\", \"punti\": 2, \"contata\": false}]"))
                .containsOnlyKeys(ContenitoreCondizione.SOGGETTIVA_1);
    }

    @Test
    void fasceEValoriInUnaCella() {
        assertThat(brogliaccio.elenco("{\"SOGGETTIVA_3\": [\"a\"], \"OGGETTIVA_5\": [\"b\", \"e\"]}"))
                .isEqualTo("OGGETTIVA 5: b, e; SOGGETTIVA 3: a");
        assertThat(brogliaccio.elenco("{\"ANNI_PARTECIPAZIONE\": 3}")).isEqualTo("ANNI_PARTECIPAZIONE: 3");
        assertThat(brogliaccio.elenco("{}")).isNull();
    }
}
