package it.piattaformacasa.regole;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import it.piattaformacasa.common.DatiNonValidiException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import it.piattaformacasa.regole.kie.EsitoDmn;
import it.piattaformacasa.regole.kie.KieDmnRuntime;

/**
 * Test cases of a rule-set version (inputs → expected decision outputs), stored with it and run against that
 * version's DMN, named by its number, never the current version in its place; each version is compiled once and kept.
 * Numbers compare by value (8 = 8,000).
 */
@Service
public class CasiDiTestRegole {

    public record Caso(@NotBlank(message = "obbligatoria") @Size(max = 500, message = "al massimo 500 caratteri") String descrizione,
                       @Size(max = 200, message = "al massimo 200 dati") Map<String, Object> input,
                       @NotEmpty(message = "indicare almeno una decisione attesa")
                       @Size(max = 200, message = "al massimo 200 decisioni") Map<String, Object> atteso) {
    }

    public record Esito(String descrizione, boolean superato, Map<String, Object> atteso, Map<String, Object> ottenuto,
                        String errore) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final RepositoryRegole repository;

    private final RegistroRegole registro;
    private final it.piattaformacasa.common.sicurezza.UtenteCorrente utente;

    private final KieDmnRuntime runtime;

    CasiDiTestRegole(JdbcTemplate jdbc, RepositoryRegole repository, RegistroRegole registro,
                     it.piattaformacasa.common.sicurezza.UtenteCorrente utente, KieDmnRuntime runtime) {
        this.runtime = runtime;
        this.registro = registro;
        this.utente = utente;
        this.jdbc = jdbc;
        this.repository = repository;
    }

    /** Adds (or replaces, by description) the cases of a version, then runs them all. */
    @Transactional
    public List<Esito> aggiungi(String nome, int versione, List<Caso> casi) {
        repository.sorgente(nome, versione); // 404 for an unknown version
        List<DatiNonValidiException.Errore> errori = new ArrayList<>();
        for (int i = 0; i < casi.size(); i++) {
            Caso c = casi.get(i);
            if (c.descrizione() == null || c.descrizione().isBlank()) {
                errori.add(new DatiNonValidiException.Errore("[" + i + "].descrizione", "obbligatoria"));
            }
            if (c.atteso() == null || c.atteso().isEmpty()) {
                errori.add(new DatiNonValidiException.Errore("[" + i + "].atteso", "indicare almeno una decisione attesa"));
            }
        }
        if (!errori.isEmpty()) {
            throw new DatiNonValidiException(errori);
        }
        for (Caso c : casi) {
            jdbc.update("""
                    insert into regola_caso_test (nome, versione, descrizione, input, atteso) values (?, ?, ?, ?::jsonb, ?::jsonb)
                    on conflict (nome, versione, descrizione) do update set input = excluded.input, atteso = excluded.atteso""",
                    nome, versione, c.descrizione().strip(), json(c.input() == null ? Map.of() : c.input()), json(c.atteso()));
        }
        registro.registra(utente.username(), RegistroRegole.Azione.CASI_DI_TEST, nome, versione, null, null,
                Map.of("casi", casi.stream().map(Caso::descrizione).toList()));
        return esegui(nome, versione);
    }

    /** The cases of the version, in the order they were added, without running them (the console lists them). */
    @Transactional(readOnly = true)
    public List<Caso> elenco(String nome, int versione) {
        return jdbc.query("select descrizione, input::text, atteso::text from regola_caso_test "
                + "where nome = ? and versione = ? order by id", (rs, n) -> new Caso(rs.getString(1), mappa(rs.getString(2)),
                mappa(rs.getString(3))), nome, versione);
    }

    /** Runs every case of the version; a case fails when a decision differs from what it expects or the evaluation fails. */
    @Transactional(readOnly = true)
    public List<Esito> esegui(String nome, int versione) {
        List<Caso> casi = jdbc.query("select descrizione, input::text, atteso::text from regola_caso_test "
                + "where nome = ? and versione = ? order by id", (rs, n) -> new Caso(rs.getString(1), mappa(rs.getString(2)),
                mappa(rs.getString(3))), nome, versione);
        if (casi.isEmpty()) {
            return List.of();
        }
        List<Esito> esiti = new ArrayList<>();
        for (Caso caso : casi) {
            Map<String, Object> input = new LinkedHashMap<>();
            caso.input().forEach((k, v) -> input.put(k, v instanceof Number n ? new BigDecimal(n.toString()) : v));
            try {
                EsitoDmn esito = runtime.valuta(nome, versione, input);
                Map<String, Object> ottenuto = new LinkedHashMap<>();
                boolean superato = true;
                for (Map.Entry<String, Object> atteso : caso.atteso().entrySet()) {
                    Object valore = esito.decisioni().get(atteso.getKey());
                    ottenuto.put(atteso.getKey(), valore);
                    superato &= uguali(atteso.getValue(), valore);
                }
                esiti.add(new Esito(caso.descrizione(), superato, caso.atteso(), ottenuto, null));
            } catch (RuntimeException e) {
                esiti.add(new Esito(caso.descrizione(), false, caso.atteso(), Map.of(), e.getMessage()));
            }
        }
        return esiti;
    }

    private static boolean uguali(Object atteso, Object ottenuto) {
        if (atteso instanceof Map<?, ?> a && ottenuto instanceof Map<?, ?> o) {
            // a decision with several outputs: every expected output, compared the same way
            return a.entrySet().stream().allMatch(e -> o.containsKey(e.getKey()) && uguali(e.getValue(), o.get(e.getKey())));
        }
        if (atteso instanceof Number a && ottenuto instanceof Number o) {
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(o.toString())) == 0;
        }
        return atteso == null ? ottenuto == null : atteso.equals(ottenuto);
    }

    private static String json(Object valore) {
        try {
            return JSON.writeValueAsString(valore);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> mappa(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
