package it.piattaformacasa;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** A multipart/form-data body as a browser sends a form with a file (issue 13's import). */
public record Multipart(String tipo, byte[] corpo) {

    public static Multipart di(Map<String, String> campi, String nomeCampoFile, String nomeFile, byte[] file) {
        String confine = "----piattaforma" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, String> campo : campi.entrySet()) {
            scrivi(out, "--" + confine + "\r\nContent-Disposition: form-data; name=\"" + campo.getKey() + "\"\r\n\r\n" + campo.getValue() + "\r\n");
        }
        if (file != null) {
            scrivi(out, "--" + confine + "\r\nContent-Disposition: form-data; name=\"" + nomeCampoFile + "\"; filename=\"" + nomeFile
                    + "\"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n");
            out.writeBytes(file);
            scrivi(out, "\r\n");
        }
        scrivi(out, "--" + confine + "--\r\n");
        return new Multipart("multipart/form-data; boundary=" + confine, out.toByteArray());
    }

    private static void scrivi(ByteArrayOutputStream out, String testo) {
        out.writeBytes(testo.getBytes(StandardCharsets.UTF_8));
    }
}
