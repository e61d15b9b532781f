package it.piattaformacasa.config.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

import org.junit.jupiter.api.Test;

import it.piattaformacasa.common.PraticaInBreve;
import it.piattaformacasa.common.Termini;

/** How a task's name and its «Termine» read in Tasklist's list, without an engine. */
class PraticaDellAttivitaListenerTest {

    private static final ZoneId ROMA = ZoneId.of("Europe/Rome");

    @Test
    void ilNomeDiceEnteComuneEAvviso() {
        PraticaInBreve pratica = new PraticaInBreve("Comune di Malnate", "Malnate", "SAP 2026 ambito di Varese",
                "Graduatoria n. 12 (provvisoria)", null);

        assertThat(PraticaDellAttivitaListener.nome("Approva graduatoria provvisoria", pratica))
                .isEqualTo("Approva graduatoria provvisoria – Comune di Malnate, Malnate – Avviso «SAP 2026 ambito di Varese»");
    }

    @Test
    void unTitoloCheIniziaConAvvisoNonLoRipeteEIlNomeAggiungeLaDomanda() {
        PraticaInBreve pratica = new PraticaInBreve("ALER Varese", "Varese", "Avviso SAP 2027 – Ambito di Varese",
                "Domanda n. 345 – istruttoria n. 7", "domanda n. 345");

        assertThat(PraticaDellAttivitaListener.nome("Verifica istruttoria", pratica))
                .isEqualTo("Verifica istruttoria – ALER Varese, Varese – «Avviso SAP 2027 – Ambito di Varese» – domanda n. 345");
    }

    @Test
    void senzaEnteEAvvisoIlNomeDiceSoloLaPratica() {
        PraticaInBreve regole = new PraticaInBreve(null, null, null, "Regole «isbar», versione 3", "«isbar», versione 3");

        assertThat(PraticaDellAttivitaListener.nome("Approva pubblicazione regole", regole))
                .isEqualTo("Approva pubblicazione regole – «isbar», versione 3");
    }

    @Test
    void unTitoloLungoSiAccorciaEIlNomeStaNeiDuecentocinquantacinqueCaratteri() {
        String titolo = "Avviso pubblico per l'assegnazione delle unità abitative disponibili destinate ai servizi abitativi "
                + "pubblici nell'ambito territoriale del Piano di zona di Varese, comprensivo dei comuni di Varese, Malnate, "
                + "Gazzada Schianno e Casciago, anno 2026, con le riserve dell'articolo 14";
        PraticaInBreve pratica = new PraticaInBreve("ALER Varese - Como - Monza Brianza - Busto Arsizio", "Varese", titolo,
                "Domanda n. 123456", "domanda n. 123456");

        String nome = PraticaDellAttivitaListener.nome("Rettifica punteggio per invalidità civile", pratica);

        assertThat(nome).hasSizeBetween(PraticaDellAttivitaListener.LUNGHEZZA_NOME - 2, PraticaDellAttivitaListener.LUNGHEZZA_NOME)
                .startsWith("Rettifica punteggio per invalidità civile – ALER Varese - Como - Monza Brianza - Busto Arsizio, "
                        + "Varese – «Avviso pubblico per l'assegnazione")
                .endsWith("…» – domanda n. 123456");
    }

    @Test
    void unaScadenzaAMezzanotteSiLeggeComeLUltimoGiornoUtile() {
        LocalDate ultimoGiorno = LocalDate.of(2026, 3, 28); // the night the clocks go forward
        assertThat(PraticaDellAttivitaListener.scadenza(Date.from(Termini.fineDel(ultimoGiorno)))).isEqualTo("28/03/2026");
    }

    @Test
    void unaScadenzaInCorsoDiGiornataDiceAncheLOraItaliana() {
        Date scadenza = Date.from(LocalDateTime.of(2026, 7, 6, 9, 5).atZone(ROMA).toInstant());
        assertThat(PraticaDellAttivitaListener.scadenza(scadenza)).isEqualTo("06/07/2026 ore 09:05");
        assertThat(PraticaDellAttivitaListener.scadenza(null)).isEqualTo("nessuna");
    }

    @Test
    void ilTermineEQuelloCheDiceIlModelloONessuno() {
        assertThat(PraticaDellAttivitaListener.termine("5 giorni dalla chiusura dell'avviso"))
                .isEqualTo("5 giorni dalla chiusura dell'avviso");
        assertThat(PraticaDellAttivitaListener.termine("nessun termine di legge")).isEqualTo("Nessun termine di legge");
        assertThat(PraticaDellAttivitaListener.termine(null)).isEqualTo("Nessun termine di legge");
    }
}
