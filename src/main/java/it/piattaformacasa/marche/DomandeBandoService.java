package it.piattaformacasa.marche;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import it.piattaformacasa.anagrafe.AnagrafeService;
import it.piattaformacasa.anagrafe.Componente;
import it.piattaformacasa.anagrafe.NucleoFamiliare;
import it.piattaformacasa.anagrafe.RelazioneParentela;
import it.piattaformacasa.common.AccessoNegatoException;
import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.common.ConflittoException;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.DatiNonValidiException.Errore;
import it.piattaformacasa.common.ItalianFormats;
import it.piattaformacasa.common.NonTrovatoException;
import it.piattaformacasa.common.sicurezza.UtenteCorrente;
import it.piattaformacasa.marche.DomandaMarche.Anagrafica;
import it.piattaformacasa.marche.DomandaMarche.ComponenteMarche;
import it.piattaformacasa.marche.DomandaMarche.Esito;

/**
 * The desk of a Marche Comune (issue 15, seed 004 «Inserisci domanda» and «Ricerca domande»): a domanda is filed for a
 * bando in five steps, each saved on its own («Salva» persists that step only).
 *
 * <p>Who: as for the bando ({@link BandiService}): its ente's operators with «Gestione avviso» file and change the
 * domande; whoever sees the ente reads them; for anyone else they do not exist (404).
 *
 * <p>Concurrency: inserting locks the bando's row, as a new version of the grid does, so the first domanda and a grid
 * save are serialized (after the first domanda the grid is frozen, seed 004 Fig. 11); every save names the
 * {@code version} it was edited from (409 when stale). The graduatoria's phase is read under a shared lock: once
 * DEFINITIVA only passo 5 and the bands of OGGETTIVA 1, 2 and 3 may change (art. 11 of Allegato A to D.G.R. 492/2008,
 * seed 004: «variare il punteggio di cui alla lettera b), n.ri 1), 2) e 3)»), and a domanda can no longer be deleted
 * once the graduatoria is PROVVISORIA.
 */
@Service
public class DomandeBandoService {

    public static final String SENZA_CONDIZIONI = "Impossibile inserire domande: il bando non ha ancora le condizioni "
            + "(definirle con «Copia da modello» o «Salva» nelle Condizioni del bando)";
    public static final String DEFINITIVA = "La graduatoria del bando è definitiva: della domanda si possono modificare solo "
            + "il riepilogo (passo 5) e le condizioni oggettive 1, 2 e 3 (art. 11 dell'allegato A alla D.G.R. 492/2008)";
    public static final String NON_ELIMINABILE = "Impossibile eliminare la domanda: la graduatoria del bando è già stata "
            + "approvata (provvisoria o definitiva)";
    /** Conditions whose bands may still change under a definitive graduatoria (lettera b), n.ri 1), 2) e 3)). */
    public static final Set<ContenitoreCondizione> VARIABILI_DOPO_DEFINITIVA = Set.of(ContenitoreCondizione.OGGETTIVA_1,
            ContenitoreCondizione.OGGETTIVA_2, ContenitoreCondizione.OGGETTIVA_3);
    private static final int MAX_COMPONENTI = 20;
    private static final BigDecimal DUE_TERZI = new BigDecimal("66.67");
    private static final BigDecimal ISEE_MASSIMO = new BigDecimal("9999999.99");

    /** A declaration of passo 2, with the seed's text (Fig. 15). */
    public record Requisito(String codice, String testo) {
    }

    /** The declarations of passo 2, in the seed's order (L.R. 36/2005, art. 20 quater; D.G.R. 1136/2008 for the ISEE). */
    public static final List<Requisito> REQUISITI = List.of(
            new Requisito("cittadinanza", "essere cittadino italiano o di un Paese appartenente all'Unione Europea, ovvero "
                    + "cittadino di Stato che non aderisce all'Unione Europea, titolare di carta di soggiorno o in possesso del "
                    + "permesso di soggiorno di durata biennale"),
            new Requisito("residenza", "avere la residenza nel Comune o prestare attività lavorativa nel Comune"),
            new Requisito("nessunaAbitazione", "non essere titolare in tutto il territorio nazionale della proprietà, uso, "
                    + "usufrutto o altro diritto reale di godimento di un'altra abitazione adeguata alle esigenze del nucleo "
                    + "familiare"),
            new Requisito("reddito", "avere un reddito del nucleo familiare, calcolato secondo i criteri stabiliti dal D.Lgs. "
                    + "n. 109/1998, non superiore al limite fissato dalla Giunta Regionale con Delibera n. 1136 del 08/09/2008 "
                    + "pari a € 10.492,00 di valore ISEE (limite aumentato del 20 per cento per le famiglie monoparentali)"),
            new Requisito("nessunaAssegnazione", "non avere avuto precedenti assegnazioni in proprietà o con patto di futura "
                    + "vendita di un alloggio realizzato con contributi pubblici o precedenti finanziamenti agevolati in "
                    + "qualunque forma concessi dallo Stato o da Enti pubblici, salvo che l'alloggio non sia più utilizzabile "
                    + "senza aver dato luogo a indennizzo o a risarcimento del danno"),
            new Requisito("nucleoAutonomo", "con la presente domanda dichiara di voler costituire un nucleo familiare autonomo "
                    + "costituito dalle persone elencate"));

    /**
     * What the desk derives from the domanda for passi 3 and 4.
     *
     * @param condizioni   the grid version the domanda is scored with (the current one before the first save of passo 3)
     * @param valori       the parametric conditions' values: computed from passi 1 and 2, ANNI_PARTECIPAZIONE as entered
     * @param ripetizioni  how many times a «per ogni» band counts (SOGGETTIVA 4: further members invalid over 2/3)
     * @param suggerimenti bands the nucleo suggests (ages): the operator confirms them by ticking
     * @param modificabili the conditions whose bands the caller may change now
     */
    public record Valutazione(DomandaMarche domanda, BandiService.VersioneCondizioni condizioni,
                              Map<ParametroCondizione, BigDecimal> valori, Map<ContenitoreCondizione, Integer> ripetizioni,
                              Map<ContenitoreCondizione, Set<String>> suggerimenti, Set<ContenitoreCondizione> modificabili) {
    }

