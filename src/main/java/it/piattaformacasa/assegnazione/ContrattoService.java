package it.piattaformacasa.assegnazione;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import it.piattaformacasa.anagrafe.OccupazioneAlloggi;
import it.piattaformacasa.common.CambioDiStato;
import it.piattaformacasa.common.AccessoNegatoException;
import it.piattaformacasa.common.ConflittoException;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.DatiNonValidiException.Errore;
import it.piattaformacasa.common.ItalianFormats;
import it.piattaformacasa.common.NonTrovatoException;
import it.piattaformacasa.common.PraticaInBreve;
import it.piattaformacasa.common.TestoSicuro;
import it.piattaformacasa.common.sicurezza.UtenteCorrente;

/**
 * After the assignment (seed 000 «CONTRATTI»): «conferma registrazione contratto» records the lease, makes the
 * alloggio OCCUPATO in the Anagrafe and registers the nucleo as its tenants; or the nucleo refuses the alloggio with a
 * reason (art. 15 co. 4) and the alloggio is free again in the avviso. Signing and occupation within 30 days (art. 25).
 */
@Service
public class ContrattoService {

    /** Art. 25: signing and occupation within 30 days of the assignment. */
    public static final Duration TERMINE_CONTRATTO = Duration.ofDays(30);

    public enum Esito { FIRMATO, RINUNCIA }

    public record DatiContratto(String numero, LocalDate firmatoIl, LocalDate decorrenza, BigDecimal canoneMensile,
                                String registrazione) {
    }

    public record Assegnazione(long id, long domandaId, long alloggioId, long enteId, String ente, String stato,
                               Instant assegnataIl, Instant scadenzaContratto, String rinunciaMotivo, String contratto) {
    }

    /** The names of the lease's fields where the data come from: the API's body or the Tasklist form. */
    private record NomiCampi(String numero, String firma, String decorrenza, String canone, String registrazione) {
    }

    private static final NomiCampi CAMPI_API = new NomiCampi("numero", "firmatoIl", "decorrenza", "canoneMensile", "registrazione");
    private static final NomiCampi CAMPI_MODULO = new NomiCampi("numeroContratto", "dataFirma", "decorrenza", "canoneMensile",
            "registrazione");
    /** numeric(10, 2) of contratto.canone_mensile. */
    private static final BigDecimal CANONE_MASSIMO = new BigDecimal("99999999.99");
    private static final LocalDate DATA_MINIMA = LocalDate.of(1900, 1, 1);
    private static final LocalDate DATA_MASSIMA = LocalDate.of(2199, 12, 31);

    private final JdbcTemplate jdbc;
    private final ContrattoProcesso processo;
    private final UtenteCorrente utente;
    private final Clock clock;
    private final OccupazioneAlloggi occupazione;

    /** Issue 16: the richiedente is told of the proposal and of the contratto (see {@link CambioDiStato}). */
    private final ApplicationEventPublisher eventi;

    ContrattoService(JdbcTemplate jdbc, ContrattoProcesso processo, UtenteCorrente utente, Clock clock,
                     OccupazioneAlloggi occupazione, ApplicationEventPublisher eventi) {
        this.eventi = eventi;
        this.jdbc = jdbc;
        this.occupazione = occupazione;
        this.processo = processo;
        this.utente = utente;
        this.clock = clock;
    }

    /** Called in the assignment's transaction. */
    void avvia(long assegnazioneId, long enteId) {
        Assegnazione assegnazione = caricata(assegnazioneId);
        String cf = jdbc.queryForObject("select codice_fiscale from ente_proprietario where id = ?", String.class, enteId);
        processo.avvia(assegnazioneId, cf, assegnazione.scadenzaContratto());
        eventi.publishEvent(new CambioDiStato(CambioDiStato.Evento.ALLOGGIO_ASSEGNATO, assegnazioneId));
    }

