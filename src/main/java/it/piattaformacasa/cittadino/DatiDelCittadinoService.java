package it.piattaformacasa.cittadino;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.domanda.LettureDomanda;

/**
 * «Own their data» (issue 16): everything the platform holds about a citizen, found only by the codice fiscale of
 * their identity (and, for drafts, by their login): the confirmed address, the domande with all they declared and the
 * scores, the positions in graduatorie, the households of the Anagrafe they belong to, the drafts, the notices written
 * to them and the operators' reads of their domande. Read in one transaction, so the page and the download agree.
 */
@Service
public class DatiDelCittadinoService {

    public record DatiDelCittadino(String codiceFiscale, String nomeCompleto, Instant estrattiIl,
                                   IndirizzoEmailService.Indirizzo email, List<DomandaDichiarata> domande,
                                   List<NucleoAnagrafe> nucleiAnagrafe, List<Bozza> bozze,
                                   List<NotificheService.Notifica> notifiche, List<Lettura> letture) {
    }

    public record DomandaDichiarata(long id, long avvisoId, String avviso, Instant presentataIl, String stato,
                                    String codiceIstatResidenza, LocalDate residenteLombardiaDal,
                                    LocalDate residenteComuneDal, boolean lavoroInLombardia, BigDecimal isee,
                                    String protocolloDsu, LocalDate dataDsu, BigDecimal patrimonio,
                                    boolean attestazioneServiziSociali, boolean indigente, JsonNode condizioni,
                                    Punteggi punteggi, String versioneRegole, List<Componente> nucleo,
                                    List<AlloggioScelto> alloggiScelti, List<Posizione> graduatorie) {

        /** The conditions declared true, for the page (the download has them all, as declared). */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public List<String> condizioniDichiarate() {
            List<String> vere = new java.util.ArrayList<>();
            if (condizioni != null) {
                condizioni.properties().forEach(e -> {
                    if (e.getValue().asBoolean()) {
                        vere.add(e.getKey());
                    }
                });
            }
            return vere;
        }
    }

    public record Punteggi(BigDecimal familiare, BigDecimal abitativo, BigDecimal economico, BigDecimal residenzaRegione,
                           BigDecimal residenzaComune, BigDecimal isbar) {
    }

    public record Componente(String codiceFiscale, String nome, String cognome, LocalDate dataNascita, String relazione,
                             int percentualeInvalidita, boolean indennitaAccompagnamento, boolean handicapGrave) {
    }

    public record AlloggioScelto(int preferenza, long alloggioId, String indirizzo, String comune) {
    }

    public record Posizione(long graduatoriaId, String ente, String comune, String stato, int posizione, BigDecimal isbar) {
    }

    public record NucleoAnagrafe(long id, String alloggio, List<Componente> componenti) {
    }

    public record Bozza(long id, long avvisoId, String avviso, int passo, Instant aggiornataIl, JsonNode dati) {
    }

    public record Lettura(long domandaId, String operatore, Instant lettaIl, String dove) {
    }

    private static final String COMPONENTI = """
            select codice_fiscale, nome, cognome, data_nascita, relazione, percentuale_invalidita,
                   indennita_accompagnamento, handicap_grave from componente where nucleo_id = ? order by posizione, id""";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ObjectMapper json;
    private final IndirizzoEmailService indirizzi;
    private final NotificheService notifiche;

