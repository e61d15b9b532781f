#!/usr/bin/env bash
# The manual run of the cluster on one machine without containers (issue 17): a PostgreSQL of the operating system,
# two platform nodes from the Spring Boot jar, HAProxy in front with docs/deploy/haproxy.cfg.
#
#   apt-get install postgresql haproxy          # Debian 12: PostgreSQL 15, HAProxy 2.6
#   ./mvnw -DskipTests package
#   docs/deploy/due-nodi.sh avvia               # then http://localhost:8080 (HAProxy), stats on http://127.0.0.1:8404
#   PIATTAFORMA_DEMO_ESTERNO=true docs/deploy/due-nodi.sh avvia   # the same with the demo ambito and users (ADR 21)
#   docs/deploy/due-nodi.sh stato               # readiness of each node, and four requests through HAProxy
#   docs/deploy/due-nodi.sh ferma               # stops the nodes, HAProxy and PostgreSQL (data kept; `pulisci` deletes it)
#
# Ports (override with the variables): PostgreSQL PG_PORTA=55432, nodes NODO_1_PORTA=8081 / NODO_2_PORTA=8082,
# HAProxy BILANCIATORE_PORTA=8080. Any PIATTAFORMA_* or SPRING_* variable exported before `avvia` reaches both nodes
# (an identity provider, PIATTAFORMA_CLIENT_TECNICI, PIATTAFORMA_DEMO_ESTERNO).
# Logs and data under target/due-nodi/.
set -euo pipefail

radice="$(cd "$(dirname "$0")/../.." && pwd)"
dir="$radice/target/due-nodi"
PG_PORTA="${PG_PORTA:-55432}"
NODO_1_PORTA="${NODO_1_PORTA:-8081}"
NODO_2_PORTA="${NODO_2_PORTA:-8082}"
BILANCIATORE_PORTA="${BILANCIATORE_PORTA:-8080}"
DB_UTENTE=piattaforma
DB_PASSWORD="${DB_PASSWORD:-piattaforma-due-nodi}"
DB_NOME=piattaforma_casa

pg_bin() {
  if [[ -n "${PG_BIN:-}" ]]; then echo "$PG_BIN"; return; fi
  # Debian keeps initdb and pg_ctl out of PATH, under /usr/lib/postgresql/<major>/bin
  local d
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
  if [[ -n "$d" ]]; then echo "$d"; return; fi
  dirname "$(command -v pg_ctl || { echo "PostgreSQL non trovato: apt-get install postgresql, o PG_BIN=..." >&2; exit 1; })"
}

