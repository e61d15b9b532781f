package it.piattaformacasa.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import it.piattaformacasa.common.ItalianFormats;
import it.piattaformacasa.common.Termini;
import it.piattaformacasa.marche.BandiService;
import it.piattaformacasa.marche.Bando;
import it.piattaformacasa.marche.ContenitoreCondizione;
import it.piattaformacasa.marche.DomandaMarche;
import it.piattaformacasa.marche.DomandaMarche.Anagrafica;
import it.piattaformacasa.marche.DomandaMarche.ComponenteMarche;
import it.piattaformacasa.marche.DomandaMarche.Esito;
import it.piattaformacasa.marche.DomandeBandoService;
import it.piattaformacasa.marche.FaseGraduatoria;
import it.piattaformacasa.marche.GraduatoriaBandoService;
import it.piattaformacasa.marche.GraduatoriaBandoService.DatiGraduatoria;
import it.piattaformacasa.marche.GrigliaCondizioni;
import it.piattaformacasa.marche.ParametroCondizione;

/**
 * The Comune di Ancona's demo bando (issue 15, seed 004), written by its operator {@code ancona} through the same
 * services as the console: a bando closed a few weeks ago, its grid copied from the Region's model and adapted (the
 * Comune settles OGGETTIVA 3, on which the manual's two figures disagree, at 3 points), five domande filed at the desk
 * in the five steps — one excluded for its ISEE — and the graduatoria calculated, published as provisional, then one
 * manual move with its reason. So whoever logs in as {@code ancona} finds every page of the Marche procedure with data,
 * and can still make the list definitive.
 *
 * <p>Written only while the Comune has no bando, in one transaction: a start interrupted halfway writes it whole on the
 * next one. The names and codici fiscali are invented (valid check characters, Ancona's cadastral code).
 */
@Component
class BandiDemo {

    private static final Logger LOG = LoggerFactory.getLogger(BandiDemo.class);
    private static final String OPERATORE = "ancona";

    /** One domanda as the desk files it. */
    private record DatiDomanda(Anagrafica richiedente, boolean monoparentale, List<ComponenteMarche> componenti,
                               Map<ContenitoreCondizione, Set<String>> soggettive, int anniPartecipazione,
                               Map<ContenitoreCondizione, Set<String>> oggettive, Esito esito) {
    }

    private final BandiService bandi;
    private final DomandeBandoService domande;
    private final GraduatoriaBandoService graduatorie;
    private final OperatoreDemo chi;
    private final TransactionTemplate tx;
    private final Clock clock;

    BandiDemo(BandiService bandi, DomandeBandoService domande, GraduatoriaBandoService graduatorie, OperatoreDemo chi,
              TransactionTemplate tx, Clock clock) {
        this.bandi = bandi;
        this.domande = domande;
        this.graduatorie = graduatorie;
        this.chi = chi;
        this.tx = tx;
        this.clock = clock;
    }

    /** Writes the Comune di Ancona's bando if it has none; returns how many domande were filed. */
    int carica() {
        if (!chi.come(OPERATORE, bandi::bandi).isEmpty()) {
            return 0;
        }
        Integer filed = tx.execute(status -> chi.come(OPERATORE, this::scrivi));
        return filed == null ? 0 : filed;
    }

