package it.piattaformacasa.anagrafe;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import it.piattaformacasa.common.CopiaCsv;

/**
 * The register of the Anagrafe's changes (issue 13, table {@code anagrafe_registro}): who, when, what changed from
 * what to what. Written in the transaction of the change, so a refused change leaves no row and a change never goes
 * unrecorded. Values are stored as text in the API's terms (enum names, «62.50», true/false); the page words them.
 */
@Component
public class RegistroAnagrafe {

    public enum Azione { CREAZIONE, MODIFICA, RITIRO }

    /** One field that changed: its API name, the value before (null on a creation) and after. */
    public record Modifica(String campo, String prima, String dopo) {
    }

    /** One row of the «Storico delle modifiche». */
    public record Voce(long id, Azione azione, String operatore, Instant registratoIl, Long importazioneId,
                       List<Modifica> modifiche) {
    }

    /** A row waiting to be written with others (an import). */
    record Riga(long enteId, Long alloggioId, Long fabbricatoId, Azione azione, Long importazioneId,
                Map<String, String> prima, Map<String, String> dopo) {
    }

    private static final TypeReference<LinkedHashMap<String, String>> MAPPA = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    RegistroAnagrafe(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The alloggio's data as the register keeps them. */
    static Map<String, String> fotografia(Alloggio a) {
        return fotografia(DatiAlloggio.di(a), a.getFabbricato() == null ? null : a.getFabbricato().getCodice(),
                a.getComune().getNome());
    }

    static Map<String, String> fotografia(DatiAlloggio d, String codiceFabbricato, String nomeComune) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("codiceUi", d.codiceUi());
        f.put("fabbricato", codiceFabbricato);
        f.put("comune", nomeComune);
        f.put("zonaLocalita", d.zonaLocalita());
        f.put("indirizzo", d.indirizzo());
        f.put("scala", d.scala());
        f.put("interno", d.interno());
        f.put("piano", d.piano() == null ? null : d.piano().toString());
        f.put("superficieUtile", d.superficieUtile() == null ? null : d.superficieUtile().setScale(2, java.math.RoundingMode.UNNECESSARY)
                .toPlainString());
        f.put("vani", d.vani() == null ? null : d.vani().toString());
        f.put("ascensore", String.valueOf(Boolean.TRUE.equals(d.ascensore())));
        f.put("barriereArchitettoniche", String.valueOf(Boolean.TRUE.equals(d.barriereArchitettoniche())));
        f.put("destinazioneUso", d.destinazioneUso() == null ? null : d.destinazioneUso().name());
        f.put("stato", d.stato() == null ? null : d.stato().name());
        return f;
    }

    static Map<String, String> fotografia(Fabbricato f) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("codice", f.getCodice());
        m.put("comune", f.getComune().getNome());
        m.put("indirizzo", f.getIndirizzo());
        m.put("zonaLocalita", f.getZonaLocalita());
        m.put("annoCostruzione", f.getAnnoCostruzione() == null ? null : f.getAnnoCostruzione().toString());
        m.put("numeroPiani", f.getNumeroPiani() == null ? null : f.getNumeroPiani().toString());
        m.put("ascensore", String.valueOf(f.isAscensore()));
        return m;
    }

    /** The fields whose value differs, before and after; empty when nothing changed. */
    static Map<String, String>[] differenze(Map<String, String> prima, Map<String, String> dopo) {
        Map<String, String> p = new LinkedHashMap<>();
        Map<String, String> d = new LinkedHashMap<>();
        Set<String> campi = new LinkedHashSet<>(prima.keySet());
        campi.addAll(dopo.keySet());
        for (String campo : campi) {
            if (!Objects.equals(prima.get(campo), dopo.get(campo))) {
                p.put(campo, prima.get(campo));
                d.put(campo, dopo.get(campo));
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, String>[] coppia = new Map[] {p, d};
        return coppia;
    }

    void registra(Riga riga, String operatore, Instant il) {
        registraTutte(List.of(riga), operatore, il);
    }

    /** The rows of a change, or of an import's thousands of changes, in one COPY (see {@link CopiaCsv}). */
    void registraTutte(List<Riga> righe, String operatore, Instant il) {
        if (righe.isEmpty()) {
            return;
        }
        CopiaCsv.copia(jdbc, "anagrafe_registro", "ente_id, alloggio_id, fabbricato_id, azione, importazione_id, prima, dopo, operatore,"
                + " registrato_il", csv -> {
                    for (Riga r : righe) {
                        csv.campo(r.enteId()).campo(r.alloggioId()).campo(r.fabbricatoId()).campo(r.azione().name())
                                .campo(r.importazioneId()).campo(r.prima() == null ? null : scrivi(r.prima()))
                                .campo(r.dopo() == null ? null : scrivi(r.dopo())).campo(operatore).campo(il).finePerRiga();
                    }
                });
    }

    /** The alloggio's changes, the latest first. */
    List<Voce> dellAlloggio(long alloggioId) {
        return voci("alloggio_id", alloggioId);
    }

    List<Voce> delFabbricato(long fabbricatoId) {
        return voci("fabbricato_id", fabbricatoId);
    }

    private List<Voce> voci(String colonna, long id) {
        return jdbc.query("select id, azione, operatore, registrato_il, importazione_id, prima::text, dopo::text from anagrafe_registro"
                + " where " + colonna + " = ? order by id desc", (rs, n) -> {
                    Map<String, String> prima = leggi(rs.getString(6));
                    Map<String, String> dopo = leggi(rs.getString(7));
                    Set<String> campi = new LinkedHashSet<>(dopo.keySet());
                    campi.addAll(prima.keySet());
                    List<Modifica> modifiche = new ArrayList<>();
                    for (String campo : campi) {
                        modifiche.add(new Modifica(campo, prima.get(campo), dopo.get(campo)));
                    }
                    // read as an object: wasNull() after the other columns would answer for the last one read, not this
                    Long importazione = rs.getObject(5, Long.class);
                    return new Voce(rs.getLong(1), Azione.valueOf(rs.getString(2)), rs.getString(3),
                            rs.getTimestamp(4).toInstant(), importazione, modifiche);
                }, id);
    }

    private String scrivi(Map<String, String> valori) {
        try {
            return json.writeValueAsString(valori);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> leggi(String testo) {
        if (testo == null) {
            return Map.of();
        }
        try {
            return json.readValue(testo, MAPPA);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
