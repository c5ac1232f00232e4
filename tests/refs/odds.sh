# Odds ratios -> fixtures/refs/odds.csv (tests/refs/generate runs this).
set -e
Rscript tests/refs/odds.R "$1" 2>"$1/odds.err" || { cat "$1/odds.err" >&2; exit 1; }
/usr/bin/python3 tests/refs/odds_exact.py "$1"
/usr/bin/python3 tests/refs/odds.py "$1"
/usr/bin/python3 tests/refs/mn.py "$1" odds
/usr/bin/python3 tests/refs/bp.py "$1"
