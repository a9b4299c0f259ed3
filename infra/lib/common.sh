# Shared paths and helpers for infra/ovid-services and bin/ovid. Sourced, not executed.
#
# Layout (all git-ignored, all overridable by environment variables):
#   OVID_STATE_DIR  .ovid            root of everything below
#   OVID_TOOLS_DIR  .ovid/tools      provisioned binaries (bin/minio, bin/temporal) and mlflow-venv
#   OVID_DATA_DIR   .ovid/data       one directory holding every service's data
#   OVID_RUN_DIR    .ovid/run        pid files of the processes we started
#   OVID_LOG_DIR    .ovid/logs       one log per service

OVID_HOME="${OVID_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
OVID_STATE_DIR="${OVID_STATE_DIR:-$OVID_HOME/.ovid}"
OVID_TOOLS_DIR="${OVID_TOOLS_DIR:-$OVID_STATE_DIR/tools}"
OVID_DATA_DIR="${OVID_DATA_DIR:-$OVID_STATE_DIR/data}"
OVID_RUN_DIR="${OVID_RUN_DIR:-$OVID_STATE_DIR/run}"
OVID_LOG_DIR="${OVID_LOG_DIR:-$OVID_STATE_DIR/logs}"

# Fixed loopback ports and credentials; the Java side uses the same defaults. The ports lie above
# Linux's ephemeral range (32768-60999): a port inside it can be taken at random by any outgoing
# connection on the machine (even one of Ovid's own), and a listener then cannot bind it.
OVID_PG_PORT="${OVID_PG_PORT:-62432}"
OVID_PG_USER="${OVID_PG_USER:-ovid}"
OVID_PG_PASSWORD="${OVID_PG_PASSWORD:-ovid}"
OVID_MINIO_PORT="${OVID_MINIO_PORT:-62900}"
OVID_MINIO_CONSOLE_PORT="${OVID_MINIO_CONSOLE_PORT:-62901}"
OVID_MINIO_ACCESS_KEY="${OVID_MINIO_ACCESS_KEY:-ovid}"
OVID_MINIO_SECRET_KEY="${OVID_MINIO_SECRET_KEY:-ovid-secret-key}"
OVID_MLFLOW_PORT="${OVID_MLFLOW_PORT:-62500}"
OVID_TEMPORAL_PORT="${OVID_TEMPORAL_PORT:-62233}"
OVID_TEMPORAL_UI_PORT="${OVID_TEMPORAL_UI_PORT:-62234}"
OVID_APP_PORT="${OVID_APP_PORT:-62080}"

mkdir -p "$OVID_TOOLS_DIR/bin" "$OVID_DATA_DIR" "$OVID_RUN_DIR" "$OVID_LOG_DIR"

say() { printf '[ovid] %s\n' "$*"; }
warn() { printf '[ovid] WARNING: %s\n' "$*" >&2; }
die() {
  printf '[ovid] ERROR: %s\n' "$*" >&2
  exit 1
}

