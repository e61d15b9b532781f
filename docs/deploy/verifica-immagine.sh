#!/usr/bin/env bash
# Builds the container image with Jib on a machine without Docker and without a registry, and checks what is in it.
#
# The real base (eclipse-temurin:17-jre, pom.xml) comes from a registry; here a minimal stand-in base, written as a
# `docker save` tar, takes its place (Jib reads `tar://`), so the check covers everything Jib adds: the application's
# layers, the entry point, the user, the port, the environment, the labels. With a registry, build the real one:
#   ./mvnw -DskipTests package jib:build -Dimmagine.nome=registry.example.it/sap/piattaforma-casa
# or into a local Docker: ./mvnw -DskipTests package jib:dockerBuild
#
# Usage (from the repository root): docs/deploy/verifica-immagine.sh [--avvia]
#   --avvia  also starts the application from the image's extracted layers (the host's java, the image's classpath,
#            JVM flags and environment) on the embedded database, and waits for /actuator/health/readiness.
# Everything it writes is under target/immagine/ (never committed).
set -euo pipefail

radice="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$radice"
dir=target/immagine
rm -rf "$dir" && mkdir -p "$dir"

# 1. a minimal base image as `docker save` writes it: manifest.json, the config, one layer (an empty /tmp)
python3 - "$dir" <<'PY'
import hashlib, io, json, sys, tarfile
d = sys.argv[1]
layer = io.BytesIO()
with tarfile.open(fileobj=layer, mode="w", format=tarfile.PAX_FORMAT) as t:
    info = tarfile.TarInfo("tmp/"); info.type = tarfile.DIRTYPE; info.mode = 0o1777
    t.addfile(info)
