package it.piattaformacasa.domanda;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import it.piattaformacasa.common.AccessoNegatoException;
import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.DatiNonValidiException.Errore;
import it.piattaformacasa.common.NonTrovatoException;
import it.piattaformacasa.common.sicurezza.UtenteCorrente;
import jakarta.validation.constraints.Size;

/**
 * The list of members of the forces the Prefettura sends to the ente for a year (art. 7 bis / 7 ter r.r. 4/2017):
 * recorded by the ente's Gestione Avviso operators; only people on it can have a domanda in the dedicated avviso.
 */
@Service
public class ListaPrefetturaService {

    /** The bounds here; what is required and valid is checked by {@link #registra}, every row at once. */
    public record Iscritto(@Size(max = 16, message = "codice fiscale non valido") String codiceFiscale, CorpoAppartenenza corpo,
                           @Size(max = 64, message = "al massimo 64 caratteri") String protocollo) {
    }

    private final JdbcTemplate jdbc;
    private final UtenteCorrente utente;
    private final Clock clock;

    ListaPrefetturaService(JdbcTemplate jdbc, UtenteCorrente utente, Clock clock) {
        this.jdbc = jdbc;
        this.utente = utente;
        this.clock = clock;
    }

    /** Adds the people to the ente's list of the year (a person already there is updated); all rows valid or none. */
    @Transactional
    public List<Iscritto> registra(long enteId, int anno, List<Iscritto> iscritti) {
        if (!utente.entiGestioneAvviso().contains(enteId)) {
            throw new AccessoNegatoException("La lista della Prefettura la registrano gli operatori dell'ente con la gestione avviso");
        }
        List<Errore> errori = new ArrayList<>();
        if (anno < 2017 || anno > 2100) {
            errori.add(new Errore("anno", "anno non valido (dal 2017 al 2100)"));
        }
        for (int i = 0; i < iscritti.size(); i++) {
            Iscritto x = iscritti.get(i);
            if (x == null) {
                errori.add(new Errore("[" + i + "]", "iscritto mancante"));
                continue;
            }
            if (x.codiceFiscale() == null || !CodiceFiscale.isValid(x.codiceFiscale())) {
                errori.add(new Errore("[" + i + "].codiceFiscale", "codice fiscale non valido"));
            }
            if (x.corpo() == null) {
                errori.add(new Errore("[" + i + "].corpo", "obbligatorio"));
            }
            if (x.protocollo() == null || x.protocollo().isBlank()) {
                errori.add(new Errore("[" + i + "].protocollo", "indicare il protocollo della comunicazione della Prefettura"));
            } else if (x.protocollo().strip().length() > 64) {
                errori.add(new Errore("[" + i + "].protocollo", "al massimo 64 caratteri"));
            }
        }
        if (iscritti.isEmpty()) {
            errori.add(new Errore("iscritti", "la lista è vuota"));
        }
        if (!errori.isEmpty()) {
            throw new DatiNonValidiException(errori);
        }
        Instant adesso = Instant.now(clock);
        for (Iscritto x : iscritti) {
            jdbc.update("""
                    insert into lista_prefettura (ente_id, anno, codice_fiscale, corpo, protocollo, registrata_il, registrata_da)
                    values (?, ?, ?, ?, ?, ?, ?)
                    on conflict (ente_id, anno, codice_fiscale) do update set corpo = excluded.corpo,
                        protocollo = excluded.protocollo, registrata_il = excluded.registrata_il, registrata_da = excluded.registrata_da""",
                    enteId, anno, CodiceFiscale.of(x.codiceFiscale()).valore(), x.corpo().name(), x.protocollo().strip(),
                    Timestamp.from(adesso), utente.username());
        }
        return lista(enteId, anno);
    }

    @Transactional(readOnly = true)
    public List<Iscritto> lista(long enteId, int anno) {
        if (!utente.puoVedereEnte(enteId)) {
            throw new NonTrovatoException("Ente " + enteId + " non trovato");
        }
        return jdbc.query("select codice_fiscale, corpo, protocollo from lista_prefettura where ente_id = ? and anno = ? "
                + "order by codice_fiscale", (rs, n) -> new Iscritto(rs.getString(1), CorpoAppartenenza.valueOf(rs.getString(2)),
                rs.getString(3)), enteId, anno);
    }

    /** The corpo the person is listed with by one of the given enti for the year (any ente when null). */
    Optional<CorpoAppartenenza> corpoInLista(String codiceFiscale, int anno, Set<Long> enti) {
        return jdbc.query("select corpo from lista_prefettura where codice_fiscale = ? and anno = ?"
                        + (enti == null ? "" : " and ente_id = any (?)"), (rs, n) -> CorpoAppartenenza.valueOf(rs.getString(1)),
                enti == null ? new Object[] {codiceFiscale, anno} : new Object[] {codiceFiscale, anno, enti.toArray(new Long[0])})
                .stream().findFirst();
    }
}
