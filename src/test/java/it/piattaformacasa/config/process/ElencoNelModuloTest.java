package it.piattaformacasa.config.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The engine guard on a form's dynamic list (forms/seleziona-alloggi.form), without an engine. */
class ElencoNelModuloTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    Map<String, CampiDelForm.Campo> campi;
    CampiDelForm.Campo elenco;

    @BeforeEach
    void leggiIlModulo() throws Exception {
        campi = new LinkedHashMap<>();
        CampiDelForm.raccogli(JSON.readTree(Files.readString(Path.of("forms/seleziona-alloggi.form"))), campi);
        // the options the platform writes on the task (valuesKey), as the guard reads them
        CampiDelForm.Campo letto = campi.get("alloggiDaInserire");
        Map<String, CampiDelForm.Campo> elementi = new LinkedHashMap<>(letto.elementi());
        CampiDelForm.Campo alloggio = elementi.get("alloggioId");
        elementi.put("alloggioId", new CampiDelForm.Campo(alloggio.chiave(), alloggio.tipo(), alloggio.obbligatorio(),
                Set.of("19", "20"), alloggio.lunghezzaMassima(), alloggio.chiaveValori(), alloggio.etichetta()));
        elenco = new CampiDelForm.Campo(letto.chiave(), letto.tipo(), false, Set.of(), null, null, letto.etichetta(), elementi);
    }

    @Test
    void laListaEUnCampoSoloEISuoiCampiNonSonoDelModulo() {
        assertThat(campi).containsOnlyKeys("alloggiDaInserire", "selezioneCompletata", "noteSelezione");
        CampiDelForm.Campo lista = campi.get("alloggiDaInserire");
        assertThat(lista.elenco()).isTrue();
        assertThat(lista.elementi()).containsOnlyKeys("alloggioId", "tipologia", "tipologiaRiscaldamento", "speseAnnueUtenze",
                "interventi", "costoInterventi");
        assertThat(lista.elementi().get("alloggioId").chiaveValori()).isEqualTo("alloggiSelezionabili");
        assertThat(lista.elementi().get("tipologia").valoriAmmessi()).hasSize(4);
        assertThat(lista.elementi().get("tipologiaRiscaldamento").lunghezzaMassima()).isEqualTo(120);
        // required only for «stato di fatto», which the step after the task checks
        assertThat(lista.elementi().get("speseAnnueUtenze").obbligatorio()).isTrue();
        assertThat(lista.elementi().get("costoInterventi").obbligatorio()).isFalse();
    }

    @Test
    void unCampoCheIlModuloPuoNascondereNonEObbligatorioPerLaGuardia() throws Exception {
        Map<String, CampiDelForm.Campo> letti = new LinkedHashMap<>();
        CampiDelForm.raccogli(JSON.readTree("{\"components\":[{\"type\":\"textfield\",\"key\":\"a\",\"validate\":{\"required\":true},"
                + "\"conditional\":{\"hide\":\"=b\"}},{\"type\":\"textfield\",\"key\":\"b\",\"validate\":{\"required\":true}}]}"), letti);
        // form-js does not submit a hidden field, and the guard does not evaluate FEEL
        assertThat(letti.get("a").obbligatorio()).isFalse();
        assertThat(letti.get("b").obbligatorio()).isTrue();
    }

    @Test
    void righeCompleteSonoAmmesseComeJsonDiTasklistOComeTesto() {
        String righe = "[{\"alloggioId\":19,\"tipologia\":\"IMMEDIATAMENTE_ASSEGNABILE\",\"tipologiaRiscaldamento\":\"Autonomo\","
                + "\"speseAnnueUtenze\":1200.5},{\"alloggioId\":\"20\",\"tipologia\":\"STATO_DI_FATTO_INTERVENTI_ENTE\","
                + "\"tipologiaRiscaldamento\":\"Centralizzato\",\"speseAnnueUtenze\":\"900\",\"interventi\":\"Bagno e impianti\","
                + "\"costoInterventi\":15000}]";
        assertThat(GuardiaAttivita.verificaElenco(elenco, SpinValues.jsonValue(righe).create())).isEmpty();
        assertThat(GuardiaAttivita.verificaElenco(elenco, righe)).isEmpty();
        assertThat(GuardiaAttivita.verificaElenco(elenco, null)).as("no rows: nothing to add").isEmpty();
        assertThat(GuardiaAttivita.verificaElenco(elenco, "[]")).isEmpty();
    }

    @Test
    void ogniCampoDellaRigaSegueLeSueRegole() {
        String righe = "[{\"alloggioId\":21,\"tipologia\":\"SFITTO\",\"tipologiaRiscaldamento\":\"" + "x".repeat(121) + "\","
                + "\"speseAnnueUtenze\":\"molte\"},"
                + "{\"alloggioId\":19,\"tipologia\":\"IMMEDIATAMENTE_ASSEGNABILE\",\"tipologiaRiscaldamento\":\"a\\u0007b\","
                + "\"speseAnnueUtenze\":{\"euro\":1},\"interventi\":[\"x\"]},"
                + "{\"tipologiaRiscaldamento\":\"riga\\nnuova\",\"completataDa\":\"admin\"}]";
        List<String> errori = GuardiaAttivita.verificaElenco(elenco, righe);
        assertThat(errori).containsExactlyInAnyOrder(
                "riga 1, Alloggio: valore non ammesso, ammessi 19, 20".replace("19, 20",
                        String.join(", ", elenco.elementi().get("alloggioId").valoriAmmessi())),
                "riga 1, Tipologia: valore non ammesso, ammessi IMMEDIATAMENTE_ASSEGNABILE, "
                        + "ASSEGNABILE_ENTRO_CHIUSURA, STATO_DI_FATTO_INTERVENTI_ENTE, STATO_DI_FATTO_INTERVENTI_CITTADINO",
                "riga 1, Tipologia riscaldamento: al più 120 caratteri",
                "riga 1, Spese annuali per le utenze (€): atteso un numero",
                errori.stream().filter(e -> e.startsWith("riga 2, Tipologia riscaldamento: ")).findFirst()
                        .orElse("manca il carattere di controllo"),
                "riga 2, Spese annuali per le utenze (€): atteso un numero",
                "riga 2, Interventi di ristrutturazione: tipo di valore non ammesso",
                "riga 3, completataDa: campo non previsto dal modulo",
                "riga 3, Alloggio: obbligatorio",
                "riga 3, Tipologia: obbligatorio",
                errori.stream().filter(e -> e.startsWith("riga 3, Tipologia riscaldamento: ")).findFirst()
                        .orElse("manca l'a capo in un testo di una riga"),
                "riga 3, Spese annuali per le utenze (€): obbligatorio");
    }

    @Test
    void unaListaMalformataOTroppoLungaERifiutata() {
        assertThat(GuardiaAttivita.verificaElenco(elenco, "[{\"alloggioId\":")).containsExactly(
                "attesa una lista di righe (Json)");
        assertThat(GuardiaAttivita.verificaElenco(elenco, "{\"alloggioId\":19}")).containsExactly(
                "attesa una lista di righe (Json)");
        assertThat(GuardiaAttivita.verificaElenco(elenco, 42)).containsExactly("attesa una lista di righe (Json)");
        assertThat(GuardiaAttivita.verificaElenco(elenco, "[7, \"x\"]")).containsExactly(
                "riga 1: attesa una riga con i campi del modulo",
                "riga 2: attesa una riga con i campi del modulo");
        String troppe = "[" + String.join(",", java.util.Collections.nCopies(GuardiaAttivita.MASSIMO_RIGHE + 1, "{}")) + "]";
        assertThat(GuardiaAttivita.verificaElenco(elenco, troppe)).containsExactly("al più 500 righe");
    }
}
