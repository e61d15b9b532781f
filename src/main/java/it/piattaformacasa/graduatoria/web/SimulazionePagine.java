package it.piattaformacasa.graduatoria.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import it.piattaformacasa.common.web.PaginaConsole;
import it.piattaformacasa.graduatoria.SimulazioneRegole;
import it.piattaformacasa.regole.web.AvvisiPerSimulazione;

/**
 * The what-if of the analysts' workbench (issue 12): a version of the rules against a chosen avviso, shown as a table
 * per graduatoria of who moves up and down (position and ISBAR before → after), from the same service as
 * {@code POST /api/avvisi/{id}/simulazione}; nothing is written. Its form sits on the version's page (regole/web).
 */
@Controller
@PaginaConsole
class SimulazionePagine {

    /** How many changed domande the page lists (the counts are always complete). */
    static final int LIMITE = 1000;

    private final SimulazioneRegole simulazione;

    SimulazionePagine(SimulazioneRegole simulazione) {
        this.simulazione = simulazione;
    }

    record Movimento(long domandaId, int prima, int dopo, BigDecimal isbarPrima, BigDecimal isbarDopo) {
        public int salita() {
            return prima - dopo;
        }
    }

    record GraduatoriaSimulata(String ente, String comune, List<Movimento> movimenti) {
    }

    @PostMapping("/regole/{nome}/versioni/{versione}/simulazione")
    @PreAuthorize("hasAnyRole('ANALISTA', 'SUPERVISORE', 'AMMINISTRATORE')")
    String simula(@PathVariable String nome, @PathVariable int versione, @RequestParam long avvisoId, Model model) {
        SimulazioneRegole.Esito esito = simulazione.simula(avvisoId, nome, versione, LIMITE);
        Map<List<Long>, List<Movimento>> perGraduatoria = new LinkedHashMap<>();
        Set<Long> enti = new TreeSet<>();
        Set<Long> comuni = new TreeSet<>();
        for (SimulazioneRegole.Differenza d : esito.differenze()) {
            for (SimulazioneRegole.Posizione p : d.posizioni()) {
                enti.add(p.enteId());
                comuni.add(p.comuneId());
                perGraduatoria.computeIfAbsent(List.of(p.enteId(), p.comuneId()), k -> new ArrayList<>())
                        .add(new Movimento(d.domandaId(), p.prima(), p.dopo(), d.isbarPrima(), d.isbarDopo()));
            }
        }
        Map<Long, String> nomiEnti = simulazione.nomiEnti(enti);
        Map<Long, String> nomiComuni = simulazione.nomiComuni(comuni);
        List<GraduatoriaSimulata> graduatorie = new ArrayList<>();
        perGraduatoria.forEach((chiave, movimenti) -> {
            movimenti.sort(Comparator.comparingInt(Movimento::dopo));
            graduatorie.add(new GraduatoriaSimulata(nomiEnti.getOrDefault(chiave.get(0), "ente " + chiave.get(0)),
                    nomiComuni.getOrDefault(chiave.get(1), "comune " + chiave.get(1)), movimenti));
        });
        graduatorie.sort(Comparator.comparing(GraduatoriaSimulata::ente).thenComparing(GraduatoriaSimulata::comune));
        model.addAttribute("esito", esito);
        model.addAttribute("graduatorie", graduatorie);
        model.addAttribute("limite", LIMITE);
        return "regole/simulazione";
    }

    /** The avvisi with graduatorie for the version page's «Simula su un avviso». */
    @Component
    static class AvvisiConGraduatorie implements AvvisiPerSimulazione {

        private final SimulazioneRegole simulazione;

        AvvisiConGraduatorie(SimulazioneRegole simulazione) {
            this.simulazione = simulazione;
        }

        @Override
        public List<Avviso> avvisiConGraduatorie() {
            return simulazione.avvisiConGraduatorie().stream().map(a -> new Avviso(a.id(), a.titolo(), a.domande(), a.graduatorie())).toList();
        }
    }
}
