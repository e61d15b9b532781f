/**
 * The citizens' side (issue 16, seeds 000 and 002): a person who logs in with their digital identity and is not an
 * enabled operator finds the open avvisi, applies in steps, follows their domande, answers the platform and sees
 * everything it holds about them. The codice fiscale comes from the identity
 * ({@link it.piattaformacasa.common.sicurezza.CittadinoCorrente}), never from what the person types, and is the only
 * key by which these pages find data: a citizen sees their own domande and nucleo, nothing else.
 */
package it.piattaformacasa.cittadino;