    /** From the API: completes «Conferma registrazione contratto», whose step records it. */
    @Transactional
    public Assegnazione conferma(long assegnazioneId, Esito esito, DatiContratto contratto, String motivoRinuncia) {
        Assegnazione assegnazione = assegnazione(assegnazioneId);
        // seeing the ente is not enough: a provincial reader sees it and changes nothing (seed 004)
        if (utente.soloLettura() || !utente.entiAbilitati().contains(assegnazione.enteId())) {
            throw new AccessoNegatoException("Il contratto lo registra " + assegnazione.ente());
        }
        // checked here with the names of the API's body; the process step checks again, for Tasklist's form
        if (esito == Esito.FIRMATO) {
            valida(contratto, CAMPI_API);
        } else if (esito == Esito.RINUNCIA) {
            validaMotivo(motivoRinuncia);
        }
        Map<String, Object> campi = new HashMap<>();
        campi.put("esito", esito == null ? null : esito.name());
        campi.put("motivoRinuncia", motivoRinuncia);
        if (contratto != null) {
            campi.put("numeroContratto", contratto.numero());
            campi.put("dataFirma", contratto.firmatoIl() == null ? null : contratto.firmatoIl().toString());
            campi.put("decorrenza", contratto.decorrenza() == null ? null : contratto.decorrenza().toString());
            campi.put("canoneMensile", contratto.canoneMensile());
            campi.put("registrazione", contratto.registrazione());
        }
        processo.completa(assegnazioneId, utente.username(), campi);
        return assegnazione(assegnazioneId);
    }

    /** The outcome, from the process step after the task (same transaction: a refusal of the data rolls it back). */
    @Transactional
    public void registra(long assegnazioneId, String esito, DatiContratto contratto, String motivoRinuncia, String operatore) {
        Assegnazione assegnazione = caricata(assegnazioneId);
        if (!"ASSEGNATA".equals(assegnazione.stato())) {
            throw new ConflittoException("L'assegnazione " + assegnazioneId + " è già " + assegnazione.stato());
        }
        Instant adesso = Instant.now(clock);
        if (Esito.RINUNCIA.name().equals(esito)) {
            validaMotivo(motivoRinuncia);
            jdbc.update("update assegnazione set stato = 'RINUNCIATA', rinuncia_motivo = ?, chiusa_il = ?, chiusa_da = ? where id = ?",
                    motivoRinuncia, Timestamp.from(adesso), operatore, assegnazioneId);
            return;
        }
        if (!Esito.FIRMATO.name().equals(esito)) {
            throw DatiNonValidiException.campo("esito", "FIRMATO o RINUNCIA");
        }
        valida(contratto, CAMPI_MODULO);
        jdbc.update("""
                insert into contratto (assegnazione_id, numero, firmato_il, decorrenza, canone_mensile, registrazione,
                    registrato_il, registrato_da) values (?, ?, ?, ?, ?, ?, ?, ?)""", assegnazioneId, contratto.numero(),
                contratto.firmatoIl(), contratto.decorrenza(), contratto.canoneMensile(), contratto.registrazione(),
                Timestamp.from(adesso), operatore);
        jdbc.update("update assegnazione set stato = 'CONTRATTO', chiusa_il = ?, chiusa_da = ? where id = ?",
                Timestamp.from(adesso), operatore, assegnazioneId);
        // the Anagrafe: the unit is let, the household lives there
        occupazione.occupatoConContratto(assegnazione.alloggioId(), operatore, adesso);
        jdbc.update("update nucleo_familiare set alloggio_id = ? where id = (select nucleo_id from domanda where id = ?)",
                assegnazione.alloggioId(), assegnazione.domandaId());
        eventi.publishEvent(new CambioDiStato(CambioDiStato.Evento.CONTRATTO_REGISTRATO, assegnazioneId));
    }

