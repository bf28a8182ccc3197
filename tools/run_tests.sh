#!/usr/bin/env bash
# README command 2: set up the environment if needed, then run the whole test suite (slow tests too).
# Extra arguments go to pytest, e.g. `bash tools/run_tests.sh -m "not slow"`.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/tools/setup_env.sh"
cd "$ROOT"
# pytest exits 5 when it collected no tests; that is a failure here, as is any other non-zero code.
exec "$ROOT/.venv/bin/python" -m pytest "$@"
