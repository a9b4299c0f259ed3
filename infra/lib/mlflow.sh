# MLflow tracking server in its own Python venv; backend store in PostgreSQL (database `mlflow`),
# default artifact root on MinIO (s3://mlflow/), so the UI lists artifacts written by Ovid's
# MinIO client straight into a run's artifact root.

MLFLOW_VENV="$OVID_TOOLS_DIR/mlflow-venv"
MLFLOW_REQUIREMENTS="$OVID_HOME/infra/mlflow-requirements.txt"
OVID_MLFLOW_WORKERS="${OVID_MLFLOW_WORKERS:-2}"

mlflow_url() { echo "http://127.0.0.1:$OVID_MLFLOW_PORT"; }

mlflow_venv_ready() {
  [[ -x $MLFLOW_VENV/bin/mlflow ]] && cmp -s "$MLFLOW_REQUIREMENTS" "$MLFLOW_VENV/.ovid-requirements.txt"
}

mlflow_provision() {
  local start=$SECONDS log="$OVID_LOG_DIR/build-mlflow.log" python
  if mlflow_venv_ready; then
    say "mlflow: found $MLFLOW_VENV ($("$MLFLOW_VENV/bin/python" -c 'import mlflow; print("mlflow", mlflow.__version__)'))"
    return
  fi
  python=$(command -v python3) || die "mlflow: python3 (>= 3.10) is needed for the MLflow server"
  say "mlflow: creating venv $MLFLOW_VENV and installing $(tr '\n' ' ' <"$MLFLOW_REQUIREMENTS")from PyPI (about a minute; log: $log)"
  if ! { "$python" -m venv "$MLFLOW_VENV" &&
    "$MLFLOW_VENV/bin/pip" install -q --disable-pip-version-check -r "$MLFLOW_REQUIREMENTS"; } >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    die "mlflow: installing the venv failed (log: $log)"
  fi
  cp "$MLFLOW_REQUIREMENTS" "$MLFLOW_VENV/.ovid-requirements.txt"
  say "mlflow: venv ready in $((SECONDS - start))s"
}

mlflow_healthy() { [[ $(curl -fsS --max-time 3 "$(mlflow_url)/health" 2>/dev/null) == OK ]]; }

mlflow_up() {
  local pid
  if pid=$(live_pid mlflow "mlflow"); then
    say "mlflow: already running (pid $pid)"
    return
  fi
  if mlflow_healthy; then
    warn "mlflow: port $OVID_MLFLOW_PORT already answers but not from a process we started; using it as is"
    return
  fi
  require_free_port mlflow "$OVID_MLFLOW_PORT"
  mlflow_venv_ready || mlflow_provision
  start_detached mlflow env \
    MLFLOW_S3_ENDPOINT_URL="$(minio_url)" \
    AWS_ACCESS_KEY_ID="$OVID_MINIO_ACCESS_KEY" AWS_SECRET_ACCESS_KEY="$OVID_MINIO_SECRET_KEY" \
    AWS_DEFAULT_REGION=us-east-1 MLFLOW_ENABLE_TELEMETRY=false DO_NOT_TRACK=true \
    MLFLOW_SERVER_ENABLE_JOB_EXECUTION=false \
    "$MLFLOW_VENV/bin/mlflow" server \
    --backend-store-uri "postgresql+psycopg2://$OVID_PG_USER:$OVID_PG_PASSWORD@127.0.0.1:$OVID_PG_PORT/mlflow" \
    --default-artifact-root s3://mlflow/ \
    --host 127.0.0.1 --port "$OVID_MLFLOW_PORT" --workers "$OVID_MLFLOW_WORKERS" \
    --allowed-hosts "localhost,localhost:*,127.0.0.1,127.0.0.1:*"
  pid=$(cat "$OVID_RUN_DIR/mlflow.pid")
  # The first start migrates the database schema: allow it time.
  wait_until mlflow 240 "$pid" mlflow_healthy ||
    die "mlflow: failed to start (log: $OVID_LOG_DIR/mlflow.log)"
  say "mlflow: up (pid $pid) $(mlflow_url)"
}

mlflow_down() {
  live_pid mlflow "mlflow" >/dev/null && { stop_pidfile mlflow "mlflow" && say "mlflow: stopped"; }
  rm -f "$OVID_RUN_DIR/mlflow.pid"
}
