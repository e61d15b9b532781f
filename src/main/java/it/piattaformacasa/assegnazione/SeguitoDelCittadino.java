package it.piattaformacasa.assegnazione;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.common.ConflittoException;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.ItalianFormats;
import it.piattaformacasa.common.NonTrovatoException;
import it.piattaformacasa.common.TestoSicuro;
import it.piattaformacasa.common.sicurezza.UtenteCorrente;
import it.piattaformacasa.domanda.DomandeDelCittadino;

/**
 * Issue 16: what happened to the citizen's own domanda after the graduatorie (the istruttorie at each ente, the
 * proposed alloggio, the contract) and the citizen's answer to a proposta di assegnazione. Every method takes the
 * codice fiscale of the identity and answers 404 for a domanda that is not the citizen's.
 *
 * <p>The answer is given once (a second one is a conflict, whatever it says) and recorded in {@code
 * risposta_proposta}. A refusal with its reason is the nucleo's «rinuncia» of art. 15 co. 4: it completes «Conferma
 * registrazione contratto» on its rinuncia path, exactly as the ente's operator does when the nucleo refuses at the
 * desk (the same process step, {@link ContrattoService#registra}); the alloggio is free again for the graduatoria. An
 * acceptance leaves the task where it is — the ente records the lease when it is signed — and the task's form shows
 * the answer.
 */
@Service
public class SeguitoDelCittadino {

    /** An istruttoria at an ente, as the citizen reads it. */
    public record Istruttoria(String ente, String stato, Instant avviataIl, Instant chiusaIl, String note) {
    }

    /** The citizen's answer to the proposta. */
    public record Risposta(boolean accettata, String motivo, Instant rispostaIl) {
    }

    /** The proposed alloggio and what became of it. */
    public record Proposta(long assegnazioneId, String ente, String alloggio, String stato, Instant assegnataIl,
                           Instant scadenzaContratto, String rinunciaMotivo, Instant chiusaIl, String contratto,
                           LocalDate contrattoFirmatoIl, LocalDate decorrenza, Risposta risposta) {

        /** The nucleo may still answer: the alloggio is assigned, no contract nor rinuncia yet, no answer given. */
        public boolean inAttesaDiRisposta() {
            return "ASSEGNATA".equals(stato) && risposta == null;
        }
    }

    private final JdbcTemplate jdbc;
    private final DomandeDelCittadino domande;
    private final ContrattoService contratti;
    private final ContrattoProcesso processo;
    private final UtenteCorrente utente;
    private final Clock clock;

