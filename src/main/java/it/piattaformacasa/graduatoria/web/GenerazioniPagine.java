package it.piattaformacasa.graduatoria.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

import it.piattaformacasa.avviso.Avviso;
import it.piattaformacasa.avviso.AvvisoService;
import it.piattaformacasa.avviso.RegoleDellAvviso;
import it.piattaformacasa.common.ConflittoException;
import it.piattaformacasa.common.NonTrovatoException;
import it.piattaformacasa.common.web.PaginaConsole;
import it.piattaformacasa.graduatoria.CriterioFinale;
import it.piattaformacasa.graduatoria.GenerazioniService;
import it.piattaformacasa.graduatoria.Graduatoria;
import it.piattaformacasa.graduatoria.GraduatoriaService;
import it.piattaformacasa.graduatoria.RegistroGenerazioni;
import it.piattaformacasa.regole.QuadroNormativo;

/**
 * Issue 12, the run records of an avviso's generations for supervisors and administrators: each generation with its
 * parameters and digests, and «Riesegui», the same re-run as {@code POST /api/generazioni/{id}/riesecuzione} — the
 * ranking rebuilt from the recorded inputs and compared with the one written, nothing written (so a supervisor may
 * run it). The same service and the same roles as {@link GenerazioniController}.
 */
@Controller
@PaginaConsole
class GenerazioniPagine {

    /** How many characters of a SHA-256 digest the list shows: enough to tell two apart at a glance. */
    static final int CIFRE_DIGEST = 12;

    private final GenerazioniService generazioni;
    private final GraduatoriaService graduatorie;
    private final AvvisoService avvisi;
    private final RegoleDellAvviso regole;

    GenerazioniPagine(GenerazioniService generazioni, GraduatoriaService graduatorie, AvvisoService avvisi,
                      RegoleDellAvviso regole) {
        this.generazioni = generazioni;
        this.graduatorie = graduatorie;
        this.avvisi = avvisi;
        this.regole = regole;
    }

    /** A generation as a row of the page. */
    record Generazione(long id, String tipo, Long graduatoriaId, String graduatoria, Instant eseguitaIl, String passo,
                       List<String> regole, CriterioFinale criterioFinale, Boolean riserveCategorie, int numeroDomande,
                       int numeroGraduatorie, String digestInput, String digestRisultato, boolean rieseguibile) {
    }

    /** The outcome of «Riesegui», digests shortened as in the list and compared whole. */
    record Esito(long generazioneId, boolean riprodotta, String inputRegistrato, String inputRicalcolato, boolean inputUguale,
                 String risultatoRegistrato, String risultatoRicalcolato, boolean risultatoUguale, List<Differenza> differenze) {
    }

    /** A position where the recomputed ranking names another domanda (null: no domanda there). */
    record Differenza(String graduatoria, Long graduatoriaId, int posizione, Long registrata, Long ricalcolata) {
    }

    /** An ente and a comune: the key of a graduatoria within its avviso. */
    private record Chiave(long enteId, long comuneId) {
    }

    private record InBreve(long id, String nome) {
    }

    @GetMapping("/avvisi/{avvisoId}/generazioni")
    @PreAuthorize("hasAnyRole('SUPERVISORE', 'AMMINISTRATORE')")
    ModelAndView elenco(@PathVariable long avvisoId) {
        return pagina(avvisoId, null, null, HttpStatus.OK);
    }

    /** «Riesegui»: a read-only verification, so the result is shown at once (nothing to redirect away from). */
    @PostMapping("/avvisi/{avvisoId}/generazioni/{id}/riesecuzione")
    @PreAuthorize("hasAnyRole('SUPERVISORE', 'AMMINISTRATORE')")
    ModelAndView riesegui(@PathVariable long avvisoId, @PathVariable long id) {
        if (generazioni.diAvviso(avvisoId).stream().noneMatch(g -> g.id() == id)) {
            throw new NonTrovatoException("Generazione " + id + " non trovata nell'avviso " + avvisoId);
        }
        try {
            return pagina(avvisoId, generazioni.riesegui(id), null, HttpStatus.OK);
        } catch (ConflittoException e) {
            // recorded before the inputs were kept: the service's reason, on the page, with the API's 409
            return pagina(avvisoId, null, e.getMessage(), HttpStatus.CONFLICT);
        }
    }