    private static void valida(DatiContratto c, NomiCampi campi) {
        List<Errore> errori = new ArrayList<>();
        if (c == null || c.numero() == null || c.numero().isBlank()) {
            errori.add(new Errore(campi.numero(), "obbligatorio"));
        } else {
            testo(errori, campi.numero(), c.numero(), 64);
        }
        if (c == null || c.firmatoIl() == null) {
            errori.add(new Errore(campi.firma(), "obbligatoria"));
        } else if (c.firmatoIl().isBefore(DATA_MINIMA) || c.firmatoIl().isAfter(DATA_MASSIMA)) {
            errori.add(new Errore(campi.firma(), "data fuori dall'intervallo ammesso"));
        }
        if (c == null || c.decorrenza() == null) {
            errori.add(new Errore(campi.decorrenza(), "obbligatoria"));
        } else if (c.decorrenza().isBefore(DATA_MINIMA) || c.decorrenza().isAfter(DATA_MASSIMA)) {
            errori.add(new Errore(campi.decorrenza(), "data fuori dall'intervallo ammesso"));
        } else if (c.firmatoIl() != null && c.decorrenza().isBefore(c.firmatoIl())) {
            errori.add(new Errore(campi.decorrenza(), "non può precedere la firma"));
        }
        if (c == null || c.canoneMensile() == null || c.canoneMensile().signum() < 0) {
            errori.add(new Errore(campi.canone(), "obbligatorio e non negativo"));
        } else if (c.canoneMensile().scale() > 2 || c.canoneMensile().compareTo(CANONE_MASSIMO) > 0) {
            errori.add(new Errore(campi.canone(), "importo in euro fino a 99.999.999,99 con al massimo due decimali"));
        }
        if (c == null || c.registrazione() == null || c.registrazione().isBlank()) {
            errori.add(new Errore(campi.registrazione(), "indicare gli estremi della registrazione"));
        } else {
            testo(errori, campi.registrazione(), c.registrazione(), 200);
        }
        if (!errori.isEmpty()) {
            throw new DatiNonValidiException(errori);
        }
    }

    private static void validaMotivo(String motivoRinuncia) {
        if (motivoRinuncia == null || motivoRinuncia.isBlank()) {
            throw DatiNonValidiException.campo("motivoRinuncia", "indicare il motivo della rinuncia del nucleo");
        }
        List<Errore> errori = new ArrayList<>();
        testo(errori, "motivoRinuncia", motivoRinuncia, 2000);
        if (!errori.isEmpty()) {
            throw new DatiNonValidiException(errori);
        }
    }

    /** Whatever path the text came by (the API, Tasklist's form): its length and characters fit the column. */
    private static void testo(List<Errore> errori, String campo, String testo, int massimo) {
        if (testo.length() > massimo) {
            errori.add(new Errore(campo, "al più " + massimo + " caratteri"));
        } else {
            TestoSicuro.problema(testo, campo.equals("motivoRinuncia")).ifPresent(p -> errori.add(new Errore(campo, "il testo " + p)));
        }
    }

    @Transactional(readOnly = true)
    public Assegnazione assegnazione(long id) {
        Assegnazione assegnazione = caricata(id);
        if (!utente.puoVedereEnte(assegnazione.enteId())) {
            throw new NonTrovatoException("Assegnazione " + id + " non trovata");
        }
        return assegnazione;
    }

    /** The assignment as «Conferma registrazione contratto» names it in Tasklist; empty if it is not there. */
    @Transactional(readOnly = true)
    public Optional<PraticaInBreve> inBreve(long assegnazioneId) {
        return jdbc.query("""
                select e.ragione_sociale, c.nome, av.titolo, a.domanda_id, al.codice_ui
                  from assegnazione a join ente_proprietario e on e.id = a.ente_id
                  join alloggio al on al.id = a.alloggio_id join comune c on c.id = al.comune_id
                  join avviso av on av.id = a.avviso_id
                 where a.id = ?""", (rs, n) -> new PraticaInBreve(rs.getString("ragione_sociale"), rs.getString("nome"),
                rs.getString("titolo"), "Domanda n. " + rs.getLong("domanda_id") + ", alloggio " + rs.getString("codice_ui"),
                "domanda n. " + rs.getLong("domanda_id")).conPagina("/domande/" + rs.getLong("domanda_id")), assegnazioneId)
                .stream().findFirst();
    }

