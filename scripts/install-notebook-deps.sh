#!/usr/bin/env bash
# Creates .venv-notebook (Python 3.11+) at the project root and installs notebooks/requirements.txt
# into it. Idempotent and fast when nothing changed: it records a hash of the requirements file in
# the venv and skips pip when the hash matches. Override the interpreter with PYTHON=...
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv-notebook"
REQS="$ROOT/notebooks/requirements.txt"
STAMP="$VENV/.requirements.sha256"

pick_python() {
  if [ -n "${PYTHON:-}" ]; then echo "$PYTHON"; return; fi
  for p in python3.11 python3.12 python3.13 python3; do
    if command -v "$p" >/dev/null 2>&1 &&
      "$p" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
      echo "$p"; return
    fi
  done
  echo "install-notebook-deps.sh: no Python 3.11+ found (set PYTHON=/path/to/python3.11)" >&2
  exit 1
}

want="$(sha256sum "$REQS" | cut -d' ' -f1)"
if [ -x "$VENV/bin/python" ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want" ]; then
  echo "notebook venv up to date: $VENV"
  exit 0
fi

PY="$(pick_python)"
if [ ! -x "$VENV/bin/python" ]; then
  echo "creating $VENV with $PY"
  if ! "$PY" -m venv "$VENV"; then
    echo "install-notebook-deps.sh: '$PY -m venv' failed; on Debian install python3-venv" >&2
    exit 1
  fi
fi
"$VENV/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
"$VENV/bin/python" -m pip install -q --disable-pip-version-check -r "$REQS"
"$VENV/bin/python" -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (stancegraph)" >/dev/null
echo "$want" >"$STAMP"
echo "notebook venv ready: $VENV ($("$VENV/bin/python" --version))"
