package it.piattaformacasa.scadenze;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import it.piattaformacasa.anagrafe.AnagrafeService;
import it.piattaformacasa.anagrafe.EnteProprietario;
import it.piattaformacasa.common.AccessoNegatoException;
import it.piattaformacasa.common.ItalianFormats;
import it.piattaformacasa.common.sicurezza.Gruppi;
import it.piattaformacasa.common.sicurezza.UtenteCorrente;

/**
 * The open legal deadlines (issue 12) for the supervisors' page, its pictures and the {@code piattaforma_scadenze}
 * metric. Supervisors and administrators see every ente's; an operator sees those held by the groups of its enti
 * (as Tasklist shows it its tasks); an analyst none, like {@code /api/scadenze}.
 */
@Service
public class ScadenzeDiLeggeService {

    public record Filtro(StatoScadenza stato, Long enteId, TipoScadenza tipo) {
        public static final Filtro NESSUNO = new Filtro(null, null, null);
    }

    public record Conteggi(long scadute, long inScadenza, long neiTermini) {
        public long di(StatoScadenza stato) {
            return switch (stato) {
                case SCADUTA -> scadute;
                case IN_SCADENZA -> inScadenza;
                case NEI_TERMINI -> neiTermini;
            };
        }

        public long totale() {
            return scadute + inScadenza + neiTermini;
        }
    }

    /** One page of the list: its rows, how many match in all, the page (from 0) and its size. */
    public record Elenco(List<ScadenzaDiLegge> righe, long totale, int pagina, int perPagina, Instant adesso) {
        public int pagine() {
            return (int) Math.max(1, (totale + perPagina - 1) / perPagina);
        }
    }

