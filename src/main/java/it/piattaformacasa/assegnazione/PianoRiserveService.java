package it.piattaformacasa.assegnazione;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import it.piattaformacasa.anagrafe.AnagrafeService;
import it.piattaformacasa.anagrafe.Comune;
import it.piattaformacasa.anagrafe.EnteProprietario;
import it.piattaformacasa.anagrafe.TipoEnte;
import it.piattaformacasa.avviso.TipoAvviso;
import it.piattaformacasa.common.AccessoNegatoException;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.DatiNonValidiException.Errore;
import it.piattaformacasa.common.sicurezza.UtenteCorrente;
import it.piattaformacasa.regole.DatiRiserve;
import it.piattaformacasa.regole.RiserveAssegnazione;

/**
 * The reserves of an ente for a year, per comune: the quotas the annual plan sets (art. 4 co. 3 r.r. 4/2017) and the
 * units they reserve, computed by {@code rules/riserve.dmn}. Written by the approval of the ambito's annual plan
 * ({@link #impostaDalPiano}, issue 13) or, where no plan was approved, set by the ente's Gestione Avviso operators; read
 * by the ente's operators and by supervisors. An assignment follows the row of its year: the last approved plan of that
 * year, and if none what the ente set.
 */
@Service
public class PianoRiserveService {

    /** Art. 14 categories an ente may reserve units for (lett. a, b, c, e; lett. f is set per comune), in the law's order. */
    public static final List<String> CATEGORIE_IN_ORDINE = List.of("ANZIANI", "FAMIGLIE_NUOVA_FORMAZIONE",
            "NUCLEI_MONOPARENTALI", "DISABILI", "ALTRA_CATEGORIA");
    public static final Set<String> CATEGORIE = Set.copyOf(CATEGORIE_IN_ORDINE);

    public record Impostazione(int alloggiDisponibili, BigDecimal sogliaIndigentiComune, BigDecimal percentualeCategorie,
                               List<String> categorie, BigDecimal percentualeForzePolizia,
                               BigDecimal percentualePoliziaLocale) {
    }

