package it.piattaformacasa.cittadino;

import static it.piattaformacasa.DemoUtenti.PASSWORD;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;

import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.operatori.Operatore;
import it.piattaformacasa.operatori.OperatoriService;
import it.piattaformacasa.operatori.ModelloDiProva;

/**
 * Citizens of the tests' own (issue 16), without history: a login at the embedded provider with a codice fiscale and
 * no abilitazione (so ROLE_CITTADINO), and what the demo's mail server received for them.
 */
public final class CittadiniDiProva {

    public record Cittadino(String username, String codiceFiscale, String email) {
    }

    private CittadiniDiProva() {
    }

    /** A new citizen who can log in with the demo password; their e-mail is unique, not yet given to the platform. */
    public static Cittadino nuovo(OperatoriService operatori) {
        String cf = ModelloDiProva.nuovoCodiceFiscale();
        String username = "c." + cf.toLowerCase(Locale.ROOT);
        operatori.registra(List.of(new Operatore(username, CodiceFiscale.of(cf), "Giulia", "Prova", "identita." + cf.toLowerCase(Locale.ROOT) + "@esempio.it", null)));
        operatori.impostaPassword(username, PASSWORD);
        return new Cittadino(username, cf, cf.toLowerCase(Locale.ROOT) + "@esempio.it");
    }

    /** The address as if the citizen had confirmed it (for tests about what follows the confirmation). */
    public static void confermato(JdbcTemplate jdbc, Cittadino c) {
        Timestamp adesso = Timestamp.from(Instant.now());
        jdbc.update("""
                insert into cittadino (codice_fiscale, email, email_confermata_il, aggiornato_il) values (?, ?, ?, ?)
                on conflict (codice_fiscale) do update set email = excluded.email, email_confermata_il = excluded.email_confermata_il""",
                c.codiceFiscale(), c.email(), adesso, adesso);
    }

    /** The messages the demo's server received for {@code a}, waiting up to 10 s for at least {@code almeno}. */
    public static List<CasellaDellaDemo.Messaggio> ricevuti(CasellaDellaDemo casella, String a, int almeno) {
        Instant fine = Instant.now().plus(Duration.ofSeconds(10));
        List<CasellaDellaDemo.Messaggio> per;
        do {
            per = casella.messaggi().stream().filter(m -> m.a().contains(a)).toList();
            if (per.size() >= almeno) {
                return per;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return per;
            }
        } while (Instant.now().isBefore(fine));
        return per;
    }

    /** The 6-digit code of the newest confirmation message sent to {@code a}. */
    public static String codice(CasellaDellaDemo casella, String a) {
        CasellaDellaDemo.Messaggio m = ricevuti(casella, a, 1).stream().filter(x -> x.oggetto().contains("codice di conferma"))
                .findFirst().orElseThrow(() -> new AssertionError("nessun codice inviato a " + a));
        Matcher codice = Pattern.compile("\\b([0-9]{6})\\b").matcher(m.testo());
        if (!codice.find()) {
            throw new AssertionError("nessun codice nel messaggio: " + m.testo());
        }
        return codice.group(1);
    }
}