    /** The deadlines falling in one week ahead, by kind. */
    public record Settimana(LocalDate dal, LocalDate al, Map<TipoScadenza, Long> perTipo) {
        public long totale() {
            return perTipo.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** An ente's deadline tasks completed this year, and how many of them in time. */
    public record Puntualita(String ente, long completate, long inTempo) {
        public int percentuale() {
            return completate == 0 ? 0 : (int) Math.round(100.0 * inTempo / completate);
        }
    }

    /**
     * What a person may see: the candidate groups, its enti, their codici fiscali and names; null groups for every
     * ente (and then none of the rest).
     */
    private record Vista(Set<String> gruppi, Set<String> codici, Set<String> nomi, List<EnteProprietario> enti) {
        boolean tutti() {
            return gruppi == null;
        }

        boolean vede(ScadenzaDiLegge s) {
            return tutti() || s.codiciEnte().stream().anyMatch(codici::contains);
        }
    }

    private static final Vista TUTTI = new Vista(null, null, null, null);
    /** Later than any deadline (a timestamp every database column takes). */
    private static final Instant FINE_DEI_TEMPI = Instant.parse("9999-01-01T00:00:00Z");

    private final ScadenzeProcesso processo;
    private final AnagrafeService anagrafe;
    private final UtenteCorrente utente;
    private final Clock clock;

    ScadenzeDiLeggeService(ScadenzeProcesso processo, AnagrafeService anagrafe, UtenteCorrente utente, Clock clock) {
        this.processo = processo;
        this.anagrafe = anagrafe;
        this.utente = utente;
        this.clock = clock;
    }

    /** The enti whose deadlines the person may see, for the filter. */
    public List<EnteProprietario> entiVisibili() {
        Vista vista = vista();
        // sorted here, not by the query: the database's collation may order accents and case differently
        return (vista.tutti() ? anagrafe.enti() : vista.enti()).stream()
                .sorted(Comparator.comparing(EnteProprietario::getRagioneSociale)).toList();
    }

    public Conteggi conteggi() {
        return conteggi(vista(), null);
    }

    /** Every ente's counts, for the metric (no person behind it). */
    public Conteggi conteggiDiTuttiGliEnti() {
        return conteggi(TUTTI, null);
    }

    public Elenco elenco(Filtro filtro, int pagina, int perPagina) {
        if (pagina < 0 || perPagina < 1) {
            throw new IllegalArgumentException("pagina e righe per pagina non valide");
        }
        Vista vista = vista();
        Instant adesso = Instant.now(clock);
        ScadenzeProcesso.Criteri criteri = criteri(vista, filtro, adesso);
        List<ScadenzaDiLegge> finestre = finestre(vista, filtro, adesso);
        long attivita = processo.contaAttivitaDiLegge(criteri);
        long totale = attivita + finestre.size();
        int primo = pagina * perPagina;
        if (finestre.isEmpty()) {
            return new Elenco(processo.attivitaDiLegge(criteri, primo, perPagina, true), totale, pagina, perPagina, adesso);
        }
        // a few timers among the tasks: merge by due date, then read the details of the page's tasks only
        List<ScadenzaDiLegge> leggere = new ArrayList<>(processo.attivitaDiLegge(criteri, 0, primo + perPagina, false));
        leggere.addAll(finestre);
        leggere.sort(Comparator.comparing(ScadenzaDiLegge::scadenza));
        List<ScadenzaDiLegge> pagine = leggere.subList(Math.min(primo, leggere.size()), Math.min(primo + perPagina, leggere.size()));
        long taskPrima = leggere.subList(0, Math.min(primo, leggere.size())).stream().filter(s -> s.taskId() != null).count();
        long taskNellaPagina = pagine.stream().filter(s -> s.taskId() != null).count();
        List<ScadenzaDiLegge> dettagli = processo.attivitaDiLegge(criteri, (int) taskPrima, (int) taskNellaPagina, true);
        List<ScadenzaDiLegge> righe = new ArrayList<>();
        int t = 0;
        for (ScadenzaDiLegge s : pagine) {
            righe.add(s.taskId() == null ? s : (t < dettagli.size() ? dettagli.get(t++) : s));
        }
        return new Elenco(righe, totale, pagina, perPagina, adesso);
    }

    /**
     * The deadlines due in each of the next {@code settimane} weeks (from today in Rome), by kind: counted by the
     * database per week and kind, not read (issue 17).
     */
    public List<Settimana> perSettimana(int settimane) {
        Vista vista = vista();
        Instant adesso = Instant.now(clock);
        LocalDate oggi = LocalDate.ofInstant(adesso, ItalianFormats.ZONE);
        // the first week from now (what is past is overdue, not in the chart), the others from midnight in Rome
        List<Instant> confini = new ArrayList<>(List.of(adesso));
        for (int i = 1; i <= settimane; i++) {
            confini.add(oggi.plusWeeks(i).atStartOfDay(ItalianFormats.ZONE).toInstant());
        }
        ScadenzeProcesso.Criteri criteri = new ScadenzeProcesso.Criteri(EnumSet.allOf(TipoScadenza.class), vista.gruppi(),
                null, null);
        Map<TipoScadenza, long[]> conti = processo.contaAttivitaDiLeggeTra(criteri, confini);
        List<ScadenzaDiLegge> finestre = processo.finestreRettifiche().stream().filter(vista::vede).toList();
        List<Settimana> risultato = new ArrayList<>();
        for (int i = 0; i < settimane; i++) {
            LocalDate dal = oggi.plusWeeks(i);
            Instant inizio = confini.get(i);
            Instant finoA = confini.get(i + 1);
            Map<TipoScadenza, Long> perTipo = new EnumMap<>(TipoScadenza.class);
            int settimana = i;
            conti.forEach((tipo, perIntervallo) -> {
                if (perIntervallo[settimana] > 0) {
                    perTipo.put(tipo, perIntervallo[settimana]);
                }
            });
            finestre.stream().filter(s -> !s.scadenza().isBefore(inizio) && s.scadenza().isBefore(finoA))
                    .forEach(s -> perTipo.merge(s.tipo(), 1L, Long::sum));
            risultato.add(new Settimana(dal, dal.plusDays(6), perTipo));
        }
        return risultato;
    }

    /**
     * Each ente's deadline tasks completed since 1 January (Rome), from the engine's history: in time when completed
     * by their due date. A rettifica nobody decided is accepted by silence and is not late work; a window is no one's.
     */
    public List<Puntualita> puntualitaNellAnno() {
        Vista vista = vista();
        Instant adesso = Instant.now(clock);
        ZonedDateTime ora = adesso.atZone(ItalianFormats.ZONE);
        Instant inizioAnno = LocalDate.of(ora.getYear(), 1, 1).atStartOfDay(ItalianFormats.ZONE).toInstant();
        Map<String, long[]> perEnte = new TreeMap<>();
        for (ScadenzeProcesso.Esito esito : processo.completateTra(inizioAnno, adesso)) {
            if (!esito.tipo().puoEssereInRitardo() || !(vista.tutti() || vista.nomi().contains(esito.ente()))) {
                continue;
            }
            long[] conti = perEnte.computeIfAbsent(esito.ente(), e -> new long[2]);
            conti[0]++;
            if (esito.inTempo()) {
                conti[1]++;
            }
        }
        return perEnte.entrySet().stream().map(e -> new Puntualita(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }

    /** The three counts from one aggregate query (issue 17) and one read of the rettifica windows. */
    private Conteggi conteggi(Vista vista, Filtro filtro) {
        Instant adesso = Instant.now(clock);
        Filtro f = new Filtro(null, filtro == null ? null : filtro.enteId(), filtro == null ? null : filtro.tipo());
        // the states' boundaries (StatoScadenza.di); the engine's queries read due dates after the epoch only
        List<Instant> confini = List.of(Instant.EPOCH.plusMillis(1), adesso, adesso.plus(StatoScadenza.PREAVVISO), FINE_DEI_TEMPI);
        long[] conti = new long[3];
        processo.contaAttivitaDiLeggeTra(criteri(vista, f, adesso), confini).values().forEach(perStato -> {
            for (int i = 0; i < conti.length; i++) {
                conti[i] += perStato[i];
            }
        });
        for (ScadenzaDiLegge finestra : finestre(vista, f, adesso)) {
            conti[finestra.stato(adesso).ordinal()]++;
        }
        return new Conteggi(conti[StatoScadenza.SCADUTA.ordinal()], conti[StatoScadenza.IN_SCADENZA.ordinal()],
                conti[StatoScadenza.NEI_TERMINI.ordinal()]);
    }

    private ScadenzeProcesso.Criteri criteri(Vista vista, Filtro filtro, Instant adesso) {
        Set<TipoScadenza> tipi = filtro.tipo() == null ? EnumSet.allOf(TipoScadenza.class) : EnumSet.of(filtro.tipo());
        Set<String> gruppi = vista.gruppi();
        if (filtro.enteId() != null) {
            Set<String> dellEnte = gruppi(Set.of(codice(filtro.enteId())));
            gruppi = gruppi == null ? dellEnte : gruppi.stream().filter(dellEnte::contains).collect(Collectors.toSet());
        }
        Instant dopo = null;
        Instant prima = null;
        if (filtro.stato() != null) {
            switch (filtro.stato()) {
                case SCADUTA -> prima = adesso;
                case IN_SCADENZA -> {
                    dopo = adesso;
                    prima = adesso.plus(StatoScadenza.PREAVVISO);
                }
                case NEI_TERMINI -> dopo = adesso.plus(StatoScadenza.PREAVVISO);
            }
        }
        return new ScadenzeProcesso.Criteri(tipi, gruppi, dopo, prima);
    }

    private List<ScadenzaDiLegge> finestre(Vista vista, Filtro filtro, Instant adesso) {
        if (filtro.tipo() != null && filtro.tipo() != TipoScadenza.FINESTRA_RETTIFICHE) {
            return List.of();
        }
        String codiceEnte = filtro.enteId() == null ? null : codice(filtro.enteId());
        return processo.finestreRettifiche().stream().filter(vista::vede)
                .filter(s -> codiceEnte == null || s.codiciEnte().contains(codiceEnte))
                .filter(s -> filtro.stato() == null || s.stato(adesso) == filtro.stato())
                .sorted(Comparator.comparing(ScadenzaDiLegge::scadenza)).toList();
    }

    private String codice(long enteId) {
        EnteProprietario ente = anagrafe.ente(enteId);
        if (!utente.puoVedereEnte(enteId)) {
            throw new AccessoNegatoException("Le scadenze di " + ente.getRagioneSociale() + " non sono tra quelle dei tuoi enti");
        }
        return ente.getCodiceFiscale().valore();
    }

    private Vista vista() {
        if (utente.vedeTuttiGliEnti()) {
            return TUTTI;
        }
        Set<Long> enti = utente.entiAbilitati();
        if (enti.isEmpty()) {
            throw new AccessoNegatoException("Le scadenze di legge sono dei supervisori e degli operatori degli enti");
        }
        // the person's own enti only: every page of «Scadenze» asks this four or five times, and a region has 1,500
        List<EnteProprietario> propri = anagrafe.enti(enti);
        Set<String> codici = propri.stream().map(e -> e.getCodiceFiscale().valore()).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> nomi = propri.stream().map(EnteProprietario::getRagioneSociale).collect(Collectors.toSet());
        return new Vista(gruppi(codici), codici, nomi, propri);
    }

    private static Set<String> gruppi(Set<String> codici) {
        Set<String> gruppi = new LinkedHashSet<>();
        for (String codice : codici) {
            it.piattaformacasa.common.CodiceFiscale cf = it.piattaformacasa.common.CodiceFiscale.of(codice);
            gruppi.add(Gruppi.ente(cf));
            gruppi.add(Gruppi.gestioneAvviso(cf));
            gruppi.add(Gruppi.istruttoria(cf));
        }
        return gruppi;
    }
}
