# MOVER intervals -> fixtures/refs/mover-ratio.csv, mover-diff.csv and
# mover-odds.csv (tests/refs/generate runs this).
set -e
Rscript tests/refs/mover.R "$1" 2>"$1/mover.err" || { cat "$1/mover.err" >&2; exit 1; }
/usr/bin/python3 tests/refs/mover.py "$1"
