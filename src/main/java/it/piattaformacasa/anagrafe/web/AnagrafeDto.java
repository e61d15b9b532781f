package it.piattaformacasa.anagrafe.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.Ambito;
import it.piattaformacasa.anagrafe.AnagrafeService;
import it.piattaformacasa.anagrafe.CertificazioneAnagrafe;
import it.piattaformacasa.anagrafe.Comune;
import it.piattaformacasa.anagrafe.DestinazioneUso;
import it.piattaformacasa.anagrafe.EnteProprietario;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.anagrafe.TipoEnte;

/** Response bodies of the Anagrafe API. */
final class AnagrafeDto {

    private AnagrafeDto() {
    }

    record ComuneDto(String codiceIstat, String codiceCatastale, String nome, String provincia, int popolazione) {
        static ComuneDto di(Comune c) {
            return new ComuneDto(c.getCodiceIstat(), c.getCodiceCatastale(), c.getNome(), c.getProvincia(), c.getPopolazione());
        }
    }

    /** {@code regioneProfilo}: which region's procedure applies to the ente (issue 15), read-only. */
    record EnteDto(long id, TipoEnte tipo, String codiceFiscale, String ragioneSociale, String comune, boolean capofila,
                   String regioneProfilo) {
        static EnteDto di(EnteProprietario e) {
            return new EnteDto(e.getId(), e.getTipo(), e.getCodiceFiscale().valore(), e.getRagioneSociale(),
                    e.getComune().getNome(), e.isCapofila(), e.getRegioneProfilo().name());
        }
    }

    record AmbitoDto(String codice, String nome, ComuneDto comuneCapofila) {
        static AmbitoDto di(Ambito a) {
            return new AmbitoDto(a.getCodice(), a.getNome(),
                    a.getComuneCapofila() == null ? null : ComuneDto.di(a.getComuneCapofila()));
        }
    }

    record AmbitoDettaglioDto(String codice, String nome, ComuneDto comuneCapofila, List<ComuneDto> comuni,
                              List<EnteDto> enti) {
    }

    record AlloggioDto(long id, String codiceUi, long enteId, String ente, String comune, String codiceIstatComune,
                       String zonaLocalita, String indirizzo, String scala, String interno, int piano,
                       BigDecimal superficieUtile, int vani, boolean ascensore, boolean barriereArchitettoniche,
                       DestinazioneUso destinazioneUso, StatoAlloggio stato, String codiceFabbricato, Instant aggiornatoIl,
                       Long fabbricatoId, long version, Instant ritiratoIl, String motivoRitiro) {
        static AlloggioDto di(Alloggio a) {
            return new AlloggioDto(a.getId(), a.getCodiceUi(), a.getEnte().getId(), a.getEnte().getRagioneSociale(),
                    a.getComune().getNome(), a.getComune().getCodiceIstat(), a.getZonaLocalita(), a.getIndirizzo(),
                    a.getScala(), a.getInterno(), a.getPiano(), a.getSuperficieUtile(), a.getVani(), a.isAscensore(),
                    a.isBarriereArchitettoniche(), a.getDestinazioneUso(), a.getStato(),
                    a.getFabbricato() == null ? null : a.getFabbricato().getCodice(), a.getAggiornatoIl(),
                    a.getFabbricato() == null ? null : a.getFabbricato().getId(), a.getVersion(), a.getRitiratoIl(), a.getMotivoRitiro());
        }
    }

    record RiepilogoDto(EnteDto ente, long numeroFabbricati, long numeroAlloggi, Map<StatoAlloggio, Long> alloggiPerStato) {
        static RiepilogoDto di(AnagrafeService.Riepilogo r) {
            return new RiepilogoDto(EnteDto.di(r.ente()), r.numeroFabbricati(), r.numeroAlloggi(), r.alloggiPerStato());
        }
    }

    record CertificazioneDto(int anno, CertificazioneAnagrafe.Esito esito, String note, String certificataDa,
                             Instant certificataIl, int numeroFabbricati, int numeroAlloggi,
                             Map<StatoAlloggio, Long> alloggiPerStato) {
        static CertificazioneDto di(CertificazioneAnagrafe c) {
            return new CertificazioneDto(c.getAnno(), c.getEsito(), c.getNote(), c.getCertificataDa(), c.getCertificataIl(),
                    c.getNumeroFabbricati(), c.getNumeroAlloggi(), c.getAlloggiPerStato());
        }
    }

    record PaginaDto<T>(List<T> elementi, int pagina, int dimensione, long totale) {
    }
}
