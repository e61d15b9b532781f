package it.piattaformacasa.cittadino;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.ItalianFormats;

/**
 * The citizen's e-mail address (issue 16): typed, then confirmed with a 6-digit code sent to it, and only then the
 * address the platform writes to. The code is kept as its SHA-256, valid {@link #VALIDITA} and for
 * {@link #TENTATIVI} wrong attempts; a new request replaces it. Always by the codice fiscale of the identity.
 */
@Service
public class IndirizzoEmailService {

    public static final Duration VALIDITA = Duration.ofMinutes(30);
    public static final int TENTATIVI = 5;
    /** The least time between two codes. */
    public static final Duration INTERVALLO = Duration.ofMinutes(1);
    public static final String CAMPO_EMAIL = "email";
    public static final String CAMPO_CODICE = "codice";

    /** Something@domain.tld, without spaces or line breaks (which would break the message's headers). */
    private static final Pattern FORMA = Pattern.compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");
    private static final Pattern CODICE = Pattern.compile("^[0-9]{6}$");
    private static final SecureRandom CASO = new SecureRandom();

    /** What the platform holds of the citizen's address. */
    public record Indirizzo(String email, Instant confermataIl, String daConfermare, Instant codiceScadeIl,
                            int tentativiRimasti) {
        static final Indirizzo NESSUNO = new Indirizzo(null, null, null, null, TENTATIVI);
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final PostaInUscita posta;

    IndirizzoEmailService(JdbcTemplate jdbc, Clock clock, PostaInUscita posta) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.posta = posta;
    }

    @Transactional(readOnly = true)
    public Indirizzo indirizzo(CodiceFiscale cf) {
        return jdbc.query("""
                select email, email_confermata_il, email_da_confermare, codice_scade_il, tentativi_conferma
                  from cittadino where codice_fiscale = ?""", (rs, n) -> new Indirizzo(rs.getString(1),
                istante(rs.getTimestamp(2)), rs.getString(3), istante(rs.getTimestamp(4)),
                Math.max(0, TENTATIVI - rs.getInt(5))), cf.valore()).stream().findFirst().orElse(Indirizzo.NESSUNO);
    }

    /**
     * Records the address to confirm and sends it a new code. The code is sent within the transaction: if the server
     * refuses it, nothing is recorded and the citizen is told to try again.
     */
    @Transactional
    public Indirizzo richiediConferma(CodiceFiscale cf, String email) {
        String indirizzo = email == null ? "" : email.strip();
        if (indirizzo.isEmpty()) {
            throw DatiNonValidiException.campo(CAMPO_EMAIL, "indicare l'indirizzo e-mail");
        }
        if (indirizzo.length() > 254) {
            throw DatiNonValidiException.campo(CAMPO_EMAIL, "l'indirizzo e-mail può avere al massimo 254 caratteri");
        }
        if (!FORMA.matcher(indirizzo).matches()) {
            throw DatiNonValidiException.campo(CAMPO_EMAIL, "l'indirizzo e-mail non è valido: deve avere la forma "
                    + "nome@dominio.it, senza spazi");
        }
        Instant adesso = Instant.now(clock);
        // one code a minute: the form cannot be used to flood an address (or the server) with messages
        Boolean recente = jdbc.query("select codice_scade_il from cittadino where codice_fiscale = ? for update",
                rs -> rs.next() && rs.getTimestamp(1) != null
                        && rs.getTimestamp(1).toInstant().minus(VALIDITA).plus(INTERVALLO).isAfter(adesso), cf.valore());
        if (Boolean.TRUE.equals(recente)) {
            throw DatiNonValidiException.campo(CAMPO_EMAIL, "un codice è appena stato inviato: attendere un minuto prima di "
                    + "chiederne un altro");
        }
        String codice = String.format("%06d", CASO.nextInt(1_000_000));
        Instant scade = adesso.plus(VALIDITA);
        jdbc.update("""
                insert into cittadino (codice_fiscale, email_da_confermare, codice_conferma, codice_scade_il, tentativi_conferma, aggiornato_il)
                values (?, ?, ?, ?, 0, ?)
                on conflict (codice_fiscale) do update set email_da_confermare = excluded.email_da_confermare,
                    codice_conferma = excluded.codice_conferma, codice_scade_il = excluded.codice_scade_il,
                    tentativi_conferma = 0, aggiornato_il = excluded.aggiornato_il""",
                cf.valore(), indirizzo, impronta(codice), Timestamp.from(scade), Timestamp.from(adesso));
        try {
            posta.invia(indirizzo, "Piattaforma Casa: codice di conferma dell'indirizzo e-mail",
                    "Gentile cittadina, gentile cittadino,\n\nper confermare questo indirizzo nella Piattaforma Casa "
                            + "inserisci il codice\n\n    " + codice + "\n\nnella pagina «I miei dati». Il codice vale fino alle "
                            + ItalianFormats.dataOra(scade) + " (ora di Roma).\n\nSe non hai chiesto tu questo codice, "
                            + "ignora il messaggio: l'indirizzo non sarà usato.");
        } catch (MailException e) {
            throw DatiNonValidiException.campo(CAMPO_EMAIL, "non è stato possibile inviare il codice a questo indirizzo "
                    + "in questo momento: riprovare più tardi");
        }
        return indirizzo(cf);
    }

