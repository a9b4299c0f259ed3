# PostgreSQL 15 (Debian package): our own cluster in $OVID_DATA_DIR/postgres, not the system one.
# As root we run the server as the unprivileged `postgres` user (PostgreSQL refuses to run as root).

PG_DATA="$OVID_DATA_DIR/postgres"
PG_SOCKET_DIR="$OVID_DATA_DIR/postgres-socket"
PG_LOG="$OVID_LOG_DIR/postgres.log"

pg_bindir() {
  local d
  if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v pg_ctl)")"
    return
  fi
  for d in /usr/lib/postgresql/*/bin; do
    [[ -x $d/pg_ctl && -x $d/initdb ]] && { echo "$d"; return; }
  done
  return 1
}

pg_provision() {
  if pg_bindir >/dev/null; then
    say "postgres: found $(pg_bindir)"
    return
  fi
  apt_install postgresql
  pg_bindir >/dev/null || die "postgres: apt-get installed postgresql but pg_ctl/initdb are not found"
}

# Runs a PostgreSQL program as the server's owner.
pg_as_owner() {
  if [[ $EUID -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

pg_url() { echo "postgresql://$OVID_PG_USER:$OVID_PG_PASSWORD@127.0.0.1:$OVID_PG_PORT/ovid"; }

pg_healthy() { "$(pg_bindir)/pg_isready" -q -h 127.0.0.1 -p "$OVID_PG_PORT" -t 2; }

# The postmaster's pid, read from the cluster's own lock file.
pg_pid() {
  [[ -f $PG_DATA/postmaster.pid ]] || return 1
  local pid
  pid=$(head -n1 "$PG_DATA/postmaster.pid")
  kill -0 "$pid" 2>/dev/null && echo "$pid"
}

# Our cluster is the one whose lock file lives in our data directory, whatever the pid file says.
pg_is_ours() { pg_pid >/dev/null; }

# psql as the cluster's superuser over the private unix socket; SQL on stdin.
pg_psql() {
  pg_as_owner "$(pg_bindir)/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCKET_DIR" -p "$OVID_PG_PORT" \
    -U postgres -d postgres
}

# The server runs as `postgres`, which must be able to reach the data directory: a checkout under
# /root (mode 700) is not. Grant search (x) permission only, on the folders on the way.
pg_ensure_reachable() {
  local d="" part
  [[ $EUID -eq 0 ]] || return 0
  IFS=/ read -ra parts <<<"${OVID_DATA_DIR#/}"
  for part in "${parts[@]}"; do
    d="$d/$part"
    if ! runuser -u postgres -- test -x "$d"; then
      warn "postgres: user postgres cannot enter $d; adding o+x to it"
      chmod o+x "$d"
    fi
  done
}

pg_init_cluster() {
  if [[ $EUID -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  fi
  pg_ensure_reachable
  [[ -f $PG_DATA/PG_VERSION ]] && return
  say "postgres: initdb $PG_DATA"
  mkdir -p "$PG_DATA"
  [[ $EUID -eq 0 ]] && chown postgres: "$PG_DATA"
  chmod 700 "$PG_DATA"
  # trust on the private unix socket (owner only), passwords over TCP.
  pg_as_owner "$(pg_bindir)/initdb" -D "$PG_DATA" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 >>"$PG_LOG" 2>&1 ||
    die "postgres: initdb failed (log: $PG_LOG)"
}

pg_create_roles() {
  pg_psql <<SQL >>"$PG_LOG" 2>&1 || die "postgres: creating role and databases failed (log: $PG_LOG)"
SELECT 'CREATE ROLE $OVID_PG_USER LOGIN PASSWORD ''$OVID_PG_PASSWORD'''
  WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$OVID_PG_USER') \gexec
ALTER ROLE $OVID_PG_USER LOGIN PASSWORD '$OVID_PG_PASSWORD';
SELECT 'CREATE DATABASE ovid OWNER $OVID_PG_USER'
  WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'ovid') \gexec
SELECT 'CREATE DATABASE mlflow OWNER $OVID_PG_USER'
  WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'mlflow') \gexec
SELECT 'CREATE DATABASE ovid_test OWNER $OVID_PG_USER'
  WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'ovid_test') \gexec
SQL
}

pg_up() {
  if pg_is_ours; then
    say "postgres: already running (pid $(pg_pid))"
    pg_pid >"$OVID_RUN_DIR/postgres.pid"
    pg_create_roles
    return
  fi
  if pg_healthy; then
    warn "postgres: port $OVID_PG_PORT already answers but not from our cluster; using it as is"
    return
  fi
  pg_bindir >/dev/null || pg_provision
  pg_init_cluster
  mkdir -p "$PG_SOCKET_DIR"
  touch "$PG_LOG"
  if [[ $EUID -eq 0 ]]; then chown postgres: "$PG_SOCKET_DIR" "$PG_LOG"; fi
  # pg_ctl daemonizes the postmaster in its own session; -w waits until it accepts connections.
  pg_as_owner "$(pg_bindir)/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 \
    -o "-p $OVID_PG_PORT -k $PG_SOCKET_DIR -c listen_addresses=127.0.0.1" start >/dev/null 9>&- ||
    die "postgres: failed to start (log: $PG_LOG)"
  pg_pid >"$OVID_RUN_DIR/postgres.pid"
  wait_until postgres 30 "" pg_healthy || die "postgres: not ready (log: $PG_LOG)"
  pg_create_roles
  say "postgres: up (pid $(pg_pid)) $(pg_url)"
}

pg_down() {
  if pg_is_ours; then
    pg_as_owner "$(pg_bindir)/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null ||
      warn "postgres: pg_ctl stop failed"
    say "postgres: stopped"
  fi
  rm -f "$OVID_RUN_DIR/postgres.pid"
}