    private int scrivi() {
        LocalDate oggi = Termini.giorno(clock.instant());
        LocalDate pubblicazione = oggi.minusDays(100);
        Bando bando = bandi.crea(null, "1", pubblicazione, oggi.minusDays(40), oggi.minusDays(25));
        BandiService.VersioneCondizioni modello = bandi.copiaDaModello(bando.id());
        bandi.salvaCondizioni(bando.id(), adattata(modello.griglia()), modello.versione());

        List<DatiDomanda> elenco = domande(oggi);
        for (int i = 0; i < elenco.size(); i++) {
            deposita(bando.id(), pubblicazione.plusDays(7 + 9L * i), elenco.get(i));
        }

        GraduatoriaBandoService.Graduatoria graduatoria = graduatorie.inserisci(bando.id(), new DatiGraduatoria(oggi.minusDays(20),
                FaseGraduatoria.ISTRUTTORIA, null, null, null, null, null, null, null));
        graduatoria = graduatorie.calcola(bando.id(), false);
        graduatoria = graduatorie.salva(bando.id(), new DatiGraduatoria(oggi.minusDays(20), FaseGraduatoria.PROVVISORIA,
                "27/" + pubblicazione.getYear(), oggi.minusDays(18), null, null, null, null,
                "Graduatoria provvisoria pubblicata all'albo pretorio per 30 giorni: termine per le opposizioni."), graduatoria.version());
        // after the objections, the Commission moves the last domanda up one place: a manual move, with its reason
        GraduatoriaBandoService.Posizione ultima = graduatoria.posizioni().get(graduatoria.posizioni().size() - 1);
        graduatorie.sposta(bando.id(), ultima.domandaId(), null, "SU",
                "Accolta l'opposizione alla graduatoria provvisoria (verbale della Commissione n. 2)");
        return elenco.size();
    }

    /** The model as the Comune adopts it: OGGETTIVA 3 at 3 points (Fig. 18b), no longer a provisional value. */
    private static GrigliaCondizioni adattata(GrigliaCondizioni modello) {
        List<GrigliaCondizioni.Condizione> condizioni = new ArrayList<>();
        for (GrigliaCondizioni.Condizione c : modello.condizioni()) {
            if (c.contenitore() == ContenitoreCondizione.OGGETTIVA_3 && !c.fasce().isEmpty()) {
                GrigliaCondizioni.Fascia f = c.fasce().get(0);
                List<GrigliaCondizioni.Fascia> fasce = new ArrayList<>(c.fasce());
                fasce.set(0, new GrigliaCondizioni.Fascia(f.testo(), new BigDecimal("3"), f.oltre(), f.finoA(), f.perOgni(), false, null));
                condizioni.add(c.conFasce(fasce));
            } else {
                condizioni.add(c);
            }
        }
        return new GrigliaCondizioni(condizioni);
    }

    /** The five steps, each saved on its own as the desk does. */
    private void deposita(long bandoId, LocalDate il, DatiDomanda d) {
        DomandaMarche domanda = domande.crea(bandoId, null, il, d.richiedente());
        domanda = domande.salvaRequisiti(domanda.id(), domanda.version(), Map.of("cittadinanza", true, "residenza", true,
                "nessunaAbitazione", true, "reddito", d.richiedente().isee().compareTo(new BigDecimal("10492")) <= 0,
                "nessunaAssegnazione", true, "nucleoAutonomo", false), d.monoparentale(), d.componenti());
        domanda = domande.salvaCondizioni(domanda.id(), domanda.version(), true, d.soggettive(),
                Map.of(ParametroCondizione.ANNI_PARTECIPAZIONE, BigDecimal.valueOf(d.anniPartecipazione())));
        domanda = domande.salvaCondizioni(domanda.id(), domanda.version(), false, d.oggettive(), Map.of());
        domande.salvaEsito(domanda.id(), domanda.version(), d.esito());
    }

