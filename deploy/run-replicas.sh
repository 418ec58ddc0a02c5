#!/usr/bin/env bash
# Start N medialit replicas -- one single-process `streamlit run serve.py` each, on consecutive loopback
# ports -- sharing one PostgreSQL database, for HAProxy to spread the classes over (docs/deploy.md).
#
#   MEDIALIT_DATABASE_URL='postgresql+psycopg://medialit:PASS@127.0.0.1/medialit' \
#   MEDIALIT_TEACHER_PASSWORD='a long pass phrase' deploy/run-replicas.sh -n 2 -p 8501
#
# Options:
#   -n N           number of replicas (default 2; one per CPU core is the rule, see docs/deploy.md)
#   -p PORT        port of the first replica (default 8501): replicas use PORT, PORT+1, ...
#   --ports LIST   explicit comma-separated ports instead of -n/-p (e.g. 8501,8502)
#   -a ADDRESS     address the replicas listen on (default 127.0.0.1: only the proxy reaches them)
#   -l DIR         log folder, one replica-<port>.log each (default: <kit>/data/logs)
#
# Environment: MEDIALIT_DATABASE_URL (required for more than one replica), MEDIALIT_TEACHER_PASSWORD
# (or teacher_password in .streamlit/secrets.toml), STREAMLIT / PYTHON (default: the kit's .venv).
#
# Runs from the kit folder, so the kit's .streamlit/config.toml (file watcher off, no per-rerun GC)
# and .streamlit/secrets.toml apply. The schema is migrated once before the replicas start (and
# each replica checks again at its first request: safe, an advisory lock serialises migrations).
# Stays in the foreground: Ctrl-C or SIGTERM stops every replica; if one replica exits, the others
# are stopped and the script exits 1 (for one independently restarted service per replica, use
# deploy/medialit@.service instead).
set -euo pipefail

KIT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STREAMLIT="${STREAMLIT:-$KIT/.venv/bin/streamlit}"
PYTHON="${PYTHON:-$KIT/.venv/bin/python}"
COUNT=2
FIRST_PORT=8501
PORTS=""
ADDRESS=127.0.0.1
LOG_DIR="${MEDIALIT_LOG_DIR:-$KIT/data/logs}"

usage() { sed -n '2,24p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
while [ $# -gt 0 ]; do
  case "$1" in
    -n) COUNT="$2"; shift 2 ;;
    -p) FIRST_PORT="$2"; shift 2 ;;
    --ports) PORTS="$2"; shift 2 ;;
    -a) ADDRESS="$2"; shift 2 ;;
    -l) LOG_DIR="$2"; shift 2 ;;
    -h|--help) usage 0 ;;
    *) echo "run-replicas: unknown option $1" >&2; usage 2 ;;
  esac
done

if [ -n "$PORTS" ]; then
  IFS=, read -r -a PORT_LIST <<< "$PORTS"
else
  PORT_LIST=()
  for ((i = 0; i < COUNT; i++)); do PORT_LIST+=("$((FIRST_PORT + i))"); done
fi
[ "${#PORT_LIST[@]}" -ge 1 ] || { echo "run-replicas: no replica to start" >&2; exit 2; }
for port in "${PORT_LIST[@]}"; do
  [[ "$port" =~ ^[0-9]+$ ]] || { echo "run-replicas: bad port '$port'" >&2; exit 2; }
done
[ -x "$STREAMLIT" ] || { echo "run-replicas: no streamlit at $STREAMLIT (run 'make test' or set STREAMLIT)" >&2; exit 2; }

if [ -z "${MEDIALIT_DATABASE_URL:-}" ]; then
  if [ "${#PORT_LIST[@]}" -gt 1 ]; then
    echo "run-replicas: several replicas must share one PostgreSQL database: set MEDIALIT_DATABASE_URL," >&2
    echo "  e.g. postgresql+psycopg://medialit:PASSWORD@127.0.0.1/medialit (docs/deploy.md)" >&2
    exit 2
  fi
  echo "run-replicas: MEDIALIT_DATABASE_URL is not set: one replica on the SQLite file in <kit>/data" >&2
fi

cd "$KIT"
mkdir -p "$LOG_DIR"

# Migrate (and check the database answers) once, before any student can arrive.
"$PYTHON" -m medialit.cli migrate | sed 's/^/run-replicas: /'

PIDS=()
stop_all() {
  trap - TERM INT EXIT
  [ "${#PIDS[@]}" -gt 0 ] && kill "${PIDS[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap 'stop_all; exit 0' TERM INT
trap 'stop_all' EXIT

for port in "${PORT_LIST[@]}"; do
  "$STREAMLIT" run serve.py --server.port "$port" --server.address "$ADDRESS" --server.headless true \
    >> "$LOG_DIR/replica-$port.log" 2>&1 &
  PIDS+=("$!")
  echo "run-replicas: replica on $ADDRESS:$port, pid $!, log $LOG_DIR/replica-$port.log"
done

# Wait until every replica answers its health check (the proxy's checks say the same).
for i in "${!PORT_LIST[@]}"; do
  "$PYTHON" - "$ADDRESS" "${PORT_LIST[$i]}" "${PIDS[$i]}" <<'EOF'
import sys, time, urllib.request
from pathlib import Path
host, port, pid = sys.argv[1], sys.argv[2], sys.argv[3]
host = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
deadline = time.monotonic() + 90
while time.monotonic() < deadline:
    stat = Path(f"/proc/{pid}/stat")
    if not stat.exists() or stat.read_text().rsplit(")", 1)[1].split()[0] == "Z":
        sys.exit(f"run-replicas: the replica on port {port} exited during start-up (see its log)")
    try:
        with urllib.request.urlopen(f"http://{host}:{port}/_stcore/health", timeout=2) as response:
            if response.read().strip() == b"ok":
                print(f"run-replicas: {host}:{port} is healthy")
                sys.exit(0)
    except OSError:
        pass
    time.sleep(0.2)
sys.exit(f"run-replicas: {host}:{port} did not become healthy within 90 s (see its log)")
EOF
done
echo "run-replicas: ${#PORT_LIST[@]} replica(s) up"

# Foreground until one replica exits (or a signal arrives): then stop the others.
set +e
wait -n "${PIDS[@]}"
status=$?
echo "run-replicas: a replica exited with status $status; stopping the others" >&2
exit 1
