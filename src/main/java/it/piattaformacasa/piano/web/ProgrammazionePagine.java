package it.piattaformacasa.piano.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.ItalianFormats;
import it.piattaformacasa.common.web.PaginaConsole;
import it.piattaformacasa.piano.CampiComunicazione;
import it.piattaformacasa.piano.ComunicazioneAnnuale;
import it.piattaformacasa.piano.PianoAnnuale;
import it.piattaformacasa.piano.ProgrammazioneService;
import it.piattaformacasa.piano.StatoPiano;
import it.piattaformacasa.report.web.Scaricamento;

/**
 * «Programmazione» (seed 001, issue 13): the annual plans of the ambiti the person works in (every ambito for
 * supervisors, administrators and analysts), the capofila's «Nuova scheda programmazione annuale», and a plan's page —
 * the scheda with its state and the actions of seed 001 (Salva, Riapri, Approva, Esporta, Annulla) for the capofila,
 * each ente's «schema comunicazione annuale» for its own operators, the report of every communication with who is late,
 * the downloads and the trail. Every rule is {@link ProgrammazioneService}'s, the API's.
 */
@Controller
@PaginaConsole
class ProgrammazionePagine {

    /** The label each field reads beside it, for the summary of errors at the top. */
    private static final Map<String, String> ETICHETTE = Map.of("ambito", "piano.pianoDiZona", "anno", "piano.annoDiRiferimento",
            "inizioComunicazioni", "piano.inizioComunicazioni", "fineComunicazioni", "piano.fineComunicazioni",
            "numeroDelibera", "piano.numeroDelibera", "dataDelibera", "piano.dataDelibera",
            "nuovaFineComunicazioni", "piano.nuovaFine");

    private final ProgrammazioneService piani;
    private final org.springframework.context.MessageSource messaggi;

    ProgrammazionePagine(ProgrammazioneService piani, org.springframework.context.MessageSource messaggi) {
        this.piani = piani;
        this.messaggi = messaggi;
    }

    /**
     * The errors as the summary at the top lists them: «Data della delibera: non può essere futura», each a link to its
     * field (an ente's scheda names its fields «c<id>-<campo>», as a page may hold several).
     */
    private Map<String, String> riepilogo(Map<String, String> errori, Long comunicazione) {
        Map<String, String> riepilogo = new LinkedHashMap<>();
        errori.forEach((campo, messaggio) -> {
            String chiave = ETICHETTE.getOrDefault(campo, "piano.campo." + campo);
            String etichetta = messaggi.getMessage(chiave, null, campo, java.util.Locale.ITALIAN);
            riepilogo.put(comunicazione == null ? campo : "c" + comunicazione + "-" + campo, etichetta + ": " + messaggio);
        });
        return riepilogo;
    }

    /** The new scheda as typed (dates as the browser sends them, aaaa-mm-gg). */
    record ModuloPiano(String ambito, String anno, String inizioComunicazioni, String fineComunicazioni) {
    }

    record ModuloDecisione(String numeroDelibera, String dataDelibera, String fineComunicazioni) {
    }

    /** The ente's scheda as typed: whole numbers and percentages with the Italian comma. */
    record ModuloComunicazione(String alloggiDisponibili, String alloggiTurnOver, String alloggiCarenzaManutentiva,
                               String alloggiNuovaEdificazione, String alloggiTransitori, String alloggiAssegnatiAnnoPrecedente,
                               String alloggiConferitiPrivati, String altraCategoria, String sogliaAnziani,
                               String sogliaMonoparentali, String sogliaDisabili, String sogliaNuovaFormazione,
                               String sogliaAltraCategoria, String sogliaForzePolizia, String sogliaPoliziaLocale,
                               String sogliaIndigenti) {

        static ModuloComunicazione di(ComunicazioneAnnuale.Dati d) {
            return new ModuloComunicazione(testo(d.alloggiDisponibili()), testo(d.alloggiTurnOver()),
                    testo(d.alloggiCarenzaManutentiva()), testo(d.alloggiNuovaEdificazione()), testo(d.alloggiTransitori()),
                    testo(d.alloggiAssegnatiAnnoPrecedente()), testo(d.alloggiConferitiPrivati()), d.altraCategoria(),
                    testo(d.sogliaAnziani()), testo(d.sogliaMonoparentali()), testo(d.sogliaDisabili()),
                    testo(d.sogliaNuovaFormazione()), testo(d.sogliaAltraCategoria()), testo(d.sogliaForzePolizia()),
                    testo(d.sogliaPoliziaLocale()), testo(d.sogliaIndigenti()));
        }

        private static String testo(Object valore) {
            if (valore == null) {
                return null;
            }
            return valore instanceof BigDecimal b ? b.stripTrailingZeros().toPlainString().replace('.', ',') : valore.toString();
        }
    }

