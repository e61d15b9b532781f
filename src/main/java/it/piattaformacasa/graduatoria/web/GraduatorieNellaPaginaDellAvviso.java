package it.piattaformacasa.graduatoria.web;

import java.util.List;

import org.springframework.stereotype.Component;

import it.piattaformacasa.avviso.web.GraduatorieDellAvviso;
import it.piattaformacasa.graduatoria.Graduatoria;
import it.piattaformacasa.graduatoria.GraduatoriaService;

/** The avviso's page lists the graduatorie the caller may see: the same service as {@code GET /api/avvisi/{id}/graduatorie}. */
@Component
class GraduatorieNellaPaginaDellAvviso implements GraduatorieDellAvviso {

    private final GraduatoriaService graduatorie;

    GraduatorieNellaPaginaDellAvviso(GraduatoriaService graduatorie) {
        this.graduatorie = graduatorie;
    }

    @Override
    public List<GraduatoriaInBreve> di(long avvisoId) {
        return graduatorie.graduatorieDi(avvisoId).stream()
                .map(g -> new GraduatoriaInBreve(g.getId(), g.getEnte().getRagioneSociale(), g.getComune().getNome(), stato(g),
                        g.getGenerataIl(), g.getApprovataIl(), g.getPubblicataIl(), g.getDefinitivaIl()))
                .toList();
    }

    private static String stato(Graduatoria g) {
        return switch (g.getStato()) {
            case PROVVISORIA -> g.getApprovataIl() == null ? "Provvisoria, da approvare" : "Provvisoria approvata";
            case DEFINITIVA -> "Definitiva";
            case RIPESCAGGIO -> "Definitiva, in ripescaggio";
            case CHIUSA -> "Chiusa";
        };
    }
}
