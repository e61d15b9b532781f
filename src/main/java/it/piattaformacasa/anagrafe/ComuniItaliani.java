package it.piattaformacasa.anagrafe;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import it.piattaformacasa.common.DatiNonValidiException;

/**
 * The current Italian comuni (table {@code comune_italiano}, ISTAT list loaded by a migration): every ISTAT code the API
 * accepts — the residence of a domanda, and the comune of work and any other when they come — is checked here, so an
 * unknown code is a 400 naming the field and never a row. Reference data change only with a migration: read once.
 */
@Service
public class ComuniItaliani {

    public record ComuneItaliano(String codiceIstat, String codiceCatastale, String nome, String siglaProvincia,
                                 String regione) {
    }

    private final JdbcTemplate jdbc;
    private volatile Map<String, ComuneItaliano> perCodice;

    ComuniItaliani(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ComuneItaliano> perCodiceIstat(String codiceIstat) {
        return Optional.ofNullable(codiceIstat == null ? null : elenco().get(codiceIstat));
    }

    /**
     * @param campo the field of the request that holds the code, named in the error
     * @return the error for a code that is not a current Italian comune; empty otherwise
     */
    public Optional<DatiNonValidiException.Errore> verificaCodiceIstat(String campo, String codiceIstat) {
        if (codiceIstat == null || perCodiceIstat(codiceIstat).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new DatiNonValidiException.Errore(campo, "il codice ISTAT " + codiceIstat
                + " non corrisponde a nessun comune italiano"));
    }

    /** Whether {@code sigla} («VA») is the province of a current Italian comune. */
    public boolean esisteProvincia(String sigla) {
        return sigla != null && elenco().values().stream().anyMatch(c -> c.siglaProvincia().equals(sigla));
    }

    private Map<String, ComuneItaliano> elenco() {
        Map<String, ComuneItaliano> elenco = perCodice;
        if (elenco == null) {
            Map<String, ComuneItaliano> letti = new ConcurrentHashMap<>();
            jdbc.query("select codice_istat, codice_catastale, nome, sigla_provincia, regione from comune_italiano", rs -> {
                letti.put(rs.getString(1), new ComuneItaliano(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)));
            });
            perCodice = elenco = Map.copyOf(letti);
        }
        return elenco;
    }
}