    /**
     * What the platform already knows of an applicant («Richiedente» and «Carica», seed 004 Fig. 14–16).
     *
     * @param origine DOMANDA (an earlier domanda of the ente's bandi) or ANAGRAFE (a nucleo assegnatario of the ente)
     */
    public record DatiNoti(String origine, Anagrafica anagrafica, List<ComponenteMarche> componenti) {
    }

    private final JdbcTemplate jdbc;
    private final BandiService bandi;
    private final AnagrafeService anagrafe;
    private final PunteggioGriglia punteggio;
    private final UtenteCorrente utente;
    private final Clock clock;
    // stored JSON: its own mapper, so the API's settings never change what is read back
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    DomandeBandoService(JdbcTemplate jdbc, BandiService bandi, AnagrafeService anagrafe, PunteggioGriglia punteggio,
                        UtenteCorrente utente, Clock clock) {
        this.jdbc = jdbc;
        this.bandi = bandi;
        this.anagrafe = anagrafe;
        this.punteggio = punteggio;
        this.utente = utente;
        this.clock = clock;
    }

    // --------------------------------------------------------------------------------------------------- reading

    @Transactional(readOnly = true)
    public DomandaMarche domanda(long id) {
        Long bandoId = jdbc.query("select bando_id from marche_domanda where id = ?", (rs, n) -> rs.getLong(1), id).stream()
                .findFirst().orElseThrow(() -> new NonTrovatoException("Domanda " + id + " non trovata"));
        Bando bando;
        try {
            bando = bandi.bando(bandoId);
        } catch (NonTrovatoException e) {
            throw new NonTrovatoException("Domanda " + id + " non trovata");
        }
        String fase = fase(bandoId, false);
        List<ComponenteMarche> componenti = jdbc.query("select * from marche_componente where domanda_id = ? order by posizione",
                (rs, n) -> componente(rs), id);
        return jdbc.queryForObject("select * from marche_domanda where id = ?", (rs, n) -> domanda(rs, componenti, fase,
                bando.gestibile()), id);
    }

