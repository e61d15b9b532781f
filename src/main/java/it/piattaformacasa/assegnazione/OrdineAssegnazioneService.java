package it.piattaformacasa.assegnazione;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import it.piattaformacasa.avviso.TipoAvviso;
import it.piattaformacasa.common.ConflittoException;
import it.piattaformacasa.graduatoria.Graduatoria;
import it.piattaformacasa.graduatoria.GraduatoriaService;
import it.piattaformacasa.regole.PrecedenzaAssegnazione;
import it.piattaformacasa.regole.RegoleVincolate;
import it.piattaformacasa.avviso.RegoleDellAvviso;
import it.piattaformacasa.regole.PrecedenzaAssegnazione.DatiPrecedenza;
import it.piattaformacasa.regole.PrecedenzaAssegnazione.Precedenza;
import it.piattaformacasa.regole.RiserveAssegnazione;

/**
 * «Who comes next» in a definitive graduatoria (art. 15 r.r. 4/2017): the order in which the ente proposes its units,
 * from the graduatoria, the year's reserves of the ente in that comune, and the precedence groups of
 * {@code rules/precedenza-assegnazione.dmn}. At each step every kind of household still waiting (indigent or not,
 * resident or not, member of a reserved category or not) gets its group for the reserves left; the lowest group wins,
 * the better graduatoria position breaks the tie, and a unit given within a reserve uses it up by one.
 */
@Service
public class OrdineAssegnazioneService {

    private static final ZoneId FUSO = ZoneId.of("Europe/Rome");

    public record Proposta(int ordine, int posizione, long domandaId, BigDecimal isbar, boolean indigente,
                           boolean residenteNelComune, boolean categoriaRiservata, int gruppo, String motivo) {
    }

    /**
     * @param riserve              the year's quotas
     * @param assegnatiIndigenti   units of the indigent reserve already assigned this year by the ente in the comune
     * @param assegnatiCategorie   units of the category reserve already assigned
     * @param ordine               the domande still waiting (not assigned anywhere, not excluded here), in order
     */
    public record OrdineAssegnazione(long graduatoriaId, int anno, RiserveAssegnazione.Riserve riserve,
                                     int assegnatiIndigenti, int assegnatiCategorie, int assegnatiForzePolizia,
                                     int assegnatiPoliziaLocale, List<String> categorieRiservate, List<Proposta> ordine) {
    }

    private record InAttesa(int posizione, long domandaId, BigDecimal isbar, DatiTipo tipo) {
    }

    /** What the precedence depends on besides the reserves left. */
    private record DatiTipo(boolean indigente, boolean residente, boolean categoria) {
    }