layer = layer.getvalue()
diff_id = "sha256:" + hashlib.sha256(layer).hexdigest()
config = json.dumps({
    "architecture": "amd64", "os": "linux",
    "config": {"Env": ["PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                       "JAVA_HOME=/opt/java/openjdk"]},
    "rootfs": {"type": "layers", "diff_ids": [diff_id]},
    "history": [{"created_by": "verifica-immagine.sh: stand-in for eclipse-temurin:17-jre"}],
}).encode()
config_name = hashlib.sha256(config).hexdigest() + ".json"
manifest = json.dumps([{"Config": config_name, "RepoTags": ["base-finta:17-jre"],
                        "Layers": ["strato/layer.tar"]}]).encode()
with tarfile.open(d + "/base.tar", "w") as t:
    for name, data in (("manifest.json", manifest), (config_name, config), ("strato/layer.tar", layer)):
        info = tarfile.TarInfo(name); info.size = len(data)
        t.addfile(info, io.BytesIO(data))
PY

# 2. the image, from the same Jib configuration as jib:build, into a tar
./mvnw -B -o -q -DskipTests package jib:buildTar \
  -Dimmagine.base="tar://$radice/$dir/base.tar" \
  -Djib.outputPaths.tar="$radice/$dir/piattaforma-casa.tar" \
  -Djib.disableUpdateChecks=true

# 3. what a container runtime would read
python3 - "$dir" "$radice/pom.xml" <<'PY'
import json, re, sys, tarfile
d, pom = sys.argv[1], open(sys.argv[2]).read()
versione = re.search(r"<artifactId>piattaforma-casa</artifactId>\s*<version>([^<]+)</version>", pom).group(1)
img = tarfile.open(d + "/piattaforma-casa.tar")
manifest = json.load(img.extractfile("manifest.json"))[0]
config = json.load(img.extractfile(manifest["Config"]))
c = config["config"]
errori = []
def verifica(cosa, ok, valore):
    print(("ok   " if ok else "ERR  ") + cosa + ": " + json.dumps(valore))
    if not ok:
        errori.append(cosa)

env = dict(e.split("=", 1) for e in c.get("Env", []))
verifica("tag", any(t.endswith("piattaforma-casa:" + versione) for t in manifest["RepoTags"]), manifest["RepoTags"])
verifica("entrypoint java ... PiattaformaCasaApplication", c["Entrypoint"][0] == "java"
         and c["Entrypoint"][-1] == "it.piattaformacasa.PiattaformaCasaApplication", c["Entrypoint"])
verifica("JVM flags for containers", "-XX:MaxRAMPercentage=75" in c["Entrypoint"]
         and "-XX:+ExitOnOutOfMemoryError" in c["Entrypoint"], [f for f in c["Entrypoint"] if f.startswith("-XX")])
verifica("user not root", c.get("User") not in (None, "", "0", "root") and not c["User"].startswith("0:"), c.get("User"))
verifica("exposed port 8080", "8080/tcp" in c.get("ExposedPorts", {}), c.get("ExposedPorts"))
verifica("env PORT, PIATTAFORMA_DATA_DIR", env.get("PORT") == "8080" and env.get("PIATTAFORMA_DATA_DIR") == "/data/postgres",
         {k: v for k, v in env.items() if k in ("PORT", "PIATTAFORMA_DATA_DIR", "JAVA_HOME")})
verifica("base's PATH and JAVA_HOME kept", env.get("JAVA_HOME") == "/opt/java/openjdk", env.get("PATH"))
verifica("volume /data", "/data" in c.get("Volumes", {}), c.get("Volumes"))
verifica("labels", c.get("Labels", {}).get("org.opencontainers.image.version") == versione, c.get("Labels"))

voci = {}
for strato in manifest["Layers"]:
    with tarfile.open(fileobj=img.extractfile(strato)) as t:
        for m in t.getmembers():
            voci["/" + m.name.lstrip("./").lstrip("/")] = m
def c_e(percorso):
    return percorso in voci
verifica("layers", len(manifest["Layers"]) >= 4, len(manifest["Layers"]))
verifica("main class", c_e("/app/classes/it/piattaformacasa/PiattaformaCasaApplication.class"), "/app/classes/...")
verifica("application.yaml, processes, forms, rules",
         all(c_e(p) for p in ("/app/resources/application.yaml", "/app/resources/processes/avviso.bpmn"))
         and any(p.startswith("/app/resources/forms/") for p in voci) and any(p.startswith("/app/resources/rules/") for p in voci),
         "/app/resources/...")
librerie = [p for p in voci if p.startswith("/app/libs/")]
verifica("libraries (engine, JDBC driver)", any("camunda-engine-7" in p for p in librerie)
         and any("/postgresql-" in p for p in librerie), str(len(librerie)) + " jars")
verifica("no test classes", not any("/test-classes/" in p or p.endswith("IntegrationTest.class") for p in voci), "")
dati = voci.get("/data")
verifica("/data writable by the user", dati is not None and dati.isdir() and dati.mode & 0o002, oct(dati.mode) if dati else None)
json.dump({"entrypoint": c["Entrypoint"], "env": env}, open(d + "/config.json", "w"))
if errori:
    sys.exit("immagine non conforme: " + ", ".join(errori))
print("immagine conforme: " + d + "/piattaforma-casa.tar")
PY

[[ "${1:-}" == "--avvia" ]] || exit 0

# 4. the image's entry point, run by the host's java against the extracted layers (/app → target/immagine/rootfs/app)
mkdir -p "$dir/rootfs"
python3 - "$dir" <<'PY'
import json, sys, tarfile
d = sys.argv[1]
img = tarfile.open(d + "/piattaforma-casa.tar")
for strato in json.load(img.extractfile("manifest.json"))[0]["Layers"]:
    with tarfile.open(fileobj=img.extractfile(strato)) as t:
        t.extractall(d + "/rootfs")
PY
porta="${PORTA_PROVA:-18080}"
# the entry point reads its classpath from an argument file (@/app/jib-classpath-file): both are rewritten
mapfile -t comando < <(python3 -c '
import json, sys
c, rootfs = json.load(open(sys.argv[1])), sys.argv[2]
for a in c["entrypoint"]:
    if a.startswith("@"):
        riscritto = rootfs + "/classpath-locale"
        open(riscritto, "w").write(open(rootfs + a[1:]).read().replace("/app/", rootfs + "/app/"))
        a = "@" + riscritto
    print(a.replace("/app/", rootfs + "/app/"))' "$dir/config.json" "$radice/$dir/rootfs")
echo "avvio: ${comando[*]:0:4} ..."
(cd "$dir/rootfs/app" && PORT="$porta" PIATTAFORMA_DATA_DIR="$radice/$dir/postgres" PIATTAFORMA_POSTA_PORTA="${POSTA_PROVA:-12525}" \
  exec "${comando[@]}" > "$radice/$dir/avvio.log" 2>&1) &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
  if curl -fsS "http://127.0.0.1:$porta/actuator/health/readiness" 2>/dev/null; then
    echo; echo "l'immagine si avvia: readiness UP (log: $dir/avvio.log)"; exit 0
  fi
  kill -0 $pid 2>/dev/null || { tail -20 "$dir/avvio.log"; exit 1; }
  sleep 2
done
echo "readiness non raggiunta in 6 minuti"; tail -20 "$dir/avvio.log"; exit 1
