package it.piattaformacasa.report.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import it.piattaformacasa.avviso.AvvisoService;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.ItalianFormats;
import it.piattaformacasa.common.NonTrovatoException;
import it.piattaformacasa.common.web.Console;
import it.piattaformacasa.common.web.PaginaConsole;
import it.piattaformacasa.common.web.PaginazioneConsole;
import it.piattaformacasa.report.ReportService;
import it.piattaformacasa.report.Tabella;

/**
 * «Report» of the console (issue 12; seed 000 «report dinamici a supporto dell'istruttoria»): the four reports of the
 * guide, each with its filters, shown as a table paged on the server and downloaded whole as .xlsx or CSV. The same
 * service as the API ({@code GET /api/avvisi/{id}/report/{nome}}, {@code GET /api/enti/{id}/riserve/{anno}/stato-assegnazioni}),
 * so an operator sees the rows of its enti only. The avviso's page keeps its own download links
 * ({@code /avvisi/{id}/report/{nome}}): the API's session-less address asks for Basic credentials.
 */
@Controller
@PaginaConsole
class ReportPagine {

    /** How many avvisi the «Avviso» filter offers, the most recent first. */
    static final int AVVISI_NELLA_SCELTA = 500;

    /** The four reports of seed 000, in the guide's order; {@code report} null for the one that is not an avviso's. */
    enum Quale {
        DOMANDE_IN_AVVISO("domande-in-avviso", ReportService.Report.DOMANDE_IN_AVVISO),
        ALLOGGI_IN_AVVISO("alloggi-in-avviso", ReportService.Report.ALLOGGI_IN_AVVISO),
        STATO_ASSEGNAZIONI("stato-assegnazioni", null),
        DOMANDE_NON_ASSEGNATARIE("domande-non-assegnatarie", ReportService.Report.DOMANDE_NON_ASSEGNATARIE);

        final String nome;
        final ReportService.Report report;

        Quale(String nome, ReportService.Report report) {
            this.nome = nome;
            this.report = report;
        }

        public String getNome() {
            return nome;
        }

        public boolean isDellAvviso() {
            return report != null;
        }

        static Quale di(String nome) {
            return Arrays.stream(values()).filter(q -> q.nome.equals(nome)).findFirst()
                    .orElseThrow(() -> DatiNonValidiException.campo("report", "report sconosciuto (ammessi: "
                            + String.join(", ", Arrays.stream(values()).map(q -> q.nome).toList()) + ")"));
        }
    }

    /** One report of the list: whether this person can run it, and why not. */
    record Voce(Quale quale, boolean disponibile) {
    }

    /** The filters read from the address, validated; null means not given. */
    record Richiesta(Quale quale, Long avviso, Long ente, Long comune, String stato, Integer anno) {

        ReportService.Filtri filtri() {
            return new ReportService.Filtri(ente, comune, stato);
        }

        /** Ready to run: the avviso for an avviso's report, the ente and the year for the stato delle assegnazioni. */
        boolean completa() {
            return quale.isDellAvviso() ? avviso != null : ente != null && anno != null;
        }

        String file() {
            return quale.isDellAvviso() ? quale.nome + "-avviso-" + avviso : "stato-assegnazioni-" + ente + "-" + anno;
        }

        UriComponentsBuilder indirizzo(String percorso) {
            UriComponentsBuilder uri = UriComponentsBuilder.fromPath(percorso).queryParam("report", quale.nome);
            if (quale.isDellAvviso()) {
                uri.queryParam("avviso", avviso);
                Optional.ofNullable(ente).ifPresent(e -> uri.queryParam("ente", e));
                Optional.ofNullable(comune).ifPresent(c -> uri.queryParam("comune", c));
                Optional.ofNullable(stato).ifPresent(s -> uri.queryParam("stato", s));
            } else {
                uri.queryParam("ente", ente).queryParam("anno", anno);
            }
            return uri;
        }
    }

    /** A value of the «Stato della domanda» filter and the key of its words in the messages. */
    record StatoDomanda(String valore, String chiave) {
    }

    /** A row of the table as the page prints it: each cell's text (the CSV's) and whether it is a number. */
    record Cella(String testo, boolean numero) {
    }

    private final ReportService report;
    private final AvvisoService avvisi;

    ReportPagine(ReportService report, AvvisoService avvisi) {
        this.report = report;
        this.avvisi = avvisi;
    }