    SeguitoDelCittadino(JdbcTemplate jdbc, DomandeDelCittadino domande, ContrattoService contratti, ContrattoProcesso processo,
                        UtenteCorrente utente, Clock clock) {
        this.jdbc = jdbc;
        this.domande = domande;
        this.contratti = contratti;
        this.processo = processo;
        this.utente = utente;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Istruttoria> istruttorie(long domandaId, CodiceFiscale cittadino) {
        domande.verifica(domandaId, cittadino);
        return jdbc.query("""
                select e.ragione_sociale, i.stato, i.avviata_il, i.chiusa_il, i.note
                  from istruttoria i join ente_proprietario e on e.id = i.ente_id
                 where i.domanda_id = ? order by i.avviata_il, i.id""", (rs, n) -> new Istruttoria(rs.getString(1),
                rs.getString(2), rs.getTimestamp(3).toInstant(), istante(rs.getTimestamp(4)),
                // the reasons of a non-admissibility are the citizen's to read; an operator's working notes otherwise not
                "NON_AMMISSIBILE".equals(rs.getString(2)) ? rs.getString(5) : null), domandaId);
    }

    /** The proposte of alloggio to the domanda, the latest first (a refused one stays, the next may follow). */
    @Transactional(readOnly = true)
    public List<Proposta> proposte(long domandaId, CodiceFiscale cittadino) {
        domande.verifica(domandaId, cittadino);
        return jdbc.query("""
                select a.id, e.ragione_sociale, a.stato, a.assegnata_il, a.rinuncia_motivo, a.chiusa_il,
                       c.numero, c.firmato_il, c.decorrenza, r.accettata, r.motivo, r.risposta_il
                  from assegnazione a join ente_proprietario e on e.id = a.ente_id
                  left join contratto c on c.assegnazione_id = a.id
                  left join risposta_proposta r on r.assegnazione_id = a.id
                 where a.domanda_id = ? order by a.assegnata_il desc, a.id desc""", (rs, n) -> {
            long id = rs.getLong("id");
            Instant assegnata = rs.getTimestamp("assegnata_il").toInstant();
            Risposta risposta = rs.getTimestamp("risposta_il") == null ? null : new Risposta(rs.getBoolean("accettata"),
                    rs.getString("motivo"), rs.getTimestamp("risposta_il").toInstant());
            return new Proposta(id, rs.getString("ragione_sociale"),
                    contratti.perIlModulo(id).map(ContrattoService.PerIlModulo::alloggio).orElse(null), rs.getString("stato"),
                    assegnata, assegnata.plus(ContrattoService.TERMINE_CONTRATTO), rs.getString("rinuncia_motivo"),
                    istante(rs.getTimestamp("chiusa_il")), rs.getString("numero"),
                    rs.getObject("firmato_il", LocalDate.class), rs.getObject("decorrenza", LocalDate.class), risposta);
        }, domandaId);
    }

    /**
     * The nucleo's answers to the proposte of a domanda, for the ente's operator on the domanda's console page (whose
     * service already decided the operator may see the domanda).
     */
    @Transactional(readOnly = true)
    public java.util.Map<Long, String> risposteDellaDomanda(long domandaId) {
        java.util.Map<Long, String> risposte = new java.util.LinkedHashMap<>();
        jdbc.query("""
                select r.assegnazione_id, r.accettata, r.motivo, r.risposta_il from risposta_proposta r
                  join assegnazione a on a.id = r.assegnazione_id where a.domanda_id = ? order by r.risposta_il""", rs -> {
            risposte.put(rs.getLong(1), testoPerLEnte(rs.getBoolean(2), rs.getString(3), rs.getTimestamp(4).toInstant()));
        }, domandaId);
        return risposte;
    }

    static String testoPerLEnte(boolean accettata, String motivo, Instant quando) {
        String il = ItalianFormats.dataOra(quando);
        return accettata ? "Il nucleo ha accettato l'alloggio online il " + il + ": in attesa della firma del contratto"
                : "Il nucleo ha rinunciato all'alloggio online il " + il + ". Motivo: " + motivo;
    }

    /**
     * The citizen accepts or refuses the proposed alloggio. Once: a second answer is a conflict (409), as is an answer
     * to an assignment already closed (contract or rinuncia). A refusal needs its reason (400 otherwise).
     */
    @Transactional
    public Risposta rispondi(long domandaId, long assegnazioneId, CodiceFiscale cittadino, boolean accetta, String motivo) {
        domande.verifica(domandaId, cittadino);
        String stato = jdbc.query("select stato from assegnazione where id = ? and domanda_id = ? for update",
                (rs, n) -> rs.getString(1), assegnazioneId, domandaId).stream().findFirst()
                .orElseThrow(() -> new NonTrovatoException("Proposta " + assegnazioneId + " non trovata"));
        String motivoPulito = motivo == null || motivo.isBlank() ? null : motivo.strip();
        if (!accetta) {
            if (motivoPulito == null) {
                throw DatiNonValidiException.campo("motivo", "indicare il motivo della rinuncia all'alloggio");
            }
            if (motivoPulito.length() > 2000) {
                throw DatiNonValidiException.campo("motivo", "al massimo 2000 caratteri");
            }
            TestoSicuro.problema(motivoPulito, true).ifPresent(p -> {
                throw DatiNonValidiException.campo("motivo", "il testo " + p);
            });
        }
        boolean giaRisposto = Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from risposta_proposta where assegnazione_id = ?)", Boolean.class, assegnazioneId));
        if (giaRisposto) {
            throw new ConflittoException("Hai già risposto a questa proposta di alloggio: la risposta non si può cambiare online; "
                    + "per ogni necessità rivolgiti all'ente");
        }
        if (!"ASSEGNATA".equals(stato)) {
            throw new ConflittoException("Questa proposta di alloggio è già chiusa ("
                    + ("CONTRATTO".equals(stato) ? "contratto registrato" : "rinuncia registrata") + ")");
        }
        Instant adesso = Instant.now(clock);
        try {
            jdbc.update("insert into risposta_proposta (assegnazione_id, codice_fiscale, accettata, motivo, risposta_il) "
                    + "values (?, ?, ?, ?, ?)", assegnazioneId, cittadino.valore(), accetta, accetta ? null : motivoPulito,
                    Timestamp.from(adesso));
        } catch (DuplicateKeyException e) {
            throw new ConflittoException("Hai già risposto a questa proposta di alloggio");
        }
        String testo = testoPerLEnte(accetta, motivoPulito, adesso);
        if (accetta) {
            processo.annotaRisposta(assegnazioneId, testo);
        } else {
            // the nucleo's rinuncia, through the contract process's own step (same transaction: all or nothing)
            processo.rinunciaDelNucleo(assegnazioneId, utente.username(), motivoPulito);
        }
        return new Risposta(accetta, accetta ? null : motivoPulito, adesso);
    }

    private static Instant istante(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
