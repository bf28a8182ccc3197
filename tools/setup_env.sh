#!/usr/bin/env bash
# Create the project-local .venv and install mmkaryo into it, only where something is missing.
# Idempotent: a second run checks the imports and returns in seconds.
#
#   bash tools/setup_env.sh        # then: source .venv/bin/activate
#
# mmcv 2.1.0 has no wheel for torch 2.13, so pip builds it from its sdist with the CPU C++ ops
# (~14 min on 2 cores, once: pip keeps the built wheel in its cache, so later venvs install in ~90 s).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${MMKARYO_VENV:-$ROOT/.venv}"
PY="$VENV/bin/python"
PYTHON="${PYTHON:-python3}"

log() { printf '[setup_env] %s\n' "$*"; }

if [ ! -x "$PY" ]; then
    log "creating $VENV"
    "$PYTHON" -m venv "$VENV"
fi

installed() {
    "$PY" - <<'PY' 2>/dev/null
import importlib.metadata as md
import mmcv.ops  # noqa: F401  (fails if mmcv was built without its compiled ops)
import mmdet, mmengine, mmkaryo, pycocotools, pytest, skimage, tifffile  # noqa: F401
import mim  # noqa: F401
assert md.version('mmcv') == '2.1.0'
PY
}

if installed; then
    log "environment complete: $VENV"
    exit 0
fi

PIP=("$PY" -m pip install --disable-pip-version-check)
# The build prerequisites of mmcv first: torch from this machine's disk (CPU build), setuptools<82
# (mmcv's setup.py imports pkg_resources), and ninja for a parallel C++ build.
"${PIP[@]}" -q "torch==2.13.0" "setuptools<82" wheel ninja numpy

if ! "$PY" -c "import mmcv.ops" 2>/dev/null; then
    log "installing mmcv 2.1.0 with its CPU ops (built from source on the first run: ~14 min)"
    # CFLAGS replaces the default flags (which carry -g): keep -O3, drop debug info (1.4 MB wheel).
    CFLAGS="-O3 -g0 -DNDEBUG -fwrapv" MMCV_WITH_OPS=1 FORCE_CUDA=0 MAX_JOBS="${MAX_JOBS:-2}" \
        "${PIP[@]}" --no-build-isolation "mmcv==2.1.0"
fi

log "installing mmkaryo (editable) with its test extra"
"${PIP[@]}" -q --no-build-isolation -e "$ROOT[tests]"

# openmim's declared dependencies downgrade setuptools, requests and rich; mim 0.3.9 runs with
# --no-deps plus the few packages it really imports (pip would warn that opendatalab, which only
# `mim download` uses, is missing: --no-warn-conflicts).
"${PIP[@]}" -q --no-warn-conflicts --no-deps "openmim==0.3.9"
"${PIP[@]}" -q --no-warn-conflicts click colorama tabulate requests ordered-set markdown pandas \
    model-index

installed || { log "installation finished but the imports still fail; see the messages above"; exit 1; }
log "environment complete: $VENV"