# PostgreSQL refuses to run as root: as root, its commands run as the operating system's postgres user
come_postgres() {
  if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pronto() {
  curl -fsS -o /dev/null "http://127.0.0.1:$1/actuator/health/readiness" 2>/dev/null
}

attendi_pronto() {
  local nome=$1 porta=$2 pid=$3
  for _ in $(seq 1 150); do
    if pronto "$porta"; then echo "$nome pronto su :$porta"; return; fi
    kill -0 "$pid" 2>/dev/null || { echo "$nome terminato: $dir/$nome.log" >&2; tail -20 "$dir/$nome.log" >&2; exit 1; }
    sleep 2
  done
  echo "$nome non pronto in 5 minuti: $dir/$nome.log" >&2
  exit 1
}

avvia_postgres() {
  local bin
  bin="$(pg_bin)"
  mkdir -p "$dir"
  if [[ ! -f "$dir/postgres/PG_VERSION" ]]; then
    mkdir -p "$dir/postgres"
    [[ "$(id -u)" == 0 ]] && chown postgres "$dir/postgres" && chmod o+x "$radice/target" "$dir"
    echo "$DB_PASSWORD" > "$dir/pwfile"
    [[ "$(id -u)" == 0 ]] && chown postgres "$dir/pwfile"
    come_postgres "$bin/initdb" -D "$dir/postgres" -U "$DB_UTENTE" --pwfile="$dir/pwfile" -A scram-sha-256 \
      -E UTF8 --locale=C.UTF-8 > "$dir/initdb.log"
    rm -f "$dir/pwfile"
  fi
  touch "$dir/postgres.log"
  [[ "$(id -u)" == 0 ]] && chown postgres "$dir/postgres.log"
  come_postgres "$bin/pg_ctl" -D "$dir/postgres" -l "$dir/postgres.log" -w \
    -o "-p $PG_PORTA -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=100" start > /dev/null
  PGPASSWORD="$DB_PASSWORD" psql -h 127.0.0.1 -p "$PG_PORTA" -U "$DB_UTENTE" -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = '$DB_NOME'" | grep -q 1 \
    || PGPASSWORD="$DB_PASSWORD" psql -h 127.0.0.1 -p "$PG_PORTA" -U "$DB_UTENTE" -d postgres -qc "CREATE DATABASE $DB_NOME"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') su 127.0.0.1:$PG_PORTA, database $DB_NOME"
}

avvia_nodo() {
  local nome=$1 porta=$2 jar
  jar="$(ls "$radice"/target/piattaforma-casa-*.jar 2>/dev/null | grep -v original | head -1 || true)"
  [[ -n "$jar" ]] || { echo "Manca il jar: ./mvnw -DskipTests package" >&2; exit 1; }
  PORT="$porta" PIATTAFORMA_NODO="$nome" \
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORTA/$DB_NOME" \
  SPRING_DATASOURCE_USERNAME="$DB_UTENTE" SPRING_DATASOURCE_PASSWORD="$DB_PASSWORD" \
  PIATTAFORMA_INDIRIZZO_BASE="${PIATTAFORMA_INDIRIZZO_BASE:-http://localhost:$BILANCIATORE_PORTA}" \
    nohup java -XX:MaxRAMPercentage=25 -jar "$jar" > "$dir/$nome.log" 2>&1 &
  echo $! > "$dir/$nome.pid"
  attendi_pronto "$nome" "$porta" "$!"
}

avvia() {
  command -v haproxy > /dev/null || { echo "HAProxy non trovato: apt-get install haproxy" >&2; exit 1; }
  avvia_postgres
  # one node after the other, so each start's log reads on its own; started together they also work: on an empty
  # database the second waits for the first's schema and start-up data under the start lock (ADR 21)
  avvia_nodo nodo-1 "$NODO_1_PORTA"
  avvia_nodo nodo-2 "$NODO_2_PORTA"
  NODO_1="127.0.0.1:$NODO_1_PORTA" NODO_2="127.0.0.1:$NODO_2_PORTA" ASCOLTO=":$BILANCIATORE_PORTA" \
    nohup haproxy -db -f "$radice/docs/deploy/haproxy.cfg" > "$dir/haproxy.log" 2>&1 &
  echo $! > "$dir/haproxy.pid"
  sleep 1
  kill -0 "$(cat "$dir/haproxy.pid")" || { cat "$dir/haproxy.log" >&2; exit 1; }
  echo "HAProxy $(haproxy -v | head -1 | awk '{print $3}') su :$BILANCIATORE_PORTA → nodo-1 :$NODO_1_PORTA, nodo-2 :$NODO_2_PORTA"
}

stato() {
  for n in "nodo-1 $NODO_1_PORTA" "nodo-2 $NODO_2_PORTA"; do
    set -- $n
    echo "$1 :$2 readiness $(curl -s "http://127.0.0.1:$2/actuator/health/readiness" || echo 'non raggiungibile')"
  done
  for i in 1 2 3 4; do
    curl -s -o /dev/null -D - "http://127.0.0.1:$BILANCIATORE_PORTA/actuator/health/readiness" \
      | awk -v i="$i" 'NR==1 {s=$2} tolower($1)=="x-piattaforma-nodo:" {n=$2} END {printf "HAProxy richiesta %s: %s da %s", i, s, n}'
    echo
  done
}

ferma() {
  for p in haproxy nodo-2 nodo-1; do
    if [[ -f "$dir/$p.pid" ]]; then
      kill "$(cat "$dir/$p.pid")" 2>/dev/null && echo "$p fermato" || true
      rm -f "$dir/$p.pid"
    fi
  done
  # the nodes shut down gracefully (server.shutdown) before their database goes
  sleep 5
  if [[ -f "$dir/postgres/postmaster.pid" ]]; then
    come_postgres "$(pg_bin)/pg_ctl" -D "$dir/postgres" -m fast -w stop > /dev/null && echo "PostgreSQL fermato"
  fi
}

case "${1:-}" in
  avvia) avvia ;;
  stato) stato ;;
  ferma) ferma ;;
  pulisci) ferma; rm -rf "$dir" ;;
  *) echo "uso: $0 avvia|stato|ferma|pulisci" >&2; exit 2 ;;
esac