    @GetMapping("/programmazione")
    ModelAndView elenco(@RequestParam(required = false) String ambito, @RequestParam(required = false) String anno) {
        return elenco(ambito, anno, new ModuloPiano(null, Integer.toString(LocalDate.now(ItalianFormats.ZONE).getYear()), null,
                null), Map.of(), HttpStatus.OK);
    }

    /** «Salva» of a new scheda: the API's {@code POST /api/programmazione}, then the plan's page. */
    @PostMapping("/programmazione")
    Object predisponi(@ModelAttribute ModuloPiano modulo) {
        Map<String, String> errori = new LinkedHashMap<>();
        Integer anno = anno(modulo.anno(), errori);
        LocalDate inizio = data(modulo.inizioComunicazioni(), "inizioComunicazioni", errori);
        LocalDate fine = data(modulo.fineComunicazioni(), "fineComunicazioni", errori);
        if (!errori.isEmpty()) {
            return elenco(null, null, modulo, errori, HttpStatus.BAD_REQUEST);
        }
        try {
            PianoAnnuale piano = piani.predisponi(modulo.ambito(), anno, inizio, fine);
            return vai("/programmazione/" + piano.id());
        } catch (DatiNonValidiException e) {
            e.errori().forEach(x -> errori.putIfAbsent(x.campo(), x.messaggio()));
            return elenco(null, null, modulo, errori, HttpStatus.BAD_REQUEST);
        }
    }

    @GetMapping("/programmazione/{id}")
    ModelAndView piano(@PathVariable long id) {
        return piano(id, null, null, null, Map.of(), HttpStatus.OK);
    }

    /** «Salva»: the window's dates before it opens. */
    @PostMapping("/programmazione/{id}")
    Object salva(@PathVariable long id, @ModelAttribute ModuloPiano modulo, RedirectAttributes esito) {
        Map<String, String> errori = new LinkedHashMap<>();
        LocalDate inizio = data(modulo.inizioComunicazioni(), "inizioComunicazioni", errori);
        LocalDate fine = data(modulo.fineComunicazioni(), "fineComunicazioni", errori);
        try {
            if (errori.isEmpty()) {
                piani.salva(id, inizio, fine);
                esito.addFlashAttribute("successo", "Scheda salvata: comunicazioni dal " + ItalianFormats.data(inizio) + " al "
                        + ItalianFormats.data(fine) + ".");
                return vai("/programmazione/" + id);
            }
        } catch (DatiNonValidiException e) {
            e.errori().forEach(x -> errori.putIfAbsent(x.campo(), x.messaggio()));
        }
        return piano(id, modulo, null, null, errori, HttpStatus.BAD_REQUEST);
    }

    /** «Approva», with the Assemblea dei sindaci's deliberation. */
    @PostMapping("/programmazione/{id}/approvazione")
    Object approva(@PathVariable long id, @ModelAttribute ModuloDecisione modulo, RedirectAttributes esito) {
        Map<String, String> errori = new LinkedHashMap<>();
        LocalDate data = data(modulo.dataDelibera(), "dataDelibera", errori);
        try {
            if (errori.isEmpty()) {
                PianoAnnuale piano = piani.approva(id, modulo.numeroDelibera(), data);
                esito.addFlashAttribute("successo", "Piano annuale " + piano.anno() + " approvato con la delibera n. "
                        + piano.numeroDelibera() + " del " + ItalianFormats.data(piano.dataDelibera())
                        + ": le riserve dell'anno di ogni ente e comune sono impostate.");
                return vai("/programmazione/" + id);
            }
        } catch (DatiNonValidiException e) {
            e.errori().forEach(x -> errori.putIfAbsent(x.campo(), x.messaggio()));
        }
        return piano(id, null, modulo, null, errori, HttpStatus.BAD_REQUEST);
    }