    /**
     * The code typed: right and in time, the address becomes the confirmed one. A wrong code counts (and the count is
     * kept although the request is refused); after {@link #TENTATIVI} wrong codes a new one must be asked for.
     */
    @Transactional(noRollbackFor = DatiNonValidiException.class)
    public Indirizzo conferma(CodiceFiscale cf, String codice) {
        String valore = codice == null ? "" : codice.strip();
        if (!CODICE.matcher(valore).matches()) {
            throw DatiNonValidiException.campo(CAMPO_CODICE, "il codice è formato da 6 cifre");
        }
        Optional<Object[]> attesa = jdbc.query("""
                select email_da_confermare, codice_conferma, codice_scade_il, tentativi_conferma from cittadino
                 where codice_fiscale = ? for update""", (rs, n) -> new Object[] {rs.getString(1), rs.getString(2),
                rs.getTimestamp(3), rs.getInt(4)}, cf.valore()).stream().findFirst();
        if (attesa.isEmpty() || attesa.get()[0] == null || attesa.get()[1] == null) {
            throw DatiNonValidiException.campo(CAMPO_CODICE, "nessun indirizzo è in attesa di conferma: indicare prima "
                    + "l'indirizzo e-mail");
        }
        Object[] riga = attesa.get();
        Instant adesso = Instant.now(clock);
        if ((Integer) riga[3] >= TENTATIVI) {
            throw DatiNonValidiException.campo(CAMPO_CODICE, "troppi tentativi con un codice errato: chiedere un nuovo codice");
        }
        if (!adesso.isBefore(((Timestamp) riga[2]).toInstant())) {
            throw DatiNonValidiException.campo(CAMPO_CODICE, "il codice è scaduto: chiedere un nuovo codice");
        }
        if (!MessageDigest.isEqual(impronta(valore).getBytes(StandardCharsets.US_ASCII),
                ((String) riga[1]).getBytes(StandardCharsets.US_ASCII))) {
            int usati = jdbc.queryForObject("update cittadino set tentativi_conferma = tentativi_conferma + 1 "
                    + "where codice_fiscale = ? returning tentativi_conferma", Integer.class, cf.valore());
            int rimasti = TENTATIVI - usati;
            throw DatiNonValidiException.campo(CAMPO_CODICE, rimasti > 0
                    ? "il codice non è corretto: " + (rimasti == 1 ? "resta 1 tentativo" : "restano " + rimasti + " tentativi")
                    : "il codice non è corretto e i tentativi sono finiti: chiedere un nuovo codice");
        }
        jdbc.update("""
                update cittadino set email = email_da_confermare, email_confermata_il = ?, email_da_confermare = null,
                    codice_conferma = null, codice_scade_il = null, tentativi_conferma = 0, aggiornato_il = ?
                 where codice_fiscale = ?""", Timestamp.from(adesso), Timestamp.from(adesso), cf.valore());
        return indirizzo(cf);
    }

    /** The citizen no longer wants e-mails: the address goes, and the notices still waiting are not sent. */
    @Transactional
    public Indirizzo rimuovi(CodiceFiscale cf) {
        Timestamp adesso = Timestamp.from(Instant.now(clock));
        jdbc.update("""
                update cittadino set email = null, email_confermata_il = null, email_da_confermare = null,
                    codice_conferma = null, codice_scade_il = null, tentativi_conferma = 0, aggiornato_il = ?
                 where codice_fiscale = ?""", adesso, cf.valore());
        jdbc.update("update notifica set stato = 'ANNULLATA', ultimo_errore = ? where codice_fiscale = ? and stato = 'DA_INVIARE'",
                "indirizzo rimosso dal cittadino", cf.valore());
        return indirizzo(cf);
    }

    static String impronta(String codice) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(codice.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant istante(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
