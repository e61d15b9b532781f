package it.piattaformacasa.operatori;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.springframework.security.core.GrantedAuthority;

/**
 * Successful HTTP Basic logins remembered for a short time. An API client sends its password with every request,
 * and checking it against the engine's identity store costs three queries; remembering the outcome for a few seconds
 * takes that off every request. Only successes are remembered (wrong passwords still reach the engine and its
 * throttling), keyed by a salted SHA-256 of the password, never the password itself, with a salt that lives only in
 * this process. A password, group or enablement change applies within {@code durata}.
 */
final class MemoriaAccessi {

    private static final int MASSIMO_VOCI = 10_000;

    private record Voce(byte[] impronta, List<GrantedAuthority> autorita, long scadeNanos) {
    }

    private final long durataNanos;
    private final LongSupplier orologio;
    private final byte[] sale = new byte[16];
    private final ConcurrentHashMap<String, Voce> voci = new ConcurrentHashMap<>();

    MemoriaAccessi(Duration durata) {
        this(durata, System::nanoTime);
    }

    MemoriaAccessi(Duration durata, LongSupplier orologio) {
        this.durataNanos = durata.toNanos();
        this.orologio = orologio;
        new SecureRandom().nextBytes(sale);
    }

    Optional<List<GrantedAuthority>> cerca(String username, String password) {
        if (durataNanos <= 0) {
            return Optional.empty();
        }
        Voce voce = voci.get(username);
        if (voce == null || orologio.getAsLong() - voce.scadeNanos() > 0
                || !MessageDigest.isEqual(voce.impronta(), impronta(password))) {
            return Optional.empty();
        }
        return Optional.of(voce.autorita());
    }

    void ricorda(String username, String password, List<GrantedAuthority> autorita) {
        if (durataNanos <= 0) {
            return;
        }
        if (voci.size() >= MASSIMO_VOCI) {
            voci.clear(); // a bound, not an LRU: at worst everyone checks their password once more
        }
        voci.put(username, new Voce(impronta(password), List.copyOf(autorita), orologio.getAsLong() + durataNanos));
    }

    void dimentica(String username) {
        voci.remove(username);
    }

    private byte[] impronta(String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(sale);
            return sha.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