    @GetMapping("/report")
    String pagina(@RequestParam(name = "report", required = false) String nome,
                  @RequestParam(required = false) String avviso, @RequestParam(required = false) String ente,
                  @RequestParam(required = false) String comune, @RequestParam(required = false) String stato,
                  @RequestParam(required = false) String anno, @RequestParam(defaultValue = "1") String pagina, Model model) {
        boolean degliAvvisi = report.vedeIReportDegliAvvisi();
        model.addAttribute("voci", Arrays.stream(Quale.values()).map(q -> new Voce(q, !q.isDellAvviso() || degliAvvisi)).toList());
        if (nome == null || nome.isBlank()) {
            return "report/report";
        }
        Richiesta richiesta = richiesta(nome, avviso, ente, comune, stato, anno);
        model.addAttribute("richiesta", richiesta);
        model.addAttribute("scelto", richiesta.quale());
        if (richiesta.quale().isDellAvviso()) {
            if (!degliAvvisi) {
                throw new NonTrovatoException("Nessun ente abilitato: i report degli avvisi mostrano le righe degli enti a cui "
                        + "l'utente è abilitato.");
            }
            List<AvvisoService.AvvisoInElenco> scelta = new ArrayList<>(avvisi.elenco(new AvvisoService.FiltroAvvisi(null, null),
                    AvvisoService.OrdineAvvisi.APERTURA, false, PageRequest.of(0, AVVISI_NELLA_SCELTA)).getContent());
            if (richiesta.avviso() != null && scelta.stream().noneMatch(a -> a.id() == richiesta.avviso())) {
                scelta.add(0, avvisoVisibile(richiesta.avviso()));
            }
            model.addAttribute("avvisi", scelta);
            model.addAttribute("enti", report.entiDeiReport());
            model.addAttribute("comuni", richiesta.avviso() == null ? List.of() : report.comuniDellAvviso(richiesta.avviso()));
            model.addAttribute("stati", ReportService.STATI_DOMANDA.stream()
                    .map(v -> new StatoDomanda(v, v.replaceAll("[^A-Z]", "_"))).toList());
        } else {
            model.addAttribute("enti", report.entiDelloStatoAssegnazioni());
            model.addAttribute("annoProposto", richiesta.anno() != null ? richiesta.anno()
                    : LocalDate.now(ItalianFormats.ZONE).getYear());
        }
        if (!richiesta.completa()) {
            return "report/report";
        }
        Tabella tabella = tabella(richiesta);
        int dimensione = Console.RIGHE_PER_PAGINA;
        PaginazioneConsole paginazione = PaginazioneConsole.di(numero(pagina), dimensione, tabella.righe().size(),
                n -> richiesta.indirizzo("/report").queryParam("pagina", n).encode().toUriString());
        int dal = paginazione.indice() * dimensione;
        model.addAttribute("tabella", tabella);
        model.addAttribute("righe", tabella.righe().subList(Math.min(dal, tabella.righe().size()),
                Math.min(dal + dimensione, tabella.righe().size())).stream()
                .map(r -> r.stream().map(v -> new Cella(Tabella.testoCella(v), v instanceof Number)).toList()).toList());
        model.addAttribute("numeriche", colonneNumeriche(tabella));
        model.addAttribute("paginazione", paginazione);
        model.addAttribute("scaricaXlsx", richiesta.indirizzo("/report/scarica").queryParam("formato", "xlsx").encode().toUriString());
        model.addAttribute("scaricaCsv", richiesta.indirizzo("/report/scarica").queryParam("formato", "csv").encode().toUriString());
        return "report/report";
    }

    /** «Scarica (.xlsx)» and «Scarica (.csv)»: the whole filtered report, as the API's download. */
    @GetMapping("/report/scarica")
    ResponseEntity<?> scaricaFiltrato(@RequestParam(name = "report", required = false) String nome,
                                      @RequestParam(required = false) String avviso, @RequestParam(required = false) String ente,
                                      @RequestParam(required = false) String comune, @RequestParam(required = false) String stato,
                                      @RequestParam(required = false) String anno,
                                      @RequestParam(defaultValue = "xlsx") String formato) {
        formato(formato);
        Richiesta richiesta = richiesta(nome == null ? "" : nome, avviso, ente, comune, stato, anno);
        if (!richiesta.completa()) {
            throw DatiNonValidiException.campo(richiesta.quale().isDellAvviso() ? "avviso" : "ente",
                    richiesta.quale().isDellAvviso() ? "scegliere l'avviso" : "scegliere l'ente e l'anno");
        }
        if (richiesta.quale().isDellAvviso() && report.vedeIReportDegliAvvisi()) {
            avvisoVisibile(richiesta.avviso());
        }
        Tabella tabella = tabella(richiesta);
        return Scaricamento.di(tabella, tabella, formato, richiesta.file());
    }