    /** «Riapri»: the window again until a new date, from a closed or approved plan. */
    @PostMapping("/programmazione/{id}/riapertura")
    Object riapri(@PathVariable long id, @ModelAttribute ModuloDecisione modulo, RedirectAttributes esito) {
        Map<String, String> errori = new LinkedHashMap<>();
        LocalDate fine = data(modulo.fineComunicazioni(), "nuovaFineComunicazioni", errori);
        try {
            if (errori.isEmpty()) {
                piani.riapri(id, fine);
                esito.addFlashAttribute("successo", "Finestra delle comunicazioni riaperta fino al " + ItalianFormats.data(fine) + ".");
                return vai("/programmazione/" + id);
            }
        } catch (DatiNonValidiException e) {
            e.errori().forEach(x -> errori.putIfAbsent(x.campo(), x.messaggio()));
        }
        return piano(id, null, modulo, null, errori, HttpStatus.BAD_REQUEST);
    }

    /** «Annulla». */
    @PostMapping("/programmazione/{id}/annullamento")
    Object annulla(@PathVariable long id, RedirectAttributes esito) {
        piani.annulla(id);
        esito.addFlashAttribute("successo", "Piano annullato.");
        return vai("/programmazione/" + id);
    }

    /** The ente's «schema comunicazione annuale»: the API's {@code PUT …/comunicazioni/{id}}. */
    @PostMapping("/programmazione/{id}/comunicazioni/{comunicazioneId}")
    Object comunica(@PathVariable long id, @PathVariable long comunicazioneId, @ModelAttribute ModuloComunicazione modulo,
                    RedirectAttributes esito) {
        Map<String, String> errori = new LinkedHashMap<>();
        ComunicazioneAnnuale.Dati dati = new ComunicazioneAnnuale.Dati(
                intero(modulo.alloggiDisponibili(), CampiComunicazione.ALLOGGI_DISPONIBILI, errori),
                intero(modulo.alloggiTurnOver(), CampiComunicazione.ALLOGGI_TURN_OVER, errori),
                intero(modulo.alloggiCarenzaManutentiva(), CampiComunicazione.ALLOGGI_CARENZA_MANUTENTIVA, errori),
                intero(modulo.alloggiNuovaEdificazione(), CampiComunicazione.ALLOGGI_NUOVA_EDIFICAZIONE, errori),
                intero(modulo.alloggiTransitori(), CampiComunicazione.ALLOGGI_TRANSITORI, errori),
                intero(modulo.alloggiAssegnatiAnnoPrecedente(), CampiComunicazione.ALLOGGI_ASSEGNATI_ANNO_PRECEDENTE, errori),
                intero(modulo.alloggiConferitiPrivati(), CampiComunicazione.ALLOGGI_CONFERITI_PRIVATI, errori),
                modulo.altraCategoria() == null || modulo.altraCategoria().isBlank() ? null : modulo.altraCategoria(),
                percentuale(modulo.sogliaAnziani(), CampiComunicazione.SOGLIA_ANZIANI, errori),
                percentuale(modulo.sogliaMonoparentali(), CampiComunicazione.SOGLIA_MONOPARENTALI, errori),
                percentuale(modulo.sogliaDisabili(), CampiComunicazione.SOGLIA_DISABILI, errori),
                percentuale(modulo.sogliaNuovaFormazione(), CampiComunicazione.SOGLIA_NUOVA_FORMAZIONE, errori),
                percentuale(modulo.sogliaAltraCategoria(), CampiComunicazione.SOGLIA_ALTRA_CATEGORIA, errori),
                percentuale(modulo.sogliaForzePolizia(), CampiComunicazione.SOGLIA_FORZE_POLIZIA, errori),
                percentuale(modulo.sogliaPoliziaLocale(), CampiComunicazione.SOGLIA_POLIZIA_LOCALE, errori),
                percentuale(modulo.sogliaIndigenti(), CampiComunicazione.SOGLIA_INDIGENTI, errori));
        try {
            if (errori.isEmpty()) {
                ComunicazioneAnnuale inviata = piani.comunica(id, comunicazioneId, dati);
                esito.addFlashAttribute("successo", "Comunicazione di " + inviata.ente() + " per " + inviata.comune()
                        + " ricevuta il " + ItalianFormats.dataOra(inviata.ricevutaIl()) + ".");
                return vai("/programmazione/" + id);
            }
        } catch (DatiNonValidiException e) {
            e.errori().forEach(x -> errori.putIfAbsent(x.campo(), x.messaggio()));
        }
        return piano(id, null, null, Map.entry(comunicazioneId, modulo), errori, HttpStatus.BAD_REQUEST);
    }