    DatiDelCittadinoService(JdbcTemplate jdbc, Clock clock, ObjectMapper json, IndirizzoEmailService indirizzi,
                            NotificheService notifiche) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
        this.indirizzi = indirizzi;
        this.notifiche = notifiche;
    }

    /**
     * @param cf       from the identity (CittadinoCorrente), never from the request
     * @param username the login, owner of the drafts
     */
    @Transactional(readOnly = true)
    public DatiDelCittadino dati(CodiceFiscale cf, String nomeCompleto, String username) {
        String codice = cf.valore();
        List<DomandaDichiarata> domande = jdbc.query("""
                select d.id, d.avviso_id, a.titolo, d.presentata_il, d.stato, d.codice_istat_residenza, d.residente_lombardia_dal,
                       d.residente_comune_dal, d.lavoro_in_lombardia, d.isee, d.protocollo_dsu, d.data_dsu, d.patrimonio,
                       d.attestazione_servizi_sociali, d.indigente, d.condizioni::text, d.punti_familiare, d.punti_abitativo,
                       d.punti_economico, d.punti_residenza_regione, d.punti_residenza_comune, d.isbar, d.versione_regole,
                       d.nucleo_id
                  from domanda d join avviso a on a.id = d.avviso_id
                 where d.richiedente_cf = ? order by d.presentata_il desc, d.id desc""", (rs, n) -> {
            long id = rs.getLong(1);
            return new DomandaDichiarata(id, rs.getLong(2), rs.getString(3), istante(rs.getTimestamp(4)), rs.getString(5),
                    rs.getString(6), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), rs.getBoolean(9), rs.getBigDecimal(10), rs.getString(11),
                    rs.getObject(12, LocalDate.class), rs.getBigDecimal(13), rs.getBoolean(14), rs.getBoolean(15), albero(rs.getString(16)),
                    new Punteggi(rs.getBigDecimal(17), rs.getBigDecimal(18), rs.getBigDecimal(19), rs.getBigDecimal(20),
                            rs.getBigDecimal(21), rs.getBigDecimal(22)), rs.getString(23),
                    componenti(rs.getLong(24)), alloggi(id), posizioni(id));
        }, codice);
        // the households of the Anagrafe (not the nuclei declared in domande, shown with them) that count them in
        List<NucleoAnagrafe> nuclei = jdbc.query("""
                select n.id, al.indirizzo || ', ' || co.nome from nucleo_familiare n
                  left join alloggio al on al.id = n.alloggio_id left join comune co on co.id = al.comune_id
                 where exists (select 1 from componente c where c.nucleo_id = n.id and c.codice_fiscale = ?)
                   and not exists (select 1 from domanda d where d.nucleo_id = n.id)
                 order by n.id""", (rs, n) -> new NucleoAnagrafe(rs.getLong(1), rs.getString(2), componenti(rs.getLong(1))),
                codice);
        // the citizen's own drafts (by codice fiscale, V58) and any a login of theirs wrote at a desk
        List<Bozza> bozze = jdbc.query("""
                select b.id, b.avviso_id, a.titolo, b.passo, b.aggiornata_il, b.dati::text from bozza_domanda b
                  join avviso a on a.id = b.avviso_id where b.codice_fiscale = ? or b.operatore = ?
                 order by b.aggiornata_il desc""",
                (rs, n) -> new Bozza(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), istante(rs.getTimestamp(5)),
                        albero(rs.getString(6))), codice, username);
        List<Lettura> letture = jdbc.query("""
                select l.domanda_id, l.operatore, l.letta_il, l.dove from lettura_domanda l
                  join domanda d on d.id = l.domanda_id where d.richiedente_cf = ? order by l.letta_il desc, l.id desc""",
                (rs, n) -> new Lettura(rs.getLong(1), rs.getString(2), istante(rs.getTimestamp(3)),
                        LettureDomanda.descrizione(rs.getString(4))), codice);
        return new DatiDelCittadino(codice, nomeCompleto, Instant.now(clock), indirizzi.indirizzo(cf), domande, nuclei, bozze,
                notifiche.di(codice), letture);
    }

    private List<Componente> componenti(long nucleoId) {
        return jdbc.query(COMPONENTI, (rs, n) -> new Componente(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getObject(4, LocalDate.class), rs.getString(5), rs.getInt(6), rs.getBoolean(7), rs.getBoolean(8)), nucleoId);
    }

    private List<AlloggioScelto> alloggi(long domandaId) {
        return jdbc.query("""
                select da.preferenza, al.id, al.indirizzo, co.nome from domanda_alloggio da
                  join alloggio al on al.id = da.alloggio_id join comune co on co.id = al.comune_id
                 where da.domanda_id = ? order by da.preferenza""",
                (rs, n) -> new AlloggioScelto(rs.getInt(1) + 1, rs.getLong(2), rs.getString(3), rs.getString(4)), domandaId);
    }

    private List<Posizione> posizioni(long domandaId) {
        return jdbc.query("""
                select g.id, e.ragione_sociale, co.nome, g.stato, r.posizione, r.isbar from graduatoria_riga r
                  join graduatoria g on g.id = r.graduatoria_id join ente_proprietario e on e.id = g.ente_id
                  join comune co on co.id = g.comune_id
                 where r.domanda_id = ? and g.pubblicata_il is not null order by g.id""",
                (rs, n) -> new Posizione(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getBigDecimal(6)), domandaId);
    }

    private JsonNode albero(String testo) {
        try {
            return testo == null ? null : json.readTree(testo);
        } catch (JsonProcessingException e) {
            return json.getNodeFactory().textNode(testo);
        }
    }


    private static Instant istante(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
