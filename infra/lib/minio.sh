# MinIO (S3 object store): built from source with `go install` unless `minio` is on PATH.

# Pinned to the commit `@latest` resolved to when this was written; override to rebuild another.
OVID_MINIO_MODULE="${OVID_MINIO_MODULE:-github.com/minio/minio@v0.0.0-20260212201848-7aac2a2c5b7c}"
MINIO_DATA="$OVID_DATA_DIR/minio"
MINIO_BUCKETS=(ovid-artifacts ovid-test-artifacts mlflow)

minio_url() { echo "http://127.0.0.1:$OVID_MINIO_PORT"; }
minio_console_url() { echo "http://127.0.0.1:$OVID_MINIO_CONSOLE_PORT"; }

minio_provision() {
  if find_tool minio >/dev/null; then
    say "minio: found $(find_tool minio)"
  else
    go_build_tool minio "$OVID_MINIO_MODULE"
  fi
}

minio_healthy() { http_ok "$(minio_url)/minio/health/live"; }

# One signed S3 request (AWS SigV4, done by curl itself); prints the HTTP status.
minio_s3() {
  local method=$1 path=$2
  curl -sS -o /dev/null -w '%{http_code}' --max-time 10 -X "$method" \
    --aws-sigv4 "aws:amz:us-east-1:s3" --user "$OVID_MINIO_ACCESS_KEY:$OVID_MINIO_SECRET_KEY" \
    "$(minio_url)/$path"
}

minio_create_buckets() {
  local b code
  for b in "${MINIO_BUCKETS[@]}"; do
    code=$(minio_s3 HEAD "$b")
    [[ $code == 200 ]] && continue
    code=$(minio_s3 PUT "$b")
    [[ $code == 200 || $code == 409 ]] || die "minio: creating bucket $b failed (HTTP $code)"
    say "minio: created bucket $b"
  done
}

minio_up() {
  local pid bin
  if pid=$(live_pid minio "minio server"); then
    say "minio: already running (pid $pid)"
  elif minio_healthy; then
    warn "minio: port $OVID_MINIO_PORT already answers but not from a process we started; using it as is"
  else
    require_free_port minio "$OVID_MINIO_PORT"
    bin=$(find_tool minio) || { minio_provision && bin=$(find_tool minio); }
    mkdir -p "$MINIO_DATA"
    start_detached minio env MINIO_ROOT_USER="$OVID_MINIO_ACCESS_KEY" \
      MINIO_ROOT_PASSWORD="$OVID_MINIO_SECRET_KEY" MINIO_UPDATE=off MINIO_BROWSER=on \
      "$bin" server "$MINIO_DATA" --quiet --anonymous \
      --address "127.0.0.1:$OVID_MINIO_PORT" --console-address "127.0.0.1:$OVID_MINIO_CONSOLE_PORT"
    pid=$(cat "$OVID_RUN_DIR/minio.pid")
    wait_until minio 60 "$pid" minio_healthy ||
      die "minio: failed to start (log: $OVID_LOG_DIR/minio.log)"
    say "minio: up (pid $pid) $(minio_url)"
  fi
  minio_create_buckets
}

minio_down() {
  live_pid minio "minio server" >/dev/null && { stop_pidfile minio "minio server" && say "minio: stopped"; }
  rm -f "$OVID_RUN_DIR/minio.pid"
}