    /** «Esporta»: the report of the communications (the approved plan's export) as the API's download. */
    @GetMapping("/programmazione/{id}/report")
    ResponseEntity<?> report(@PathVariable long id, @RequestParam(defaultValue = "xlsx") String formato) {
        if (!formato.equals("xlsx") && !formato.equals("csv")) {
            throw DatiNonValidiException.campo("formato", "formato sconosciuto (ammessi: xlsx, csv)");
        }
        var tabella = piani.report(id);
        return Scaricamento.di(tabella, tabella, formato, "piano-annuale-" + id);
    }

    // -------------------------------------------------------------------------------------------------------------

    private ModelAndView elenco(String ambito, String anno, ModuloPiano modulo, Map<String, String> errori, HttpStatus stato) {
        Integer filtroAnno = anno == null || anno.isBlank() ? null : annoFiltro(anno);
        ModelAndView pagina = new ModelAndView("piano/elenco");
        pagina.addObject("piani", piani.piani(ambito == null || ambito.isBlank() ? null : ambito.strip(), filtroAnno));
        pagina.addObject("ambitiDelCapofila", piani.ambitiDelCapofila());
        pagina.addObject("filtroAnno", anno);
        pagina.addObject("modulo", modulo);
        pagina.addObject("errori", errori);
        pagina.addObject("riepilogo", riepilogo(errori, null));
        pagina.setStatus(stato);
        return pagina;
    }

    private ModelAndView piano(long id, ModuloPiano scheda, ModuloDecisione decisione,
                               Map.Entry<Long, ModuloComunicazione> comunicazione, Map<String, String> errori, HttpStatus stato) {
        ProgrammazioneService.Scheda s = piani.scheda(id);
        PianoAnnuale p = s.piano();
        ModelAndView pagina = new ModelAndView("piano/piano");
        pagina.addObject("scheda", s);
        pagina.addObject("piano", p);
        pagina.addObject("report", piani.report(id));
        pagina.addObject("moduloScheda", scheda != null ? scheda : new ModuloPiano(p.codiceAmbito(), Integer.toString(p.anno()),
                ItalianFormats.data(p.inizioComunicazioni()), ItalianFormats.data(p.fineComunicazioni())));
        pagina.addObject("moduloDecisione", decisione != null ? decisione : new ModuloDecisione(null, null, null));
        List<SchedaEnte> moduli = new java.util.ArrayList<>();
        for (ComunicazioneAnnuale c : s.comunicazioni()) {
            if (s.comunicazioniDelChiamante().contains(c.id()) && s.comunicazioniAperte().contains(c.id())) {
                moduli.add(new SchedaEnte(c, valori(comunicazione != null && comunicazione.getKey() == c.id()
                        ? comunicazione.getValue() : ModuloComunicazione.di(c.dati()))));
            }
        }
        pagina.addObject("moduliComunicazione", moduli);
        var report = piani.report(id);
        // the export keeps the seed's «19-03-2018»; the page writes dates as every page does, gg/mm/aaaa
        pagina.addObject("righeReport", report.righe().stream().map(r -> {
            List<String> celle = new java.util.ArrayList<>(r.stream()
                    .map(v -> v == null ? "—" : it.piattaformacasa.report.Tabella.testoCella(v)).toList());
            celle.set(2, celle.get(2).replace('-', '/'));
            return celle;
        }).toList());
        pagina.addObject("comunicazioneConErrori", comunicazione == null ? null : comunicazione.getKey());
        pagina.addObject("puoSalvare", s.capofila() && p.stato() == StatoPiano.PREDISPOSTO);
        pagina.addObject("puoApprovare", s.capofila() && p.stato() == StatoPiano.CHIUSO);
        pagina.addObject("puoRiaprire", s.capofila() && (p.stato() == StatoPiano.CHIUSO || p.stato() == StatoPiano.APPROVATO));
        pagina.addObject("puoAnnullare", s.capofila() && p.stato() != StatoPiano.APPROVATO && p.stato() != StatoPiano.ANNULLATO);
        pagina.addObject("errori", errori);
        pagina.addObject("riepilogo", riepilogo(errori, comunicazione == null ? null : comunicazione.getKey()));
        pagina.setStatus(stato);
        return pagina;
    }

