#!/usr/bin/env bash
# Usage: .ci/watchdog.sh SECONDS COMMAND...
# Runs COMMAND with a time limit. Past it, prints what is still running (the process tree, and a
# diagnostic report of every Node process under COMMAND: its JavaScript stack and open handles),
# stops it all and exits 124. Without this a hang ends CI only at CI's own limit, with no clue.
set -uo pipefail
limit=$1
shift
here=$(cd "$(dirname "$0")/.." && pwd)
reports=$(mktemp -d)
# Every Node process under COMMAND writes a report when sent SIGUSR2 (its event loop must be free).
export NODE_OPTIONS="${NODE_OPTIONS:+$NODE_OPTIONS }--report-on-signal --report-directory=$reports"

setsid "$@" &
pid=$!
deadline=$((SECONDS + limit))
while kill -0 "$pid" 2>/dev/null; do
  if ((SECONDS >= deadline)); then
    echo "== watchdog: '$*' still running after ${limit} s; what is running:" >&2
    ps --forest -o pid,ppid,etimes,args -s "$pid" >&2
    pgrep -a java >&2
    for p in $(ps -eo pid=,sid=,comm= | awk -v s="$pid" '$2 == s && $3 == "node" { print $1 }'); do
      kill -USR2 "$p" 2>/dev/null
    done
    sleep 10
    node "$here/.ci/hang-report.mjs" "$reports" >&2
    kill -TERM -- "-$pid" 2>/dev/null
    sleep 5
    kill -KILL -- "-$pid" 2>/dev/null
    # The local test Neo4j runs in its own session: stop it too.
    pkill -KILL -f "$here/.neo4j/" 2>/dev/null
    wait "$pid" 2>/dev/null
    rm -rf "$reports"
    exit 124
  fi
  sleep 2
done
wait "$pid"
rc=$?
rm -rf "$reports"
exit "$rc"