    private ModelAndView pagina(long avvisoId, GenerazioniService.Riesecuzione riesecuzione, String nonRieseguibile,
                                HttpStatus stato) {
        Avviso avviso = avvisi.avviso(avvisoId);
        List<RegistroGenerazioni.Registro> registrate = generazioni.diAvviso(avvisoId);
        Map<Chiave, InBreve> perChiave = new HashMap<>();
        Map<Long, String> perId = new HashMap<>();
        for (Graduatoria g : graduatorie.graduatorieDi(avvisoId)) {
            String nome = g.getEnte().getRagioneSociale() + " – " + g.getComune().getNome();
            perChiave.put(new Chiave(g.getEnte().getId(), g.getComune().getId()), new InBreve(g.getId(), nome));
            perId.put(g.getId(), nome);
        }
        QuadroNormativo quadro = regole.descritte(avvisoId).descrizione();

        List<Generazione> righe = registrate.stream().map(r -> new Generazione(r.id(), r.tipo().name(), r.graduatoriaId(),
                r.graduatoriaId() == null ? null : perId.get(r.graduatoriaId()), r.eseguitaIl(), passo(r.versioneRegole(), quadro),
                r.regole().entrySet().stream().map(v -> v.getKey() + " v. " + v.getValue()).toList(), r.criterioFinale(),
                r.riserveCategorie(), r.numeroDomande(), r.numeroGraduatorie(), breve(r.digestInput()),
                breve(r.digestRisultato()), r.rieseguibile())).toList();

        ModelAndView pagina = new ModelAndView("graduatoria/generazioni");
        pagina.addObject("avviso", avviso);
        pagina.addObject("generazioni", righe);
        if (riesecuzione != null) {
            List<Differenza> differenze = new ArrayList<>();
            for (GenerazioniService.Differenza d : riesecuzione.differenze()) {
                InBreve graduatoria = perChiave.get(new Chiave(d.enteId(), d.comuneId()));
                differenze.add(new Differenza(graduatoria == null ? "ente " + d.enteId() + ", comune " + d.comuneId()
                        : graduatoria.nome(), graduatoria == null ? null : graduatoria.id(), d.posizione(),
                        d.domandaRegistrata(), d.domandaRicalcolata()));
            }
            pagina.addObject("esito", new Esito(riesecuzione.generazioneId(), riesecuzione.riprodotta(),
                    breve(riesecuzione.digestInputRegistrato()), breve(riesecuzione.digestInputRicalcolato()),
                    riesecuzione.digestInputRegistrato().equals(riesecuzione.digestInputRicalcolato()),
                    breve(riesecuzione.digestRisultatoRegistrato()), breve(riesecuzione.digestRisultatoRicalcolato()),
                    riesecuzione.digestRisultatoRegistrato().equals(riesecuzione.digestRisultatoRicalcolato()), differenze));
        }
        pagina.addObject("massimoDifferenze", GenerazioniService.MASSIMO_DIFFERENZE);
        pagina.addObject("nonRieseguibile", nonRieseguibile);
        pagina.setStatus(stato);
        return pagina;
    }

    /** The regulatory step in words when the avviso's rules give them («Secondo step del r.r. 2/2025»), else its code. */
    private static String passo(String codice, QuadroNormativo quadro) {
        if (codice == null) {
            return null;
        }
        return codice.equals(quadro.passoNormativo()) && quadro.etichettaPasso() != null ? quadro.etichettaPasso() : codice;
    }

    /** «3f9a0c12b7de…»: the first characters of a digest. */
    static String breve(String digest) {
        if (digest == null) {
            return null;
        }
        return digest.length() <= CIFRE_DIGEST ? digest : digest.substring(0, CIFRE_DIGEST) + "…";
    }
}
