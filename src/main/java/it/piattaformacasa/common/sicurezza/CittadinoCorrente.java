package it.piattaformacasa.common.sicurezza;

import java.util.Optional;

import it.piattaformacasa.common.CodiceFiscale;

/**
 * The citizen of the current request (issue 16, seed 002): a person logged in at the identity provider who is not an
 * enabled operator. Their codice fiscale comes from the identity (SPID's {@code fiscalNumber}), never from a form, and
 * is the only key the citizens' side uses to find their domande, drafts and data.
 */
public interface CittadinoCorrente {

    /** The codice fiscale of the logged-in citizen; empty for operators, technical clients and anonymous callers. */
    Optional<CodiceFiscale> codiceFiscale();

    /** Name and surname as the identity gives them ({@code given_name} {@code family_name}), if it does. */
    Optional<String> nomeCompleto();

    /** The codice fiscale of the logged-in citizen, or 403 for anybody else. */
    default CodiceFiscale richiesto() {
        return codiceFiscale().orElseThrow(() -> new org.springframework.security.access.AccessDeniedException(
                "Questa pagina è riservata ai cittadini che hanno effettuato l'accesso con la propria identità digitale"));
    }
}