    /** What «Conferma registrazione contratto» shows: the nucleo by its domanda (no names) and the alloggio. */
    public record PerIlModulo(String nucleo, String alloggio, String risposta) {
    }

    /** What the form says while the nucleo has not answered online (issue 16). */
    static final String NESSUNA_RISPOSTA = "nessuna risposta online (il nucleo può rispondere anche presso l'ente)";

    @Transactional(readOnly = true)
    public Optional<PerIlModulo> perIlModulo(long assegnazioneId) {
        return jdbc.query("""
                select a.domanda_id, (select count(*) from componente k where k.nucleo_id = d.nucleo_id) as componenti,
                       al.codice_ui, al.indirizzo, al.scala, al.interno, al.piano, al.superficie_utile, al.vani, c.nome as comune,
                       r.accettata, r.motivo, r.risposta_il
                  from assegnazione a join domanda d on d.id = a.domanda_id
                  left join risposta_proposta r on r.assegnazione_id = a.id
                  join alloggio al on al.id = a.alloggio_id join comune c on c.id = al.comune_id
                 where a.id = ?""", (rs, n) -> {
            long componenti = rs.getLong("componenti");
            String nucleo = "Domanda n. " + rs.getLong("domanda_id") + ": nucleo di " + componenti
                    + (componenti == 1 ? " componente" : " componenti");
            StringBuilder alloggio = new StringBuilder(rs.getString("codice_ui")).append(" – ").append(rs.getString("indirizzo"));
            if (rs.getString("scala") != null) {
                alloggio.append(", scala ").append(rs.getString("scala"));
            }
            if (rs.getString("interno") != null) {
                alloggio.append(", interno ").append(rs.getString("interno"));
            }
            int piano = rs.getInt("piano");
            alloggio.append(", ").append(piano == 0 ? "piano terra" : "piano " + piano).append(", ").append(rs.getString("comune"))
                    .append(" – ").append(ItalianFormats.decimale(rs.getBigDecimal("superficie_utile"), 2)).append(" m², ")
                    .append(rs.getInt("vani")).append(rs.getInt("vani") == 1 ? " vano" : " vani");
            String risposta = rs.getTimestamp("risposta_il") == null ? NESSUNA_RISPOSTA : SeguitoDelCittadino.testoPerLEnte(
                    rs.getBoolean("accettata"), rs.getString("motivo"), rs.getTimestamp("risposta_il").toInstant());
            return new PerIlModulo(nucleo, alloggio.toString(), risposta);
        }, assegnazioneId).stream().findFirst();
    }

    private Assegnazione caricata(long id) {
        try {
            return jdbc.queryForObject("""
                    select a.id, a.domanda_id, a.alloggio_id, a.ente_id, e.ragione_sociale, a.stato, a.assegnata_il,
                           a.rinuncia_motivo, c.numero
                      from assegnazione a join ente_proprietario e on e.id = a.ente_id
                      left join contratto c on c.assegnazione_id = a.id
                     where a.id = ?""", (rs, n) -> {
                Instant assegnata = rs.getTimestamp("assegnata_il").toInstant();
                return new Assegnazione(rs.getLong("id"), rs.getLong("domanda_id"), rs.getLong("alloggio_id"),
                        rs.getLong("ente_id"), rs.getString("ragione_sociale"), rs.getString("stato"), assegnata,
                        assegnata.plus(TERMINE_CONTRATTO), rs.getString("rinuncia_motivo"), rs.getString("numero"));
            }, id);
        } catch (EmptyResultDataAccessException e) {
            throw new NonTrovatoException("Assegnazione " + id + " non trovata");
        }
    }
}