    /** An ente's own scheda on the page, with what its form shows (as typed, or as last sent). */
    record SchedaEnte(ComunicazioneAnnuale comunicazione, Map<String, String> valori) {
    }

    private static Map<String, String> valori(ModuloComunicazione modulo) {
        Map<String, String> valori = new LinkedHashMap<>();
        for (java.lang.reflect.RecordComponent componente : ModuloComunicazione.class.getRecordComponents()) {
            try {
                Object valore = componente.getAccessor().invoke(modulo);
                valori.put(componente.getName(), valore == null ? "" : valore.toString());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return valori;
    }

    private static RedirectView vai(String percorso) {
        RedirectView pagina = new RedirectView(percorso, true);
        pagina.setStatusCode(HttpStatus.SEE_OTHER);
        return pagina;
    }

    private static Integer anno(String testo, Map<String, String> errori) {
        if (testo == null || testo.isBlank()) {
            return null;
        }
        if (!testo.strip().matches("[0-9]{4}")) {
            errori.put("anno", "anno non valido: scrivere le quattro cifre, ad esempio 2026");
            return null;
        }
        return Integer.parseInt(testo.strip());
    }

    private static int annoFiltro(String testo) {
        if (!testo.strip().matches("[0-9]{4}")) {
            throw DatiNonValidiException.campo("anno", "anno non valido: scrivere le quattro cifre, ad esempio 2026");
        }
        return Integer.parseInt(testo.strip());
    }

    /** A date as the browser's date field sends it (aaaa-mm-gg), or typed gg/mm/aaaa. */
    static LocalDate data(String testo, String campo, Map<String, String> errori) {
        if (testo == null || testo.isBlank()) {
            return null;
        }
        String pulito = testo.strip();
        try {
            if (pulito.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
                String[] parti = pulito.split("/");
                return LocalDate.of(Integer.parseInt(parti[2]), Integer.parseInt(parti[1]), Integer.parseInt(parti[0]));
            }
            if (pulito.matches("\\d{4}-\\d{2}-\\d{2}")) {
                LocalDate data = LocalDate.parse(pulito);
                if (data.getYear() >= 1900 && data.getYear() <= 2199) {
                    return data;
                }
            }
        } catch (java.time.DateTimeException e) {
            // falls through to the message
        }
        errori.put(campo, "data non valida: scrivere gg/mm/aaaa");
        return null;
    }

    private static Integer intero(String testo, String campo, Map<String, String> errori) {
        if (testo == null || testo.isBlank()) {
            return null;
        }
        String pulito = testo.strip().replace(".", "").replace(" ", "");
        if (!pulito.matches("-?[0-9]{1,9}")) {
            errori.put(campo, "scrivere un numero intero di unità, ad esempio 12");
            return null;
        }
        return Integer.valueOf(pulito);
    }

    private static BigDecimal percentuale(String testo, String campo, Map<String, String> errori) {
        if (testo == null || testo.isBlank()) {
            return null;
        }
        String pulito = testo.strip().replace("%", "").replace(" ", "").replace(',', '.');
        if (!pulito.matches("-?[0-9]{1,3}(\\.[0-9]{1,6})?")) {
            errori.put(campo, "percentuale non valida: scrivere ad esempio 12,5");
            return null;
        }
        return new BigDecimal(pulito);
    }
}
