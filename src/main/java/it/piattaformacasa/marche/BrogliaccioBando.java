package it.piattaformacasa.marche;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * «Stampa brogliaccio» (seed 004: «una estrazione, in formato excel, dei dati inseriti»): one row per domanda of the
 * bando, in order of number — anagrafica (passo 1), requisiti and the nucleo's summary (passo 2), the points of each
 * condition of the grid (passi 3 and 4, from the score's detail), the total, and passo 5. Who reads the bando reads it.
 * Values stay typed (numbers, {@link java.time.LocalDate}, booleans): the web layer writes them as Excel cells.
 */
@Service
public class BrogliaccioBando {

    /** The columns before the conditions' points. */
    static final List<String> ANAGRAFICA = List.of("Numero", "Data presentazione", "Cognome", "Nome", "Sesso", "Data di nascita",
            "Luogo di nascita", "Codice fiscale", "Nazionalità", "Residente a", "Indirizzo", "CAP", "Residente all'estero",
            "Residente nel comune dal", "Anni di presentazione di domande", "ISEE", "Requisiti dichiarati", "Nucleo monoparentale",
            "Altri componenti del nucleo", "Componenti a carico", "Componenti con invalidità", "Componenti minorenni",
            "Fasce spuntate", "Valori dichiarati");
    static final List<String> PASSO_5 = List.of("Punteggio totale", "Esclusa", "Motivo esclusione", "Alloggio assegnato",
            "Anno di assegnazione", "Motivo non assegnazione", "Note");

    /** The sheet: its title, columns and typed rows. */
    public record Foglio(String titolo, List<String> colonne, List<List<Object>> righe) {
    }

    private final JdbcTemplate jdbc;
    private final BandiService bandi;
    private final ObjectMapper json = new ObjectMapper();

    BrogliaccioBando(JdbcTemplate jdbc, BandiService bandi) {
        this.jdbc = jdbc;
        this.bandi = bandi;
    }

    @Transactional(readOnly = true)
    public Foglio brogliaccio(long bandoId) {
        Bando bando = bandi.bando(bandoId);
        List<String> colonne = new ArrayList<>(ANAGRAFICA);
        for (ContenitoreCondizione c : ContenitoreCondizione.values()) {
            colonne.add("Punti " + c.etichetta());
        }
        colonne.addAll(PASSO_5);
        List<List<Object>> righe = jdbc.query("""
                select d.*,
                       (select count(*) from marche_componente c where c.domanda_id = d.id) as componenti,
                       (select count(*) from marche_componente c where c.domanda_id = d.id and c.a_carico) as a_carico,
                       (select count(*) from marche_componente c where c.domanda_id = d.id and c.invalidita > 0) as invalidi,
                       (select count(*) from marche_componente c where c.domanda_id = d.id
                           and c.data_nascita > d.data_presentazione - interval '18 years') as minori
                  from marche_domanda d where d.bando_id = ? order by d.numero""", (rs, n) -> riga(rs), bando.id());
        return new Foglio("Brogliaccio bando " + bando.numero() + " " + bando.anno(), colonne, righe);
    }

    private List<Object> riga(ResultSet rs) throws SQLException {
        List<Object> r = new ArrayList<>();
        r.add(rs.getInt("numero"));
        r.add(data(rs, "data_presentazione"));
        r.add(rs.getString("cognome"));
        r.add(rs.getString("nome"));
        r.add(rs.getString("sesso"));
        r.add(data(rs, "data_nascita"));
        r.add(rs.getString("luogo_nascita"));
        r.add(rs.getString("codice_fiscale"));
        r.add(rs.getString("nazionalita"));
        r.add(rs.getString("residente_a"));
        r.add(rs.getString("indirizzo"));
        r.add(rs.getString("cap"));
        r.add(rs.getBoolean("residente_estero"));
        r.add(data(rs, "residente_dal"));
        r.add(rs.getString("anni_presentazione"));
        r.add(rs.getBigDecimal("isee"));
        r.add(requisiti(rs.getString("requisiti")));
        r.add(rs.getBoolean("monoparentale"));
        r.add(rs.getInt("componenti"));
        r.add(rs.getInt("a_carico"));
        r.add(rs.getInt("invalidi"));
        r.add(rs.getInt("minori"));
        r.add(elenco(rs.getString("fasce_spuntate")));
        r.add(elenco(rs.getString("valori_dichiarati")));
        Map<ContenitoreCondizione, BigDecimal> punti = punti(rs.getString("punteggio_dettaglio"));
        for (ContenitoreCondizione c : ContenitoreCondizione.values()) {
            r.add(punti.get(c));
        }
        r.add(rs.getBigDecimal("punteggio"));
        r.add(rs.getBoolean("esclusa"));
        r.add(rs.getString("motivo_esclusione"));
        r.add(rs.getBoolean("alloggio_assegnato"));
        r.add(rs.getObject("anno_assegnazione"));
        r.add(rs.getString("motivo_non_assegnazione"));
        r.add(rs.getString("note"));
        return r;
    }

    /** The declarations ticked, {"cittadinanza": true, …} → «cittadinanza, residenza»; null for none. */
    private String requisiti(String testo) {
        JsonNode nodo = albero(testo);
        if (nodo == null || !nodo.isObject()) {
            return null;
        }
        TreeSet<String> veri = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> i = nodo.fields(); i.hasNext(); ) {
            Map.Entry<String, JsonNode> e = i.next();
            if (e.getValue().asBoolean(false)) {
                veri.add(e.getKey());
            }
        }
        return veri.isEmpty() ? null : String.join(", ", veri);
    }

    /**
     * A JSON object of the desk as one cell, keys in order: {"SOGGETTIVA_3": ["a"], "OGGETTIVA_5": ["b"]} → «OGGETTIVA 5: b;
     * SOGGETTIVA 3: a», {"ANNI_PARTECIPAZIONE": 3} → «ANNI_PARTECIPAZIONE: 3»; null for none.
     */
    String elenco(String testo) {
        JsonNode nodo = albero(testo);
        if (nodo == null || !nodo.isObject() || nodo.isEmpty()) {
            return null;
        }
        java.util.TreeMap<String, String> voci = new java.util.TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> i = nodo.fields(); i.hasNext(); ) {
            Map.Entry<String, JsonNode> e = i.next();
            String valore;
            if (e.getValue().isArray()) {
                List<String> parti = new ArrayList<>();
                e.getValue().forEach(v -> parti.add(v.asText()));
                valore = String.join(", ", parti);
            } else {
                valore = e.getValue().asText();
            }
            String chiave = ContenitoreCondizione.di(e.getKey()).map(ContenitoreCondizione::etichetta).orElse(e.getKey());
            voci.put(chiave, chiave + ": " + valore);
        }
        return String.join("; ", voci.values());
    }

    /**
     * The points of each condition from the score's detail: the desk's {@link PunteggioGriglia.Voce} list as stored
     * ([{"condizione": "SOGGETTIVA_1", "punti": 5, "contata": true}, …], or inside {"voci": […]}), a band not counted
     * (non-cumulative group) left out; or a plain {"SOGGETTIVA_1": 5} map. Nothing for a domanda not yet scored.
     */
    Map<ContenitoreCondizione, BigDecimal> punti(String testo) {
        Map<ContenitoreCondizione, BigDecimal> punti = new EnumMap<>(ContenitoreCondizione.class);
        JsonNode nodo = albero(testo);
        if (nodo == null) {
            return punti;
        }
        JsonNode voci = nodo.isArray() ? nodo : nodo.path("voci");
        if (voci.isArray()) {
            for (JsonNode voce : voci) {
                if (!voce.path("contata").asBoolean(true) || !voce.path("punti").isNumber()) {
                    continue;
                }
                ContenitoreCondizione.di(voce.path("condizione").asText()).ifPresent(c ->
                        punti.merge(c, voce.get("punti").decimalValue(), BigDecimal::add));
            }
        } else if (nodo.isObject()) {
            for (ContenitoreCondizione c : ContenitoreCondizione.values()) {
                if (nodo.path(c.name()).isNumber()) {
                    punti.put(c, nodo.get(c.name()).decimalValue());
                }
            }
        }
        punti.replaceAll((c, p) -> p.setScale(2, java.math.RoundingMode.HALF_UP));
        return punti;
    }

    private JsonNode albero(String testo) {
        if (testo == null || testo.isBlank()) {
            return null;
        }
        try {
            return json.readTree(testo);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static java.time.LocalDate data(ResultSet rs, String colonna) throws SQLException {
        Date d = rs.getDate(colonna);
        return d == null ? null : d.toLocalDate();
    }
}