    public record QuoteAnnuali(long enteId, String codiceIstatComune, String comune, int anno, Impostazione impostazione,
                               RiserveAssegnazione.Riserve riserve, Instant aggiornatoIl, String aggiornatoDa,
                               Long pianoAnnualeId) {

        /** Written by the approval of an annual plan: changed by reopening it, not by typing (ADR 12). */
        public boolean dalPiano() {
            return pianoAnnualeId != null;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final AnagrafeService anagrafe;
    private final RiserveAssegnazione regole;
    private final UtenteCorrente utente;
    private final Clock clock;
    private final MessageSource messaggi;

    PianoRiserveService(JdbcTemplate jdbc, AnagrafeService anagrafe, RiserveAssegnazione regole, UtenteCorrente utente,
                        Clock clock, MessageSource messaggi) {
        this.jdbc = jdbc;
        this.anagrafe = anagrafe;
        this.regole = regole;
        this.utente = utente;
        this.clock = clock;
        this.messaggi = messaggi;
    }

    /** A category's Italian name, as the console's pages show it ({@code domanda.categoria.*}); the code if it has none. */
    public String etichettaCategoria(String categoria) {
        return messaggi.getMessage("domanda.categoria." + categoria, null, categoria, Locale.ITALIAN);
    }

    /**
     * Creates or replaces the setting of one ente, comune and year; every invalid field is reported at once. A year
     * and comune whose reserves an approved annual plan wrote are changed by reopening the plan (409 here), so that the
     * plan stays what the year's assignments follow.
     */
    @Transactional
    public QuoteAnnuali imposta(long enteId, int anno, String codiceIstatComune, Impostazione dati) {
        EnteProprietario ente = anagrafe.enteVisibile(enteId);
        if (!utente.entiGestioneAvviso().contains(enteId)) {
            throw new AccessoNegatoException("Le riserve dell'anno le imposta l'ente: solo gli operatori di "
                    + ente.getRagioneSociale() + " con la gestione avviso possono farlo");
        }
        Comune comune = anagrafe.comune(codiceIstatComune);
        List<Long> dalPiano = jdbc.queryForList("""
                select piano_annuale_id from piano_riserve where ente_id = ? and comune_id = ? and anno = ?
                   and piano_annuale_id is not null""", Long.class, enteId, comune.getId(), anno);
        if (!dalPiano.isEmpty()) {
            throw new it.piattaformacasa.common.ConflittoException("Le riserve " + anno + " di " + ente.getRagioneSociale()
                    + " a " + comune.getNome() + " vengono dal piano annuale n. " + dalPiano.get(0) + " approvato: per cambiarle "
                    + "il Comune capofila riapre il piano");
        }
        return scrivi(ente, anno, comune, dati, null, utente.username());
    }

    /**
     * The reserves an approved annual plan sets (issue 13): the same rules and the same row as {@link #imposta}, written
     * for the ente by the capofila who approved the plan (the plan's service checked who), with the plan's id.
     */
    @Transactional
    public QuoteAnnuali impostaDalPiano(long enteId, int anno, String codiceIstatComune, Impostazione dati, long pianoAnnualeId,
                                        String approvatoDa) {
        return scrivi(anagrafe.ente(enteId), anno, anagrafe.comune(codiceIstatComune), dati, pianoAnnualeId, approvatoDa);
    }

    private QuoteAnnuali scrivi(EnteProprietario ente, int anno, Comune comune, Impostazione dati, Long pianoAnnualeId,
                                String chi) {
        long enteId = ente.getId();
        List<String> categorie = dati.categorie() == null ? List.of() : List.copyOf(dati.categorie());
        DatiRiserve datiRiserve = valida(anno, ente, comune, dati, categorie);
        RiserveAssegnazione.Riserve riserve = regole.calcola(datiRiserve);
        Instant adesso = Instant.now(clock);
        jdbc.update("""
                insert into piano_riserve (ente_id, comune_id, anno, alloggi_disponibili, soglia_indigenti_comune,
                    percentuale_categorie, categorie, percentuale_forze_polizia, percentuale_polizia_locale, aggiornato_il,
                    aggiornato_da, piano_annuale_id)
                values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)
                on conflict (ente_id, comune_id, anno) do update set alloggi_disponibili = excluded.alloggi_disponibili,
                    soglia_indigenti_comune = excluded.soglia_indigenti_comune,
                    percentuale_categorie = excluded.percentuale_categorie, categorie = excluded.categorie,
                    percentuale_forze_polizia = excluded.percentuale_forze_polizia,
                    percentuale_polizia_locale = excluded.percentuale_polizia_locale,
                    aggiornato_il = excluded.aggiornato_il, aggiornato_da = excluded.aggiornato_da,
                    piano_annuale_id = excluded.piano_annuale_id""",
                enteId, comune.getId(), anno, dati.alloggiDisponibili(), datiRiserve.percentualeIndigentiComune(),
                datiRiserve.percentualeCategorie(), json(categorie), datiRiserve.percentualeForzePolizia(),
                datiRiserve.percentualePoliziaLocale(), Timestamp.from(adesso), chi, pianoAnnualeId);
        return new QuoteAnnuali(enteId, comune.getCodiceIstat(), comune.getNome(), anno,
                new Impostazione(dati.alloggiDisponibili(), datiRiserve.percentualeIndigentiComune(),
                        datiRiserve.percentualeCategorie(), categorie, datiRiserve.percentualeForzePolizia(),
                        datiRiserve.percentualePoliziaLocale()), riserve, adesso, chi, pianoAnnualeId);
    }

    /**
     * The ente's settings for a year, one per comune, with the units the annual plan reserves; 404 for an ente the caller
     * can't see.
     */
    @Transactional(readOnly = true)
    public List<QuoteAnnuali> diAnno(long enteId, int anno) {
        return diAnno(enteId, anno, TipoAvviso.ORDINARIO);
    }

    /**
     * The same settings, with the units they reserve in the graduatorie of an avviso of that type: in an avviso
     * dedicated to severe disability the comune's indigent threshold above 20 % does not apply (art. 14 co. 1 bis
     * r.r. 4/2017), which {@code rules/riserve.dmn} decides and explains.
     */
    @Transactional(readOnly = true)
    public List<QuoteAnnuali> diAnno(long enteId, int anno, TipoAvviso tipoAvviso) {
        return quote(anagrafe.enteVisibile(enteId), anno, tipoAvviso);
    }

    /**
     * For the assignment step and the task that prepares it, which may run for a Tasklist user: the webapps' login is
     * not the API's, so the caller's visibility is not known there (the engine has already checked the task's group).
     */
    List<QuoteAnnuali> perProcesso(long enteId, int anno, TipoAvviso tipoAvviso) {
        return quote(anagrafe.ente(enteId), anno, tipoAvviso);
    }

    private List<QuoteAnnuali> quote(EnteProprietario ente, int anno, TipoAvviso tipoAvviso) {
        long enteId = ente.getId();
        boolean avvisoDisabilitaGrave = tipoAvviso == TipoAvviso.DISABILITA_GRAVE;
        return jdbc.query("""
                select c.codice_istat, c.nome, c.id as comune_id, p.alloggi_disponibili, p.soglia_indigenti_comune,
                       p.percentuale_categorie, p.categorie, p.percentuale_forze_polizia, p.percentuale_polizia_locale,
                       p.aggiornato_il, p.aggiornato_da, p.piano_annuale_id
                  from piano_riserve p join comune c on c.id = p.comune_id
                 where p.ente_id = ? and p.anno = ?
                 order by c.nome""", (rs, n) -> {
            Impostazione impostazione = new Impostazione(rs.getInt("alloggi_disponibili"),
                    rs.getBigDecimal("soglia_indigenti_comune"), rs.getBigDecimal("percentuale_categorie"),
                    categorie(rs.getString("categorie")), rs.getBigDecimal("percentuale_forze_polizia"),
                    rs.getBigDecimal("percentuale_polizia_locale"));
            boolean delComune = alloggiDelComune(ente, rs.getLong("comune_id"));
            RiserveAssegnazione.Riserve riserve = regole.calcola(new DatiRiserve(impostazione.alloggiDisponibili(),
                    delComune, impostazione.sogliaIndigentiComune(), avvisoDisabilitaGrave,
                    impostazione.percentualeCategorie(), impostazione.percentualeForzePolizia(),
                    impostazione.percentualePoliziaLocale()));
            return new QuoteAnnuali(enteId, rs.getString("codice_istat"), rs.getString("nome"), anno, impostazione, riserve,
                    rs.getTimestamp("aggiornato_il").toInstant(), rs.getString("aggiornato_da"),
                    rs.getObject("piano_annuale_id", Long.class));
        }, enteId, anno);
    }

    /**
     * One line of the «stato delle assegnazioni (articolo 14)»: reserved vs assigned, live.
     *
     * @param categoria for a «di cui» line, the art. 14 category's code (its Italian name is in {@code riserva}); else null
     */
    public record StatoRiserva(String comune, String riserva, int riservati, int assegnati, String categoria) {
    }

    /**
     * «Stato delle assegnazioni (articolo 14)» (seed 000) for the ente's year: per comune, the indigent reserve and the
     * category reserve against the units already assigned from them, then the assigned members of each chosen category.
     */
    @Transactional(readOnly = true)
    public List<StatoRiserva> statoAssegnazioni(long enteId, int anno) {
        List<StatoRiserva> stato = new ArrayList<>();
        for (QuoteAnnuali quote : diAnno(enteId, anno)) {
            List<java.util.Map<String, Object>> assegnate = jdbc.queryForList("""
                    select a.riserva, d.categorie::text as categorie from assegnazione a
                      join istruttoria i on i.id = a.istruttoria_id
                      join graduatoria g on g.id = i.graduatoria_id
                      join comune c on c.id = g.comune_id
                      join domanda d on d.id = a.domanda_id
                     where a.ente_id = ? and c.codice_istat = ? and a.stato <> 'RINUNCIATA'
                       and extract(year from a.assegnata_il at time zone 'Europe/Rome') = ?""",
                    enteId, quote.codiceIstatComune(), anno);
            long indigenti = assegnate.stream().filter(a -> "INDIGENTI".equals(a.get("riserva"))).count();
            List<java.util.Map<String, Object>> categorie = assegnate.stream()
                    .filter(a -> "CATEGORIE".equals(a.get("riserva"))).toList();
            stato.add(new StatoRiserva(quote.comune(), "Indigenti (art. 13 co. 3)", quote.riserve().indigenti(), (int) indigenti,
                    null));
            stato.add(new StatoRiserva(quote.comune(), "Categorie dell'art. 14 (art. 15 co. 1 ter)", quote.riserve().categorie(),
                    categorie.size(), null));
            for (String categoria : quote.impostazione().categorie()) {
                int membri = (int) categorie.stream().filter(a -> categorie(a.get("categorie").toString()).contains(categoria)).count();
                stato.add(new StatoRiserva(quote.comune(), "  di cui " + etichettaCategoria(categoria), quote.riserve().categorie(),
                        membri, categoria));
            }
            stato.add(new StatoRiserva(quote.comune(), "Forze di Polizia, VVF, Forze Armate (art. 7 bis)",
                    quote.riserve().forzePolizia(), (int) assegnate.stream().filter(a -> "FORZE_POLIZIA".equals(a.get("riserva"))).count(),
                null));
            stato.add(new StatoRiserva(quote.comune(), "Polizia Locale (art. 7 ter)", quote.riserve().poliziaLocale(),
                    (int) assegnate.stream().filter(a -> "POLIZIA_LOCALE".equals(a.get("riserva"))).count(), null));
        }
        return stato;
    }

    private static DatiRiserve valida(int anno, EnteProprietario ente, Comune comune, Impostazione dati,
                                      List<String> categorie) {
        List<Errore> errori = new ArrayList<>();
        if (anno < 2017 || anno > 2100) {
            errori.add(new Errore("anno", "anno non valido (dal 2017)"));
        }
        if (dati.alloggiDisponibili() < 0) {
            errori.add(new Errore("alloggiDisponibili", "non può essere negativo"));
        } else if (dati.alloggiDisponibili() > 100_000) {
            errori.add(new Errore("alloggiDisponibili", "al massimo 100.000 alloggi"));
        }
        percentuale(errori, "sogliaIndigentiComune", dati.sogliaIndigentiComune(), 100);
        percentuale(errori, "percentualeCategorie", dati.percentualeCategorie(), 20);
        percentuale(errori, "percentualeForzePolizia", dati.percentualeForzePolizia(), 20);
        percentuale(errori, "percentualePoliziaLocale", dati.percentualePoliziaLocale(), 20);
        if (valore(dati.percentualeForzePolizia()).add(valore(dati.percentualePoliziaLocale())).compareTo(BigDecimal.valueOf(20)) > 0) {
            errori.add(new Errore("percentualePoliziaLocale", "con la riserva per le Forze di Polizia non può superare il 20 % "
                    + "(art. 4 co. 3 lett. d bis)"));
        }
        for (int i = 0; i < categorie.size(); i++) {
            if (!CATEGORIE.contains(categorie.get(i))) {
                errori.add(new Errore("categorie[" + i + "]", "categoria sconosciuta (ammesse: " + String.join(", ", CATEGORIE_IN_ORDINE) + ")"));
            }
        }
        if (valore(dati.percentualeCategorie()).signum() > 0 && categorie.isEmpty()) {
            errori.add(new Errore("categorie", "indicare le categorie dell'art. 14 a cui vanno gli alloggi riservati"));
        }
        boolean delComune = alloggiDelComune(ente, comune.getId());
        if (valore(dati.sogliaIndigentiComune()).signum() > 0 && !delComune) {
            errori.add(new Errore("sogliaIndigentiComune", "solo un comune, per i propri alloggi, può fissare una soglia "
                    + "indigenti oltre il 20 % (art. 13 co. 3)"));
        }
        if (!errori.isEmpty()) {
            throw new DatiNonValidiException(errori);
        }
        // the annual plan itself, outside any avviso: a severe-disability avviso applies it through diAnno(…, tipo)
        return new DatiRiserve(dati.alloggiDisponibili(), delComune, dati.sogliaIndigentiComune(), false,
                dati.percentualeCategorie(), dati.percentualeForzePolizia(), dati.percentualePoliziaLocale());
    }

    private static boolean alloggiDelComune(EnteProprietario ente, long comuneId) {
        return ente.getTipo() == TipoEnte.COMUNE && ente.getComune() != null && ente.getComune().getId() == comuneId;
    }

    private static void percentuale(List<Errore> errori, String campo, BigDecimal valore, int massimo) {
        if (valore(valore).signum() < 0 || valore(valore).compareTo(BigDecimal.valueOf(massimo)) > 0) {
            errori.add(new Errore(campo, "deve essere tra 0 e " + massimo + " %"));
        } else if (valore(valore).scale() > 2) {
            errori.add(new Errore(campo, "al più due decimali"));
        }
    }

    private static BigDecimal valore(BigDecimal valore) {
        return valore == null ? BigDecimal.ZERO : valore;
    }

    private static String json(List<String> categorie) {
        try {
            return JSON.writeValueAsString(categorie);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A jsonb list of art. 14 categories as Java strings. */
    static List<String> categorie(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("categorie illeggibili: " + json, e);
        }
    }
}