    private final GraduatoriaService graduatorie;
    private final PianoRiserveService piani;
    private final PrecedenzaAssegnazione precedenza;
    private final RegoleDellAvviso regole;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    OrdineAssegnazioneService(GraduatoriaService graduatorie, PianoRiserveService piani, PrecedenzaAssegnazione precedenza,
                              JdbcTemplate jdbc, Clock clock, RegoleDellAvviso regole) {
        this.regole = regole;
        this.graduatorie = graduatorie;
        this.piani = piani;
        this.precedenza = precedenza;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public OrdineAssegnazione ordine(long graduatoriaId) {
        return calcola(graduatorie.graduatoria(graduatoriaId), false);
    }

    /** For the assignment step, which may run for a Tasklist user outside the API's security. */
    OrdineAssegnazione perAssegnazione(long graduatoriaId) {
        return calcola(graduatorie.perProcesso(graduatoriaId), true);
    }

    private OrdineAssegnazione calcola(Graduatoria graduatoria, boolean perProcesso) {
        long graduatoriaId = graduatoria.getId();
        if (!graduatoria.assegnabile()) {
            throw new ConflittoException("L'ordine di assegnazione si calcola sulla graduatoria definitiva: la graduatoria "
                    + graduatoriaId + " è " + graduatoria.getStato());
        }
        int anno = LocalDate.now(clock.withZone(FUSO)).getYear();
        String istat = graduatoria.getComune().getCodiceIstat();
        // the avviso's type reaches the reserve rule: a severe-disability avviso has the plain 20 % (art. 14 co. 1 bis)
        List<PianoRiserveService.QuoteAnnuali> quoteDellAnno = perProcesso
                ? piani.perProcesso(graduatoria.getEnte().getId(), anno, graduatoria.getAvviso().getTipo())
                : piani.diAnno(graduatoria.getEnte().getId(), anno, graduatoria.getAvviso().getTipo());
        PianoRiserveService.QuoteAnnuali quote = quoteDellAnno
                .stream().filter(q -> q.codiceIstatComune().equals(istat)).findFirst()
                .orElseThrow(() -> new ConflittoException("Mancano le riserve " + anno + " di "
                        + graduatoria.getEnte().getRagioneSociale() + " per il comune di " + graduatoria.getComune().getNome()
                        + ": impostarle (alloggi disponibili e quote del piano annuale) prima di assegnare"));
        Set<String> scelte = Set.copyOf(quote.impostazione().categorie());

        // the definitive graduatoria's order, best first, without the nuclei already assigned (by any ente), those
        // excluded here and those that refused this ente's alloggio; «riserva» is set only for avvisi that allow
        // category reserves
        List<InAttesa> righe = jdbc.query("""
                select r.posizione, r.domanda_id, r.isbar, r.indigente, r.priorita, r.riserva, d.categorie
                  from graduatoria_riga r
                  join graduatoria g on g.id = r.graduatoria_id
                  join domanda d on d.id = r.domanda_id
                 where r.graduatoria_id = ?
                   and not exists (select 1 from assegnazione a where a.domanda_id = r.domanda_id and a.stato <> 'RINUNCIATA')
                   and not exists (select 1 from istruttoria i where i.domanda_id = r.domanda_id and i.ente_id = g.ente_id
                                      and i.stato = 'NON_AMMISSIBILE')
                   -- art. 15 co. 4: a nucleo that refused this ente's alloggio is passed over, the ente moves down the list
                   and not exists (select 1 from assegnazione a where a.domanda_id = r.domanda_id and a.ente_id = g.ente_id
                                      and a.stato = 'RINUNCIATA')
                 order by r.posizione""", (rs, n) -> new InAttesa(rs.getInt("posizione"), rs.getLong("domanda_id"),
                rs.getBigDecimal("isbar"), new DatiTipo(rs.getBoolean("indigente"), rs.getBoolean("priorita"),
                rs.getBoolean("riserva") && PianoRiserveService.categorie(rs.getString("categorie")).stream().anyMatch(scelte::contains))),
                graduatoriaId);

        Map<DatiTipo, Deque<InAttesa>> code = new LinkedHashMap<>();
        righe.forEach(r -> code.computeIfAbsent(r.tipo(), t -> new ArrayDeque<>()).add(r));
        Map<DatiPrecedenza, Precedenza> gruppi = new HashMap<>();
        Map<String, Integer> usate = new HashMap<>();
        jdbc.query("""
                select a.riserva, count(*) from assegnazione a
                  join istruttoria i on i.id = a.istruttoria_id
                  join graduatoria g on g.id = i.graduatoria_id
                 where a.ente_id = ? and g.comune_id = ? and a.stato <> 'RINUNCIATA' and a.riserva is not null
                   and extract(year from a.assegnata_il at time zone 'Europe/Rome') = ?
                 group by a.riserva""", rs -> {
            usate.put(rs.getString(1), rs.getInt(2));
        }, graduatoria.getEnte().getId(), graduatoria.getComune().getId(), anno);
        int assegnatiIndigenti = usate.getOrDefault("INDIGENTI", 0);
        int assegnatiCategorie = usate.getOrDefault("CATEGORIE", 0);
        // the avviso dedicated to the forces has its own quota (art. 7 bis / 7 ter): no indigent or category reserve there
        boolean forze = graduatoria.getAvviso().getTipo() == TipoAvviso.FORZE_POLIZIA;
        int riservaIndigenti = forze ? 0 : quote.riserve().indigenti() - assegnatiIndigenti;
        int riservaCategorie = forze ? 0 : quote.riserve().categorie() - assegnatiCategorie;
        List<Proposta> ordine = new ArrayList<>(righe.size());
        RegoleVincolate vincolo = regole.vincolo(graduatoria.getAvviso().getId());
        while (ordine.size() < righe.size()) {
            InAttesa scelto = null;
            Precedenza sua = null;
            for (Map.Entry<DatiTipo, Deque<InAttesa>> coda : code.entrySet()) {
                InAttesa primo = coda.getValue().peekFirst();
                if (primo == null) {
                    continue;
                }
                DatiTipo t = coda.getKey();
                Precedenza p = gruppi.computeIfAbsent(new DatiPrecedenza(t.indigente(), t.residente(), riservaIndigenti > 0,
                        t.categoria(), riservaCategorie > 0), d -> precedenza.gruppo(d, vincolo));
                if (scelto == null || p.gruppo() < sua.gruppo()
                        || p.gruppo() == sua.gruppo() && primo.posizione() < scelto.posizione()) {
                    scelto = primo;
                    sua = p;
                }
            }
            code.get(scelto.tipo()).removeFirst();
            if (sua.gruppo() == 1 || sua.gruppo() == 2) {
                riservaIndigenti--;
            } else if (sua.gruppo() == 3) {
                riservaCategorie--;
            }
            String motivo = sua.spiegazione().isEmpty() ? "" : sua.spiegazione().get(0).descrizione();
            ordine.add(new Proposta(ordine.size() + 1, scelto.posizione(), scelto.domandaId(), scelto.isbar(),
                    scelto.tipo().indigente(), scelto.tipo().residente(), scelto.tipo().categoria(), sua.gruppo(), motivo));
        }
        return new OrdineAssegnazione(graduatoriaId, anno, quote.riserve(), assegnatiIndigenti, assegnatiCategorie,
                usate.getOrDefault("FORZE_POLIZIA", 0), usate.getOrDefault("POLIZIA_LOCALE", 0),
                List.copyOf(quote.impostazione().categorie()), ordine);
    }
}
