# Person-time rates, ratios and tests -> fixtures/refs/pt*.csv
set -e
# (tests/refs/generate runs this).
/usr/bin/python3 tests/refs/pt_cases.py "$1"
Rscript tests/refs/pt.R "$1" 2>"$1/pt.err" || { cat "$1/pt.err" >&2; exit 1; }
/usr/bin/python3 tests/refs/pt_mp.py "$1"
