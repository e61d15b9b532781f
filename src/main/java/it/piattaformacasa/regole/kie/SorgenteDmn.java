package it.piattaformacasa.regole.kie;

import java.nio.charset.StandardCharsets;
import org.kie.api.KieServices;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;

/** One DMN file read into memory, so validation and compilation read the same bytes. */
record SorgenteDmn(String nome, byte[] contenuto) {

    /** A fresh KIE resource; byte-array resources can be read repeatedly, unlike reader resources. */
    Resource risorsa() {
        // explicit UTF-8: without it KIE decodes with the platform charset, and the rules contain €, ², «»
        Resource risorsa = KieServices.get().getResources()
                .newByteArrayResource(contenuto, StandardCharsets.UTF_8.name());
        risorsa.setSourcePath(nome);
        risorsa.setResourceType(ResourceType.DMN);
        return risorsa;
    }
}
