# Temporal dev server (Temporal CLI `server start-dev`) with a SQLite file, so workflows survive
# restarts. v1.5.1 is the newest CLI tag that `go install` can build (later tags use `replace`).
# SQLite in WAL mode with synchronous=normal: a commit no longer waits for an fsync (15 ms a
# workflow update here, 0.7 ms without), and two such commits sit on every activity's path. What
# a killed server process had committed survives; an OS crash or power loss may lose the last
# commits (see README, Temporal).

OVID_TEMPORAL_MODULE="${OVID_TEMPORAL_MODULE:-github.com/temporalio/cli/cmd/temporal@v1.5.1}"
TEMPORAL_DATA="$OVID_DATA_DIR/temporal"
# Fixed instead of random ports so nothing else on loopback can be surprised by them.
OVID_TEMPORAL_HTTP_PORT="${OVID_TEMPORAL_HTTP_PORT:-62243}"
OVID_TEMPORAL_METRICS_PORT="${OVID_TEMPORAL_METRICS_PORT:-62244}"

temporal_address() { echo "127.0.0.1:$OVID_TEMPORAL_PORT"; }
temporal_ui_url() { echo "http://127.0.0.1:$OVID_TEMPORAL_UI_PORT"; }

temporal_provision() {
  if find_tool temporal >/dev/null; then
    say "temporal: found $(find_tool temporal)"
  else
    go_build_tool temporal "$OVID_TEMPORAL_MODULE"
  fi
}

temporal_healthy() {
  local bin
  bin=$(find_tool temporal) || return 1
  "$bin" operator cluster health --address "$(temporal_address)" --command-timeout 3s \
    --disable-config-file --disable-config-env 2>/dev/null | grep -q SERVING
}

temporal_up() {
  local pid bin
  if pid=$(live_pid temporal "start-dev"); then
    say "temporal: already running (pid $pid)"
    return
  fi
  if temporal_healthy; then
    warn "temporal: $(temporal_address) already answers but not from a process we started; using it as is"
    return
  fi
  require_free_port temporal "$OVID_TEMPORAL_PORT"
  bin=$(find_tool temporal) || { temporal_provision && bin=$(find_tool temporal); }
  mkdir -p "$TEMPORAL_DATA"
  start_detached temporal "$bin" server start-dev --disable-config-file --disable-config-env \
    --db-filename "$TEMPORAL_DATA/temporal.db" \
    --sqlite-pragma journal_mode=wal --sqlite-pragma synchronous=normal \
    --ip 127.0.0.1 --port "$OVID_TEMPORAL_PORT" --ui-port "$OVID_TEMPORAL_UI_PORT" \
    --http-port "$OVID_TEMPORAL_HTTP_PORT" --metrics-port "$OVID_TEMPORAL_METRICS_PORT" \
    --log-level warn
  pid=$(cat "$OVID_RUN_DIR/temporal.pid")
  wait_until temporal 90 "$pid" temporal_healthy ||
    die "temporal: failed to start (log: $OVID_LOG_DIR/temporal.log)"
  say "temporal: up (pid $pid) $(temporal_address), UI $(temporal_ui_url)"
}

temporal_down() {
  live_pid temporal "start-dev" >/dev/null && { stop_pidfile temporal "start-dev" && say "temporal: stopped"; }
  rm -f "$OVID_RUN_DIR/temporal.pid"
}