    private static List<DatiDomanda> domande(LocalDate oggi) {
        Esito nessuno = new Esito(false, null, false, null, null, null);
        return List.of(
                // a mother with two small children, ISEE within one assegno sociale
                new DatiDomanda(richiedente("BIANCHI", "GIULIA", "F", LocalDate.of(1988, 3, 14), "BNCGLI88C54A271Q",
                        "Via Circonvallazione 12", LocalDate.of(2010, 5, 1), "4800.00"), true, List.of(
                        figlio("BIANCHI", "TOMMASO", LocalDate.of(2018, 6, 2), "BNCTMS18H02A271L"),
                        figlio("BIANCHI", "SARA", LocalDate.of(2021, 9, 23), "BNCSRA21P63A271A")),
                        Map.of(), 2, Map.of(ContenitoreCondizione.OGGETTIVA_2, Set.of("a")), nessuno),
                // the seed's Fig. 16 family: two adults and two children, an eviction within the year
                new DatiDomanda(richiedente("DI ROCCO", "PAOLO", "M", LocalDate.of(1970, 5, 20), "DRCPLA70E20A271L",
                        "Via Maratta 40", LocalDate.of(1998, 9, 1), "7200.00"), false, List.of(
                        new ComponenteMarche("PASQUALINI", "SIMONA", LocalDate.of(1975, 9, 16), "ANCONA", "PSQSMN75P56A271D",
                                "Convivente", "Casalinga", BigDecimal.ZERO, false),
                        figlio("DI ROCCO", "VITTORIO", LocalDate.of(2008, 12, 12), "DRCVTR08T12A271S"),
                        figlio("DI ROCCO", "FEDELE", LocalDate.of(2012, 12, 20), "DRCFDL12T20A271F")),
                        Map.of(), 4, Map.of(ContenitoreCondizione.OGGETTIVA_5, Set.of("a")), nessuno),
                // two people over 75, one fully disabled, in a flat he cannot leave in a wheelchair
                new DatiDomanda(richiedente("MANCINI", "ANNA", "F", LocalDate.of(1945, 7, 2), "MNCNNA45L42A271E",
                        "Via Pizzecolli 7", LocalDate.of(1970, 1, 1), "9500.00"), false, List.of(
                        new ComponenteMarche("GIOVANNINI", "LUIGI", LocalDate.of(1942, 4, 11), "OSIMO", "GVNLGU42D11A271D",
                                "Coniuge", "Pensionato", new BigDecimal("100"), false)),
                        Map.of(ContenitoreCondizione.SOGGETTIVA_3, Set.of("a"), ContenitoreCondizione.SOGGETTIVA_8, Set.of("b")),
                        0, Map.of(ContenitoreCondizione.OGGETTIVA_3_BIS, Set.of("a")), nessuno),
                // a young couple in an improper dwelling
                new DatiDomanda(richiedente("EL AMRANI", "YOUSSEF", "M", LocalDate.of(1996, 11, 8), "LMRYSF96S08A271F",
                        "Via Torresi 3", LocalDate.of(2019, 2, 1), "6000.00"), false, List.of(
                        new ComponenteMarche("BENALI", "AMINA", LocalDate.of(1998, 2, 19), "CASABLANCA", "BNLMNA98B59A271M",
                                "Coniuge", "Impiegata", BigDecimal.ZERO, false)),
                        Map.of(ContenitoreCondizione.SOGGETTIVA_7, Set.of("a")), 0,
                        Map.of(ContenitoreCondizione.OGGETTIVA_1, Set.of("a")), nessuno),
                // over the access limit: filed, scored, and excluded at passo 5
                new DatiDomanda(richiedente("FERRI", "MARCO", "M", LocalDate.of(1980, 1, 10), "FRRMRC80A10A271Q",
                        "Corso Amendola 55", LocalDate.of(2005, 3, 1), "12400.00"), false, List.of(),
                        Map.of(), 0, Map.of(ContenitoreCondizione.OGGETTIVA_3, Set.of("a")),
                        new Esito(true, "ISEE di 12.400,00 € superiore al limite di accesso di 10.492,00 € (D.G.R. 1136/2008)",
                                false, null, null, "Comunicata l'esclusione con lettera del " + ItalianFormats.data(oggi.minusDays(30)))));
    }

    private static Anagrafica richiedente(String cognome, String nome, String sesso, LocalDate nascita, String cf, String indirizzo,
                                          LocalDate residenteDal, String isee) {
        return new Anagrafica(cognome, nome, sesso, nascita, "ANCONA", cf, "Italiana", "Ancona", indirizzo, "60121", false,
                residenteDal, null, new BigDecimal(isee));
    }

    private static ComponenteMarche figlio(String cognome, String nome, LocalDate nascita, String cf) {
        return new ComponenteMarche(cognome, nome, nascita, "ANCONA", cf, "Figlio/a a carico", "Studente", BigDecimal.ZERO, true);
    }
}
