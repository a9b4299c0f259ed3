#!/usr/bin/env bash
# Prints a fingerprint of the user's own Ovid data: every table of database `ovid`, the objects of
# bucket `ovid-artifacts`, and the runs of MLflow experiment `ovid`. `bin/ovid test` compares it
# before and after the suite: tests own their data and must leave the user's exactly as it was.
set -euo pipefail
OVID_HOME="${OVID_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
# shellcheck source=common.sh
source "$OVID_HOME/infra/lib/common.sh"
# shellcheck source=postgres.sh
source "$OVID_HOME/infra/lib/postgres.sh"

sql() { pg_as_owner "$(pg_bindir)/psql" -X -q -At -h "$PG_SOCKET_DIR" -p "$OVID_PG_PORT" -U postgres -d "$1"; }

tables=$(echo "select tablename from pg_tables where schemaname = 'public' order by 1" | sql ovid)
rows=0
digest=""
for t in $tables; do
  line=$(echo "select count(*) || ' ' || coalesce(md5(string_agg(x::text, '|' order by x::text)), '-') from \"$t\" x" | sql ovid)
  rows=$((rows + ${line%% *}))
  digest+="$t $line"$'\n'
done
runs=$(echo "select count(*) || ' ' || coalesce(md5(string_agg(r.run_uuid || r.status || coalesce(r.end_time, 0), '|' order by r.run_uuid)), '-')
  from runs r join experiments e on e.experiment_id = r.experiment_id where e.name = 'ovid'" | sql mlflow 2>/dev/null || echo "no mlflow database")
objects=$(cd "$OVID_DATA_DIR/minio" 2>/dev/null && find ovid-artifacts -type f -printf '%P %s\n' 2>/dev/null | sort | md5sum | cut -d' ' -f1 || echo none)
echo "$rows rows in database ovid, mlflow experiment ovid: $runs, bucket ovid-artifacts: $objects"
printf '%s' "$digest"