# Runs "$@" as root: directly when we are root, through sudo otherwise.
as_root() {
  if [[ $EUID -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

# Installs Debian packages, refreshing the package lists once if the first try fails.
apt_install() {
  say "installing Debian packages: $* (apt-get)"
  if ! DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q "$@"; then
    DEBIAN_FRONTEND=noninteractive as_root apt-get update -q
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q "$@"
  fi
}

# Pid of a process we started, if it is still alive and still the program we started
# (guards against a recycled pid after a reboot or a crash).
live_pid() {
  local name=$1 expect=$2 file="$OVID_RUN_DIR/$1.pid" pid
  [[ -f $file ]] || return 1
  pid=$(head -n1 "$file")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  if [[ -n $expect ]] && ! tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$expect"; then
    return 1
  fi
  echo "$pid"
}

# Starts "$@" detached in its own session (so `down` can stop its whole process group),
# logging to $OVID_LOG_DIR/<name>.log and recording the pid in $OVID_RUN_DIR/<name>.pid.
start_detached() {
  local name=$1
  shift
  local log="$OVID_LOG_DIR/$name.log"
  printf '\n===== %s starting %s\n' "$(date -u +%FT%TZ)" "$name" >>"$log"
  setsid "$@" >>"$log" 2>&1 </dev/null 8>&- 9>&- &
  echo $! >"$OVID_RUN_DIR/$name.pid"
}

# Stops the process group recorded in a pid file: TERM, then KILL after a grace period.
stop_pidfile() {
  local name=$1 expect=$2 grace=${3:-20} pid i
  if ! pid=$(live_pid "$name" "$expect"); then
    rm -f "$OVID_RUN_DIR/$name.pid"
    return 0
  fi
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null
  for ((i = 0; i < grace * 5; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    warn "$name (pid $pid) did not stop in ${grace}s; killing it"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null
  fi
  rm -f "$OVID_RUN_DIR/$name.pid"
}

# Polls a check command until it succeeds; fails after the timeout or when the watched pid dies.
wait_until() {
  local what=$1 timeout=$2 pid=$3
  shift 3
  local start=$SECONDS
  until "$@" >/dev/null 2>&1; do
    if [[ -n $pid ]] && ! kill -0 "$pid" 2>/dev/null; then
      return 1
    fi
    if ((SECONDS - start >= timeout)); then
      warn "$what not healthy after ${timeout}s"
      return 1
    fi
    sleep 0.5
  done
}

http_ok() { curl -fsS -o /dev/null --max-time 3 "$1" 2>/dev/null; }

# The sockets that hold a port, one line each (state, local -> peer, process where ss may show
# it): a listener, or a live connection that has the port as its local port. An outgoing
# connection (ESTAB, SYN-SENT, CLOSE-WAIT) stops a listener from binding it; the closing sockets a
# stopped server leaves behind (FIN-WAIT, TIME-WAIT, LAST-ACK) do not, and must not count: a
# service restarted within seconds finds them there.
port_holders() {
  if command -v ss >/dev/null 2>&1; then
    port_holders_ss "$1"
  else
    port_holders_proc "$1"
  fi
}

port_holders_ss() {
  ss -Htanp "sport = :$1" 2>/dev/null |
    awk '$1 ~ /^(LISTEN|ESTAB|SYN-SENT|CLOSE-WAIT)$/ { print $1, $4, "->", $5, $6 }'
}

# The same from the kernel's socket tables, for machines without ss (iproute2): no process names.
# Their addresses are hex, ports big-endian and IPv4 addresses little-endian (0100007F:F2A0 is
# 127.0.0.1:62112); IPv6 addresses are shown as the kernel writes them.
port_holders_proc() {
  local hex
  hex=$(printf '%04X' "$1")
  cat /proc/net/tcp /proc/net/tcp6 2>/dev/null | awk -v port=":$hex" '
    function dec(h,   i, n) {
      n = 0
      for (i = 1; i <= length(h); i++) n = n * 16 + index("0123456789ABCDEF", substr(h, i, 1)) - 1
      return n
    }
    function addr(a,   ip, p) {
      ip = substr(a, 1, index(a, ":") - 1); p = dec(substr(a, index(a, ":") + 1))
      if (length(ip) != 8) return "[" ip "]:" p
      return dec(substr(ip, 7, 2)) "." dec(substr(ip, 5, 2)) "." dec(substr(ip, 3, 2)) "." dec(substr(ip, 1, 2)) ":" p
    }
    BEGIN { state["0A"] = "LISTEN"; state["01"] = "ESTAB"; state["02"] = "SYN-SENT"; state["08"] = "CLOSE-WAIT" }
    substr($2, length($2) - 4) == port && ($4 in state) { print state[$4], addr($2), "->", addr($3) }'
}

# Returns when the port is free; else stops with an error naming what holds it and where to move
# it: require_free_port NAME PORT
require_free_port() {
  local holders
  holders=$(port_holders "$2" | head -n 3 | paste -sd '|' - | sed 's/|/; /g')
  [[ -z $holders ]] && return 0
  die "$1: port $2 is taken by another program ($holders); stop it, or move $1 to another port (README, Settings)"
}

# Finds a tool: on PATH first, then in our tools folder. Prints its path.
find_tool() {
  local name=$1
  if command -v "$name" >/dev/null 2>&1; then
    command -v "$name"
  elif [[ -x $OVID_TOOLS_DIR/bin/$name ]]; then
    echo "$OVID_TOOLS_DIR/bin/$name"
  else
    return 1
  fi
}

# Builds a Go program into the tools folder with `go install`.
go_build_tool() {
  local name=$1 module=$2
  local log="$OVID_LOG_DIR/build-$name.log" start=$SECONDS
  command -v go >/dev/null 2>&1 || die "Go is needed to build $name ($module); install Go >= 1.25"
  say "building $name from source: go install $module"
  say "  (a Go build of $name takes several minutes on 2 cores; log: $log)"
  if ! GOBIN="$OVID_TOOLS_DIR/bin" go install "$module" >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    die "go install $module failed (log: $log)"
  fi
  say "built $name in $((SECONDS - start))s -> $OVID_TOOLS_DIR/bin/$name"
}