    /** The avviso's download links (its page): the API's file for a console session. */
    @GetMapping("/avvisi/{id}/report/{nome}")
    ResponseEntity<?> scarica(@PathVariable("id") long avvisoId, @PathVariable String nome,
                              @RequestParam(defaultValue = "xlsx") String formato) {
        formato(formato);
        Tabella tabella = report.report(avvisoId, ReportController.quale(nome));
        return Scaricamento.di(tabella, tabella, formato, nome + "-avviso-" + avvisoId);
    }

    /** The columns whose values are all numbers (or empty): their titles align right, as their values. */
    static List<Boolean> colonneNumeriche(Tabella tabella) {
        List<Boolean> numeriche = new ArrayList<>();
        for (int c = 0; c < tabella.colonne().size(); c++) {
            int colonna = c;
            numeriche.add(!tabella.righe().isEmpty() && tabella.righe().stream()
                    .allMatch(r -> colonna >= r.size() || r.get(colonna) == null || r.get(colonna) instanceof Number));
        }
        return numeriche;
    }

    private Tabella tabella(Richiesta richiesta) {
        return richiesta.quale().isDellAvviso()
                ? report.report(richiesta.avviso(), richiesta.quale().report, richiesta.filtri())
                : report.statoAssegnazioni(richiesta.ente(), richiesta.anno());
    }

    /** An avviso of the ambiti the person works in (the avvisi's list), else not found. */
    private AvvisoService.AvvisoInElenco avvisoVisibile(long id) {
        return avvisi.elenco(new AvvisoService.FiltroAvvisi(null, Long.toString(id)), AvvisoService.OrdineAvvisi.APERTURA, false,
                        PageRequest.of(0, 50)).getContent().stream().filter(a -> a.id() == id).findFirst()
                .orElseThrow(() -> new NonTrovatoException("Avviso " + id + " non trovato"));
    }

    private static void formato(String formato) {
        if (!formato.equals("xlsx") && !formato.equals("csv")) {
            throw DatiNonValidiException.campo("formato", "formato sconosciuto (ammessi: xlsx, csv)");
        }
    }

    static Richiesta richiesta(String nome, String avviso, String ente, String comune, String stato, String anno) {
        Quale quale = Quale.di(nome.strip());
        List<DatiNonValidiException.Errore> errori = new ArrayList<>();
        Long avvisoId = id("avviso", "l'avviso", avviso, errori);
        Long enteId = id("ente", "l'ente", ente, errori);
        Long comuneId = id("comune", "il comune", comune, errori);
        String statoScelto = stato == null || stato.isBlank() ? null : stato.strip();
        if (statoScelto != null && (quale != Quale.DOMANDE_IN_AVVISO || !ReportService.STATI_DOMANDA.contains(statoScelto))) {
            errori.add(new DatiNonValidiException.Errore("stato", "Stato della domanda: valore non ammesso."));
        }
        Integer annoScelto = null;
        if (anno != null && !anno.isBlank()) {
            try {
                annoScelto = Integer.valueOf(anno.strip());
                if (annoScelto < 2017 || annoScelto > 2100) {
                    errori.add(new DatiNonValidiException.Errore("anno", "Anno: tra il 2017 e il 2100."));
                }
            } catch (NumberFormatException e) {
                errori.add(new DatiNonValidiException.Errore("anno", "Anno: deve essere un numero di quattro cifre."));
            }
        }
        if (!errori.isEmpty()) {
            throw new DatiNonValidiException("Filtri del report non validi.", errori);
        }
        if (!quale.isDellAvviso()) {
            return new Richiesta(quale, null, enteId, null, null, annoScelto);
        }
        return new Richiesta(quale, avvisoId, enteId, comuneId, statoScelto, null);
    }

    private static Long id(String campo, String cosa, String valore, List<DatiNonValidiException.Errore> errori) {
        if (valore == null || valore.isBlank()) {
            return null;
        }
        if (!valore.strip().matches("[0-9]{1,18}")) {
            errori.add(new DatiNonValidiException.Errore(campo, "Scegliere " + cosa + " dall'elenco: «" + abbrevia(valore)
                    + "» non è un identificativo."));
            return null;
        }
        return Long.valueOf(valore.strip());
    }

    private static String abbrevia(String valore) {
        String v = valore.strip();
        return v.length() > 20 ? v.substring(0, 20) + "…" : v;
    }

    /** A page number from the address: anything else is the first page. */
    static int numero(String pagina) {
        try {
            return Math.max(1, Math.min(Integer.parseInt(pagina.strip()), 1_000_000));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