    /**
     * «Ricerca domande» (seed 004, Fig. 20–21): by the start of cognome and nome (any case) and the numero; without
     * criteria, all the bando's domande. By numero.
     */
    @Transactional(readOnly = true)
    public Page<DomandaMarche.Riga> cerca(long bandoId, String cognome, String nome, Integer numero, Pageable pagina) {
        Bando bando = bandi.bando(bandoId);
        StringBuilder where = new StringBuilder(" from marche_domanda where bando_id = ?");
        List<Object> argomenti = new ArrayList<>(List.of(bando.id()));
        if (cognome != null && !cognome.isBlank()) {
            where.append(" and lower(cognome) like ? escape '\\'");
            argomenti.add(letterale(cognome.strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (nome != null && !nome.isBlank()) {
            where.append(" and lower(nome) like ? escape '\\'");
            argomenti.add(letterale(nome.strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (numero != null) {
            where.append(" and numero = ?");
            argomenti.add(numero);
        }
        long totale = jdbc.queryForObject("select count(*)" + where, Long.class, argomenti.toArray());
        argomenti.add(pagina.getPageSize());
        argomenti.add(pagina.getOffset());
        List<DomandaMarche.Riga> righe = jdbc.query("select id, numero, cognome, nome, codice_fiscale, data_presentazione, punteggio,"
                + " passo" + where + " order by numero limit ? offset ?", (rs, n) -> new DomandaMarche.Riga(rs.getLong("id"),
                rs.getInt("numero"), ((rs.getString("cognome") == null ? "" : rs.getString("cognome")) + " "
                + (rs.getString("nome") == null ? "" : rs.getString("nome"))).strip(), rs.getString("codice_fiscale"),
                rs.getDate("data_presentazione").toLocalDate(), rs.getBigDecimal("punteggio"), rs.getInt("passo")),
                argomenti.toArray());
        return new PageImpl<>(righe, pagina, totale);
    }

    /**
     * «Richiedente» and «Carica»: the applicant's data and nucleo from the ente's most recent domanda with that codice
     * fiscale (other than {@code esclusa}), else from the Anagrafe's nucleo assegnatario of the ente in which the person
     * is a member. Empty when the platform does not know the person.
     */
    @Transactional(readOnly = true)
    public Optional<DatiNoti> datiNoti(long bandoId, String codiceFiscale, Long esclusa) {
        Bando bando = bandi.bando(bandoId);
        if (!bando.gestibile()) {
            throw new AccessoNegatoException(BandiService.SOLO_MARCHE + " (" + bando.ente() + ")");
        }
        CodiceFiscale cf = codiceFiscale(codiceFiscale, "codiceFiscale", new ArrayList<>(), true);
        Optional<Long> precedente = jdbc.query("""
                select d.id from marche_domanda d join marche_bando b on b.id = d.bando_id
                 where b.ente_id = ? and d.codice_fiscale = ? and d.id <> ?
                 order by d.data_presentazione desc, d.id desc limit 1""", (rs, n) -> rs.getLong(1), bando.enteId(), cf.valore(),
                esclusa == null ? -1L : esclusa).stream().findFirst();
        if (precedente.isPresent()) {
            DomandaMarche d = domanda(precedente.get());
            return Optional.of(new DatiNoti("DOMANDA", d.anagrafica(), d.componenti()));
        }
        return anagrafe.nucleiAssegnatari(bando.enteId(), cf.valore(), false, PageRequest.of(0, 5)).getContent().stream()
                .flatMap(riga -> anagrafe.nucleiDellAlloggio(anagrafe.alloggio(riga.alloggioId())).stream()
                        .filter(n -> n.getId() == riga.id()))
                .findFirst().flatMap(nucleo -> datiDellAnagrafe(nucleo, cf));
    }

    /** The phase of the bando's graduatoria: ISTRUTTORIA (also without one), PROVVISORIA or DEFINITIVA. */
    @Transactional(readOnly = true)
    public String faseGraduatoria(long bandoId) {
        return fase(bandi.bando(bandoId).id(), false);
    }

    /** The values, repetitions and suggestions passi 3 and 4 show, with the grid the domanda is scored with. */
    @Transactional(readOnly = true)
    public Valutazione valutazione(long id) {
        DomandaMarche d = domanda(id);
        BandiService.VersioneCondizioni condizioni = bandi.condizioni(d.bandoId(), d.versioneCondizioni()).orElse(null);
        Map<ContenitoreCondizione, Set<String>> suggerimenti = new EnumMap<>(ContenitoreCondizione.class);
        if (condizioni != null) {
            suggerimenti(d, condizioni.griglia()).forEach(suggerimenti::put);
        }
        Set<ContenitoreCondizione> modificabili = new LinkedHashSet<>();
        if (d.gestibile()) {
            for (ContenitoreCondizione c : ContenitoreCondizione.values()) {
                if (!"DEFINITIVA".equals(d.faseGraduatoria()) || VARIABILI_DOPO_DEFINITIVA.contains(c)) {
                    modificabili.add(c);
                }
            }
        }
        return new Valutazione(d, condizioni, valori(d), ripetizioni(d), suggerimenti, modificabili);
    }

    // --------------------------------------------------------------------------------------------------- passo 1

    /**
     * «Inserisci domanda», passo 1 «Salva»: the domanda is created with its numero (given, or the bando's next free one),
     * its data di presentazione (within the bando's dates) and the applicant's anagrafica.
     */
    @Transactional
    public DomandaMarche crea(long bandoId, Integer numero, LocalDate dataPresentazione, Anagrafica anagrafica) {
        Bando visto = bandi.bando(bandoId);
        if (!visto.gestibile()) {
            throw new AccessoNegatoException(BandiService.SOLO_MARCHE + " (" + visto.ente() + ")");
        }
        // the same lock as a new version of the grid: the grid's freeze and the first domanda are serialized
        Bando bando = bandi.blocca(visto.id());
        if (bando.versioneCondizioni() == 0) {
            throw new ConflittoException(SENZA_CONDIZIONI);
        }
        String fase = fase(bando.id(), true);
        if (!"ISTRUTTORIA".equals(fase)) {
            throw new ConflittoException("Impossibile inserire domande: la graduatoria del bando è "
                    + fase.toLowerCase(Locale.ROOT));
        }
        List<Errore> errori = erroriAnagrafica(bando, numero, dataPresentazione, anagrafica);
        if (numero != null && errori.stream().noneMatch(e -> e.campo().equals("numero")) && numeroUsato(bando.id(), numero, null)) {
            errori.add(numeroDuplicato(numero));
        }
        if (!errori.isEmpty()) {
            throw new DatiNonValidiException(errori);
        }
        int n = numero != null ? numero
                : jdbc.queryForObject("select coalesce(max(numero), 0) + 1 from marche_domanda where bando_id = ?", Integer.class,
                bando.id());
        Instant adesso = Instant.now(clock);
        long id;
        try {
            id = jdbc.queryForObject("""
                    insert into marche_domanda (bando_id, numero, data_presentazione, passo, creata_da, creata_il, modificata_da,
                                                modificata_il)
                    values (?, ?, ?, 1, ?, ?, ?, ?) returning id""", Long.class, bando.id(), n, Date.valueOf(dataPresentazione),
                    utente.username(), Timestamp.from(adesso), utente.username(), Timestamp.from(adesso));
        } catch (DuplicateKeyException e) {
            throw new DatiNonValidiException(List.of(numeroDuplicato(n)));
        }
        scriviAnagrafica(id, anagrafica);
        return domanda(id);
    }

    /** Passo 1 «Salva» of an existing domanda: numero, data di presentazione and anagrafica. */
    @Transactional
    public DomandaMarche salvaAnagrafica(long id, long version, Integer numero, LocalDate dataPresentazione,
                                         Anagrafica anagrafica) {
        DomandaMarche d = daModificare(id, version, 1);
        Bando bando = bandi.bando(d.bandoId());
        Integer nuovo = numero == null ? Integer.valueOf(d.numero()) : numero;
        List<Errore> errori = erroriAnagrafica(bando, nuovo, dataPresentazione, anagrafica);
        if (errori.stream().noneMatch(e -> e.campo().equals("numero")) && numeroUsato(bando.id(), nuovo, id)) {
            errori.add(numeroDuplicato(nuovo));
        }
        if (!errori.isEmpty()) {
            throw new DatiNonValidiException(errori);
        }
        try {
            aggiorna(d, 1, "numero = ?, data_presentazione = ?", nuovo, Date.valueOf(dataPresentazione));
        } catch (DuplicateKeyException e) {
            throw new DatiNonValidiException(List.of(numeroDuplicato(nuovo)));
        }
        scriviAnagrafica(id, anagrafica);
        ricalcola(id);
        return domanda(id);
    }

    // --------------------------------------------------------------------------------------------------- passo 2

    /**
     * Passo 2 «Salva»: the declarations ticked (none is mandatory, seed 004) and the other members of the nucleo, which
     * replace the saved ones.
     */
    @Transactional
    public DomandaMarche salvaRequisiti(long id, long version, Map<String, Boolean> requisiti, boolean monoparentale,
                                        List<ComponenteMarche> componenti) {
        DomandaMarche d = daModificare(id, version, 2);
        List<Errore> errori = new ArrayList<>();
        Map<String, Boolean> dichiarati = new LinkedHashMap<>();
        Set<String> codici = new TreeSet<>();
        REQUISITI.forEach(r -> codici.add(r.codice()));
        (requisiti == null ? Map.<String, Boolean>of() : requisiti).forEach((codice, valore) -> {
            if (!codici.contains(codice)) {
                errori.add(new Errore("requisiti." + codice, "requisito sconosciuto (ammessi: " + String.join(", ", codici) + ")"));
            } else {
                dichiarati.put(codice, Boolean.TRUE.equals(valore));
            }
        });
        List<ComponenteMarche> elenco = componenti == null ? List.of() : componenti;
        if (elenco.size() > MAX_COMPONENTI) {
            errori.add(new Errore("componenti", "al più " + MAX_COMPONENTI + " componenti oltre al richiedente"));
        } else {
            for (int i = 0; i < elenco.size(); i++) {
                errori.addAll(erroriComponente("componenti[" + i + "]", elenco.get(i), d.dataPresentazione()));
            }
        }
        if (!errori.isEmpty()) {
            throw new DatiNonValidiException(errori);
        }
        aggiorna(d, 2, "requisiti = cast(? as jsonb), monoparentale = ?", scrivi(dichiarati), monoparentale);
        jdbc.update("delete from marche_componente where domanda_id = ?", id);
        for (int i = 0; i < elenco.size(); i++) {
            ComponenteMarche c = elenco.get(i);
            jdbc.update("""
                    insert into marche_componente (domanda_id, posizione, cognome, nome, data_nascita, luogo_nascita, codice_fiscale,
                                                   parentela, attivita_lavorativa, invalidita, a_carico)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", id, i + 1, c.cognome().strip(), c.nome().strip(),
                    Date.valueOf(c.dataNascita()), vuotoNullo(c.luogoNascita()),
                    blank(c.codiceFiscale()) ? null : CodiceFiscale.of(c.codiceFiscale()).valore(), c.parentela().strip(),
                    vuotoNullo(c.attivitaLavorativa()), c.invalidita() == null ? BigDecimal.ZERO : c.invalidita(), c.aCarico());
        }
        ricalcola(id);
        return domanda(id);
    }

    // ----------------------------------------------------------------------------------------------- passi 3 e 4

    /**
     * Passo 3 (soggettive) or 4 (oggettive) «Salva»: one band at most per condition without a parameter (the others are
     * measured on the domanda's values), and for SOGGETTIVA 9 the years of continuous participation the operator counted.
     * The first save fixes the grid version the domanda is scored with; every save recomputes the score.
     */
    @Transactional
    public DomandaMarche salvaCondizioni(long id, long version, boolean soggettive,
                                         Map<ContenitoreCondizione, Set<String>> spuntate, Map<ParametroCondizione, BigDecimal> valori) {
        int passo = soggettive ? 3 : 4;
        DomandaMarche d = daModificare(id, version, passo);
        int versione = d.versioneCondizioni() != null ? d.versioneCondizioni() : bandi.bando(d.bandoId()).versioneCondizioni();
        GrigliaCondizioni griglia = bandi.condizioni(d.bandoId(), versione).orElseThrow(() -> new ConflittoException(SENZA_CONDIZIONI))
                .griglia();
        List<Errore> errori = new ArrayList<>();
        Map<ContenitoreCondizione, Set<String>> nuove = new EnumMap<>(ContenitoreCondizione.class);
        d.fasceSpuntate().forEach((c, lettere) -> {
            if (c.soggettiva() != soggettive) {
                nuove.put(c, lettere);
            }
        });
        (spuntate == null ? Map.<ContenitoreCondizione, Set<String>>of() : spuntate).forEach((c, lettere) -> {
            String campo = "fasceSpuntate." + c.name();
            GrigliaCondizioni.Condizione condizione = griglia.condizione(c);
            Set<String> scelte = lettere == null ? Set.of() : lettere;
            if (c.soggettiva() != soggettive) {
                errori.add(new Errore(campo, "la condizione " + c.etichetta() + " si dichiara al passo " + (soggettive ? 4 : 3)));
            } else if (condizione == null || condizione.fasce().isEmpty()) {
                errori.add(new Errore(campo, "il bando non usa la condizione " + c.etichetta()));
            } else if (condizione.parametroCondizione() != null && !scelte.isEmpty()) {
                errori.add(new Errore(campo, "la condizione " + c.etichetta() + " si calcola da "
                        + condizione.parametroCondizione().etichetta().toLowerCase(Locale.ROOT) + ": non si spunta"));
            } else if (scelte.size() > 1) {
                errori.add(new Errore(campo, "una sola fascia per condizione (" + c.etichetta() + ")"));
            } else if (scelte.size() == 1) {
                String lettera = scelte.iterator().next();
                int indice = lettera == null || lettera.length() != 1 ? -1 : lettera.charAt(0) - 'a';
                if (indice < 0 || indice >= condizione.fasce().size()) {
                    errori.add(new Errore(campo, "fascia sconosciuta: " + lettera + " (" + c.etichetta() + " ha le fasce dalla a alla "
                            + ContenitoreCondizione.lettera(condizione.fasce().size() - 1) + ")"));
                } else {
                    nuove.put(c, Set.of(lettera));
                }
            }
        });
        Map<ParametroCondizione, BigDecimal> dichiarati = new EnumMap<>(ParametroCondizione.class);
        dichiarati.putAll(d.valoriDichiarati());
        if (soggettive) {
            dichiarati.remove(ParametroCondizione.ANNI_PARTECIPAZIONE);
            (valori == null ? Map.<ParametroCondizione, BigDecimal>of() : valori).forEach((p, v) -> {
                String campo = "valoriDichiarati." + p.name();
                if (p != ParametroCondizione.ANNI_PARTECIPAZIONE) {
                    errori.add(new Errore(campo, p.etichetta() + " si calcola dai passi 1 e 2: non si dichiara"));
                } else if (v != null && (v.signum() < 0 || v.compareTo(BigDecimal.valueOf(99)) > 0 || v.stripTrailingZeros().scale() > 0)) {
                    errori.add(new Errore(campo, "un numero intero di anni da 0 a 99"));
                } else if (v != null) {
                    dichiarati.put(p, v);
                }
            });
        } else if (valori != null && !valori.isEmpty()) {
            errori.add(new Errore("valoriDichiarati", "le condizioni oggettive non hanno valori da dichiarare"));
        }
        if (!errori.isEmpty()) {
            throw new DatiNonValidiException(errori);
        }
        if ("DEFINITIVA".equals(d.faseGraduatoria())) {
            if (!dichiarati.equals(d.valoriDichiarati())) {
                throw new ConflittoException(DEFINITIVA);
            }
            for (ContenitoreCondizione c : ContenitoreCondizione.values()) {
                if (!VARIABILI_DOPO_DEFINITIVA.contains(c)
                        && !Objects.equals(nuove.getOrDefault(c, Set.of()), d.fasceSpuntate().getOrDefault(c, Set.of()))) {
                    throw new ConflittoException(DEFINITIVA + ": " + c.etichetta() + " non si può più variare");
                }
            }
        }
        aggiorna(d, passo, "fasce_spuntate = cast(? as jsonb), valori_dichiarati = cast(? as jsonb), "
                + "versione_condizioni = ?", scrivi(nuove), scrivi(dichiarati), versione);
        ricalcola(id);
        return domanda(id);
    }

    // --------------------------------------------------------------------------------------------------- passo 5

    /** Passo 5 «Riepilogo» «Salva»: exclusion and its reason, the alloggio assigned and the year, notes. */
    @Transactional
    public DomandaMarche salvaEsito(long id, long version, Esito esito) {
        DomandaMarche d = daModificare(id, version, 5);
        List<Errore> errori = new ArrayList<>();
        testo(errori, "motivoEsclusione", esito.motivoEsclusione(), 500);
        testo(errori, "motivoNonAssegnazione", esito.motivoNonAssegnazione(), 500);
        testo(errori, "note", esito.note(), 2000);
        if (esito.esclusa() && blank(esito.motivoEsclusione())) {
            errori.add(new Errore("motivoEsclusione", "obbligatorio quando la domanda è esclusa"));
        }
        if (!esito.esclusa() && !blank(esito.motivoEsclusione())) {
            errori.add(new Errore("motivoEsclusione", "solo per una domanda esclusa"));
        }
        if (esito.alloggioAssegnato() && esito.annoAssegnazione() == null) {
            errori.add(new Errore("annoAssegnazione", "obbligatorio quando l'alloggio è assegnato"));
        }
        if (esito.annoAssegnazione() != null && !esito.alloggioAssegnato()) {
            errori.add(new Errore("annoAssegnazione", "solo se l'alloggio è assegnato"));
        } else if (esito.annoAssegnazione() != null && esito.annoAssegnazione() < d.dataPresentazione().getYear()) {
            errori.add(new Errore("annoAssegnazione", "non può precedere l'anno di presentazione della domanda ("
                    + d.dataPresentazione().getYear() + ")"));
        } else if (esito.annoAssegnazione() != null && esito.annoAssegnazione() > 2200) {
            errori.add(new Errore("annoAssegnazione", "anno non valido"));
        }
        if (esito.alloggioAssegnato() && esito.esclusa()) {
            errori.add(new Errore("alloggioAssegnato", "una domanda esclusa non ha un alloggio assegnato"));
        }
        if (!errori.isEmpty()) {
            throw new DatiNonValidiException(errori);
        }
        aggiorna(d, 5, "esclusa = ?, motivo_esclusione = ?, alloggio_assegnato = ?, anno_assegnazione = ?, "
                        + "motivo_non_assegnazione = ?, note = ?", esito.esclusa(), vuotoNullo(esito.motivoEsclusione()),
                esito.alloggioAssegnato(), esito.annoAssegnazione(), vuotoNullo(esito.motivoNonAssegnazione()),
                vuotoNullo(esito.note()));
        return domanda(id);
    }

    // --------------------------------------------------------------------------------------------------- elimina

    /** «Elimina» (seed 004, Fig. 21): while the graduatoria is in istruttoria; its row in the graduatoria goes with it. */
    @Transactional
    public void elimina(long id) {
        DomandaMarche d = domanda(id);
        if (!d.gestibile()) {
            throw new AccessoNegatoException(BandiService.SOLO_MARCHE);
        }
        if (!"ISTRUTTORIA".equals(fase(d.bandoId(), true))) {
            throw new ConflittoException(NON_ELIMINABILE);
        }
        jdbc.update("delete from marche_posizione where domanda_id = ?", id);
        jdbc.update("delete from marche_domanda where id = ?", id);
    }

    // ------------------------------------------------------------------------------------------------- internals

    /** The domanda the caller changes at a step: manager of its bando, the version it edited, the phase allowing it. */
    private DomandaMarche daModificare(long id, long version, int passo) {
        DomandaMarche d = domanda(id);
        if (!d.gestibile()) {
            throw new AccessoNegatoException(BandiService.SOLO_MARCHE);
        }
        if (d.version() != version) {
            throw modificataNelFrattempo(d);
        }
        String fase = fase(d.bandoId(), true);
        if ("DEFINITIVA".equals(fase) && passo < 4) {
            throw new ConflittoException(DEFINITIVA);
        }
        return new DomandaMarche(d.id(), d.bandoId(), d.numero(), d.dataPresentazione(), d.passo(), d.anagrafica(), d.requisiti(),
                d.monoparentale(), d.componenti(), d.fasceSpuntate(), d.valoriDichiarati(), d.versioneCondizioni(), d.punteggio(),
                d.punteggioDettaglio(), d.esito(), d.creataDa(), d.creataIl(), d.modificataDa(), d.modificataIl(), d.version(),
                fase, d.gestibile());
    }

    private static ConflittoException modificataNelFrattempo(DomandaMarche d) {
        return new ConflittoException("La domanda n. " + d.numero() + " è stata modificata nel frattempo"
                + (d.modificataDa() == null ? "" : " da " + d.modificataDa()) + ": ricaricare la pagina");
    }

    /** One step's update: its columns, the furthest step, who and when (the graduatoria warns «da ricalcolare»), version. */
    private void aggiorna(DomandaMarche d, int passo, String colonne, Object... valori) {
        List<Object> argomenti = new ArrayList<>(java.util.Arrays.asList(valori));
        argomenti.add(passo);
        argomenti.add(utente.username());
        argomenti.add(Timestamp.from(Instant.now(clock)));
        argomenti.add(d.id());
        argomenti.add(d.version());
        int righe = jdbc.update("update marche_domanda set " + colonne + ", passo = greatest(passo, ?), modificata_da = ?, "
                + "modificata_il = ?, version = version + 1 where id = ? and version = ?", argomenti.toArray());
        if (righe == 0) {
            throw modificataNelFrattempo(d);
        }
    }

    private void scriviAnagrafica(long id, Anagrafica a) {
        jdbc.update("""
                update marche_domanda set cognome = ?, nome = ?, sesso = ?, data_nascita = ?, luogo_nascita = ?, codice_fiscale = ?,
                       nazionalita = ?, residente_a = ?, indirizzo = ?, cap = ?, residente_estero = ?, residente_dal = ?,
                       anni_presentazione = ?, isee = ?
                 where id = ?""", a.cognome().strip(), a.nome().strip(), vuotoNullo(a.sesso()),
                a.dataNascita() == null ? null : Date.valueOf(a.dataNascita()), vuotoNullo(a.luogoNascita()),
                CodiceFiscale.of(a.codiceFiscale()).valore(), vuotoNullo(a.nazionalita()), vuotoNullo(a.residenteA()),
                vuotoNullo(a.indirizzo()), vuotoNullo(a.cap()), a.residenteEstero(),
                a.residenteDal() == null ? null : Date.valueOf(a.residenteDal()), vuotoNullo(a.anniPresentazione()), a.isee(), id);
    }

    /** The working score, from the grid version the domanda is scored with (nothing before passo 3). */
    private void ricalcola(long id) {
        DomandaMarche d = domanda(id);
        if (d.versioneCondizioni() == null) {
            return;
        }
        GrigliaCondizioni griglia = bandi.condizioni(d.bandoId(), d.versioneCondizioni()).orElseThrow().griglia();
        Map<ContenitoreCondizione, Set<String>> spuntate = new EnumMap<>(ContenitoreCondizione.class);
        d.fasceSpuntate().forEach((c, lettere) -> {
            GrigliaCondizioni.Condizione condizione = griglia.condizione(c);
            if (condizione != null && condizione.parametroCondizione() == null && !lettere.isEmpty()) {
                spuntate.put(c, lettere);
            }
        });
        // «per ogni ulteriore componente»: only where the Comune's grid kept such a band
        Map<ContenitoreCondizione, Integer> ripetizioni = new EnumMap<>(ContenitoreCondizione.class);
        ripetizioni(d).forEach((c, n) -> {
            GrigliaCondizioni.Condizione condizione = griglia.condizione(c);
            if (condizione != null && condizione.fasce().stream().anyMatch(GrigliaCondizioni.Fascia::perOgni)) {
                ripetizioni.put(c, n);
            }
        });
        PunteggioGriglia.Punteggio p = punteggio.calcola(d.bandoId(), d.versioneCondizioni(), griglia,
                new PunteggioGriglia.DatiPunteggio(valori(d), spuntate, ripetizioni));
        jdbc.update("update marche_domanda set punteggio = ?, punteggio_dettaglio = cast(? as jsonb) where id = ?", p.totale(),
                scrivi(p.voci()), id);
    }

    /** The parametric conditions' values (seed 004, passo 3): what passi 1 and 2 say, and the years the operator counted. */
    static Map<ParametroCondizione, BigDecimal> valori(DomandaMarche d) {
        Map<ParametroCondizione, BigDecimal> valori = new EnumMap<>(ParametroCondizione.class);
        if (d.anagrafica().isee() != null) {
            valori.put(ParametroCondizione.ISEE, d.anagrafica().isee());
        }
        valori.put(ParametroCondizione.COMPONENTI, BigDecimal.valueOf(1 + d.componenti().size()));
        valori.put(ParametroCondizione.INVALIDITA, d.componenti().stream().map(ComponenteMarche::invalidita)
                .filter(Objects::nonNull).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO));
        LocalDate al = d.dataPresentazione();
        valori.put(ParametroCondizione.MINORI, BigDecimal.valueOf(d.componenti().stream()
                .filter(c -> Period.between(c.dataNascita(), al).getYears() <= 10).count()));
        if (d.monoparentale()) {
            valori.put(ParametroCondizione.MINORI_A_CARICO, BigDecimal.valueOf(d.componenti().stream()
                    .filter(c -> c.aCarico() && Period.between(c.dataNascita(), al).getYears() < 18).count()));
        }
        if (d.anagrafica().residenteDal() != null && !d.anagrafica().residenteDal().isAfter(al)) {
            valori.put(ParametroCondizione.ANNI_RESIDENZA,
                    BigDecimal.valueOf(Period.between(d.anagrafica().residenteDal(), al).getYears()));
        }
        BigDecimal partecipazione = d.valoriDichiarati().get(ParametroCondizione.ANNI_PARTECIPAZIONE);
        if (partecipazione != null) {
            valori.put(ParametroCondizione.ANNI_PARTECIPAZIONE, partecipazione);
        }
        return valori;
    }

    /** SOGGETTIVA 4's «per ogni ulteriore componente … superiore a 2/3»: the members over 2/3 beyond the first. */
    static Map<ContenitoreCondizione, Integer> ripetizioni(DomandaMarche d) {
        long invalidi = d.componenti().stream().filter(c -> c.invalidita() != null && c.invalidita().compareTo(DUE_TERZI) >= 0)
                .count();
        return invalidi > 1 ? Map.of(ContenitoreCondizione.SOGGETTIVA_4, (int) invalidi - 1) : Map.of();
    }

    /**
     * Bands the nucleo's ages suggest, for the model's conditions: SOGGETTIVA 3 (someone over 65), 7 (everyone up to 30),
     * 8 a (everyone over 65) or b (everyone over 62, one over 75). Only when the grid has that band.
     */
    static Map<ContenitoreCondizione, Set<String>> suggerimenti(DomandaMarche d, GrigliaCondizioni griglia) {
        Map<ContenitoreCondizione, Set<String>> suggeriti = new EnumMap<>(ContenitoreCondizione.class);
        LocalDate al = d.dataPresentazione();
        List<Integer> eta = new ArrayList<>();
        if (d.anagrafica().dataNascita() != null) {
            eta.add(Period.between(d.anagrafica().dataNascita(), al).getYears());
        }
        d.componenti().forEach(c -> eta.add(Period.between(c.dataNascita(), al).getYears()));
        if (eta.isEmpty() || d.anagrafica().dataNascita() == null) {
            return suggeriti;
        }
        if (eta.stream().anyMatch(e -> e > 65)) {
            suggerisci(suggeriti, griglia, ContenitoreCondizione.SOGGETTIVA_3, 0);
        }
        if (eta.stream().allMatch(e -> e <= 30)) {
            suggerisci(suggeriti, griglia, ContenitoreCondizione.SOGGETTIVA_7, 0);
        }
        if (eta.stream().allMatch(e -> e > 62) && eta.stream().anyMatch(e -> e > 75)) {
            suggerisci(suggeriti, griglia, ContenitoreCondizione.SOGGETTIVA_8, 1);
        } else if (eta.stream().allMatch(e -> e > 65)) {
            suggerisci(suggeriti, griglia, ContenitoreCondizione.SOGGETTIVA_8, 0);
        }
        return suggeriti;
    }

    private static void suggerisci(Map<ContenitoreCondizione, Set<String>> suggeriti, GrigliaCondizioni griglia,
                                   ContenitoreCondizione c, int fascia) {
        GrigliaCondizioni.Condizione condizione = griglia.condizione(c);
        if (condizione != null && condizione.parametroCondizione() == null && fascia < condizione.fasce().size()) {
            suggeriti.put(c, Set.of(ContenitoreCondizione.lettera(fascia)));
        }
    }

    private List<Errore> erroriAnagrafica(Bando bando, Integer numero, LocalDate data, Anagrafica a) {
        List<Errore> errori = new ArrayList<>();
        if (numero != null && (numero < 1 || numero > 999_999)) {
            errori.add(new Errore("numero", "un numero intero da 1 a 999999 (vuoto: il primo libero del bando)"));
        }
        if (a == null) {
            errori.add(new Errore("anagrafica", "obbligatoria: l'anagrafica del richiedente"));
            return errori;
        }
        if (data == null) {
            errori.add(new Errore("dataPresentazione", "obbligatoria: la data di presentazione (gg/mm/aaaa)"));
        } else {
            LocalDate scadenza = a.residenteEstero() ? bando.dataScadenzaEstero() : bando.dataScadenza();
            if (data.isBefore(bando.dataPubblicazione()) || data.isAfter(scadenza)) {
                errori.add(new Errore("dataPresentazione", "la domanda si presenta dal " + ItalianFormats.data(bando.dataPubblicazione())
                        + ", data di pubblicazione del bando, entro e non oltre il " + ItalianFormats.data(scadenza)
                        + (a.residenteEstero() ? ", scadenza per i residenti all'estero" : ", scadenza del bando")));
            }
        }
        obbligatorio(errori, "cognome", a.cognome(), 80, "il cognome del richiedente");
        obbligatorio(errori, "nome", a.nome(), 80, "il nome del richiedente");
        if (!blank(a.sesso()) && !a.sesso().equals("M") && !a.sesso().equals("F")) {
            errori.add(new Errore("sesso", "M o F"));
        }
        if (a.dataNascita() != null && (a.dataNascita().getYear() < 1900 || data != null && !a.dataNascita().isBefore(data))) {
            errori.add(new Errore("dataNascita", "data di nascita non valida"));
        }
        testo(errori, "luogoNascita", a.luogoNascita(), 100);
        codiceFiscale(a.codiceFiscale(), "codiceFiscale", errori, false);
        testo(errori, "nazionalita", a.nazionalita(), 60);
        testo(errori, "residenteA", a.residenteA(), 100);
        testo(errori, "indirizzo", a.indirizzo(), 200);
        if (!blank(a.cap()) && !a.cap().matches("\\d{5}")) {
            errori.add(new Errore("cap", "cinque cifre, ad esempio 60121"));
        }
        if (a.residenteDal() != null && (a.residenteDal().getYear() < 1900 || data != null && a.residenteDal().isAfter(data))) {
            errori.add(new Errore("residenteDal", "la residenza nel Comune non può iniziare dopo la data di presentazione"));
        }
        if (!blank(a.anniPresentazione()) && !a.anniPresentazione().strip().matches("(\\d{4})([ ,;-]+\\d{4})*")
                || a.anniPresentazione() != null && a.anniPresentazione().length() > 200) {
            errori.add(new Errore("anniPresentazione", "gli anni separati da virgole, ad esempio 2007, 2008"));
        }
        if (a.isee() == null) {
            errori.add(new Errore("isee", "obbligatorio: il valore ISEE del nucleo (0 se nullo)"));
        } else if (a.isee().signum() < 0 || a.isee().compareTo(ISEE_MASSIMO) > 0 || a.isee().stripTrailingZeros().scale() > 2) {
            errori.add(new Errore("isee", "un importo non negativo con al più due decimali"));
        }
        return errori;
    }

    private static List<Errore> erroriComponente(String campo, ComponenteMarche c, LocalDate al) {
        List<Errore> errori = new ArrayList<>();
        if (c == null) {
            errori.add(new Errore(campo, "componente mancante"));
            return errori;
        }
        obbligatorio(errori, campo + ".cognome", c.cognome(), 80, "il cognome");
        obbligatorio(errori, campo + ".nome", c.nome(), 80, "il nome");
        if (c.dataNascita() == null) {
            errori.add(new Errore(campo + ".dataNascita", "obbligatoria: la data di nascita (gg/mm/aaaa)"));
        } else if (c.dataNascita().getYear() < 1900 || c.dataNascita().isAfter(al)) {
            errori.add(new Errore(campo + ".dataNascita", "la data di nascita non può seguire la data di presentazione"));
        }
        testo(errori, campo + ".luogoNascita", c.luogoNascita(), 100);
        if (!blank(c.codiceFiscale())) {
            codiceFiscale(c.codiceFiscale(), campo + ".codiceFiscale", errori, false);
        }
        obbligatorio(errori, campo + ".parentela", c.parentela(), 40, "la parentela con il richiedente");
        testo(errori, campo + ".attivitaLavorativa", c.attivitaLavorativa(), 80);
        if (c.invalidita() != null && (c.invalidita().signum() < 0 || c.invalidita().compareTo(BigDecimal.valueOf(100)) > 0
                || c.invalidita().stripTrailingZeros().scale() > 2)) {
            errori.add(new Errore(campo + ".invalidita", "una percentuale da 0 a 100 con al più due decimali"));
        }
        return errori;
    }

    private static CodiceFiscale codiceFiscale(String valore, String campo, List<Errore> errori, boolean lancia) {
        String errore = null;
        CodiceFiscale cf = null;
        if (blank(valore)) {
            errore = "obbligatorio: il codice fiscale";
        } else {
            try {
                cf = CodiceFiscale.of(valore);
                if (!cf.personaFisica()) {
                    errore = "il codice fiscale di una persona ha 16 caratteri";
                }
            } catch (IllegalArgumentException e) {
                errore = e.getMessage();
            }
        }
        if (errore != null) {
            errori.add(new Errore(campo, errore));
            if (lancia) {
                throw new DatiNonValidiException(errori);
            }
        }
        return cf;
    }

    private static void obbligatorio(List<Errore> errori, String campo, String valore, int massimo, String cosa) {
        if (blank(valore)) {
            errori.add(new Errore(campo, "obbligatorio: " + cosa));
        } else {
            testo(errori, campo, valore, massimo);
        }
    }

    private static void testo(List<Errore> errori, String campo, String valore, int massimo) {
        if (valore != null && valore.strip().length() > massimo) {
            errori.add(new Errore(campo, "al più " + massimo + " caratteri"));
        }
    }

    private boolean numeroUsato(long bandoId, int numero, Long esclusa) {
        return jdbc.queryForObject("select count(*) from marche_domanda where bando_id = ? and numero = ? and id <> ?", Long.class,
                bandoId, numero, esclusa == null ? -1L : esclusa) > 0;
    }

    private static Errore numeroDuplicato(int numero) {
        return new Errore("numero", "esiste già la domanda n. " + numero + " del bando");
    }

    /** The graduatoria's phase (ISTRUTTORIA without one); {@code blocca}: read under a shared lock, for a write. */
    private String fase(long bandoId, boolean blocca) {
        return jdbc.query("select fase from marche_graduatoria where bando_id = ?" + (blocca ? " for share" : ""),
                (rs, n) -> rs.getString(1), bandoId).stream().findFirst().orElse("ISTRUTTORIA");
    }

    private Optional<DatiNoti> datiDellAnagrafe(NucleoFamiliare nucleo, CodiceFiscale cf) {
        Componente persona = nucleo.getComponenti().stream().filter(c -> cf.equals(c.getCodiceFiscale())).findFirst().orElse(null);
        if (persona == null) {
            return Optional.empty();
        }
        boolean richiedente = persona.getRelazione() == RelazioneParentela.RICHIEDENTE;
        String giorno = cf.valore().substring(9, 11);
        String sesso = Character.isDigit(giorno.charAt(0)) && Character.isDigit(giorno.charAt(1))
                ? (Integer.parseInt(giorno) > 40 ? "F" : "M") : null;
        Anagrafica anagrafica = new Anagrafica(persona.getCognome(), persona.getNome(), sesso, persona.getDataNascita(), null,
                cf.valore(), null, nucleo.getAlloggio() == null ? null : nucleo.getAlloggio().getComune().getNome(),
                nucleo.getAlloggio() == null ? null : nucleo.getAlloggio().getIndirizzo(), null, false, null, null, null);
        List<ComponenteMarche> altri = nucleo.getComponenti().stream().filter(c -> c != persona)
                .map(c -> new ComponenteMarche(c.getCognome(), c.getNome(), c.getDataNascita(), null,
                        c.getCodiceFiscale() == null ? null : c.getCodiceFiscale().valore(),
                        richiedente ? parentela(c.getRelazione()) : "Altro", null, BigDecimal.valueOf(c.getPercentualeInvalidita()),
                        false))
                .toList();
        return Optional.of(new DatiNoti("ANAGRAFE", anagrafica, altri));
    }

    private static String parentela(RelazioneParentela r) {
        return switch (r) {
            case CONIUGE -> "Coniuge";
            case UNITO_CIVILMENTE -> "Unito/a civilmente";
            case CONVIVENTE_DI_FATTO -> "Convivente";
            case FIGLIO -> "Figlio/a";
            case GENITORE -> "Genitore";
            case FRATELLO_SORELLA -> "Fratello/sorella";
            case ALTRO_PARENTE -> "Altro parente";
            case AFFINE -> "Affine";
            default -> "Altro";
        };
    }

    private DomandaMarche domanda(ResultSet rs, List<ComponenteMarche> componenti, String fase, boolean gestibile)
            throws SQLException {
        Anagrafica anagrafica = new Anagrafica(rs.getString("cognome"), rs.getString("nome"), rs.getString("sesso"),
                data(rs, "data_nascita"), rs.getString("luogo_nascita"), rs.getString("codice_fiscale"), rs.getString("nazionalita"),
                rs.getString("residente_a"), rs.getString("indirizzo"), rs.getString("cap"), rs.getBoolean("residente_estero"),
                data(rs, "residente_dal"), rs.getString("anni_presentazione"), rs.getBigDecimal("isee"));
        Esito esito = new Esito(rs.getBoolean("esclusa"), rs.getString("motivo_esclusione"), rs.getBoolean("alloggio_assegnato"),
                (Integer) rs.getObject("anno_assegnazione"), rs.getString("motivo_non_assegnazione"), rs.getString("note"));
        Map<ContenitoreCondizione, Set<String>> spuntate = new EnumMap<>(ContenitoreCondizione.class);
        leggi(rs.getString("fasce_spuntate"), new TypeReference<Map<ContenitoreCondizione, Set<String>>>() {
        }).forEach((c, l) -> spuntate.put(c, new TreeSet<>(l)));
        Map<ParametroCondizione, BigDecimal> valori = new EnumMap<>(ParametroCondizione.class);
        valori.putAll(leggi(rs.getString("valori_dichiarati"), new TypeReference<Map<ParametroCondizione, BigDecimal>>() {
        }));
        String dettaglio = rs.getString("punteggio_dettaglio");
        List<PunteggioGriglia.Voce> voci = dettaglio == null ? List.of()
                : leggi(dettaglio, new TypeReference<List<PunteggioGriglia.Voce>>() {
        });
        Timestamp modificata = rs.getTimestamp("modificata_il");
        Timestamp creata = rs.getTimestamp("creata_il");
        return new DomandaMarche(rs.getLong("id"), rs.getLong("bando_id"), rs.getInt("numero"),
                rs.getDate("data_presentazione").toLocalDate(), rs.getInt("passo"), anagrafica,
                leggi(rs.getString("requisiti"), new TypeReference<LinkedHashMap<String, Boolean>>() {
                }), rs.getBoolean("monoparentale"), componenti, spuntate, valori, (Integer) rs.getObject("versione_condizioni"),
                rs.getBigDecimal("punteggio"), voci, esito, rs.getString("creata_da"), creata == null ? null : creata.toInstant(),
                rs.getString("modificata_da"), modificata == null ? null : modificata.toInstant(), rs.getLong("version"), fase,
                gestibile);
    }

    private static ComponenteMarche componente(ResultSet rs) throws SQLException {
        return new ComponenteMarche(rs.getString("cognome"), rs.getString("nome"), rs.getDate("data_nascita").toLocalDate(),
                rs.getString("luogo_nascita"), rs.getString("codice_fiscale"), rs.getString("parentela"),
                rs.getString("attivita_lavorativa"), rs.getBigDecimal("invalidita"), rs.getBoolean("a_carico"));
    }

    private static LocalDate data(ResultSet rs, String colonna) throws SQLException {
        Date d = rs.getDate(colonna);
        return d == null ? null : d.toLocalDate();
    }

    private <T> T leggi(String testo, TypeReference<T> tipo) {
        try {
            return json.readValue(testo, tipo);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Dati della domanda illeggibili", e);
        }
    }

    private String scrivi(Object valore) {
        try {
            return json.writeValueAsString(valore);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String vuotoNullo(String s) {
        return blank(s) ? null : s.strip();
    }

    private static String letterale(String testo) {
        return testo.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
