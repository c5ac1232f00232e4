# One-sided tests and intervals (issue 17) -> fixtures/refs/alt-*.csv
# (tests/refs/generate runs this).
set -e
Rscript tests/refs/alt.R "$1" 2>"$1/alt.err" || { cat "$1/alt.err" >&2; exit 1; }
/usr/bin/python3 tests/refs/alt.py "$1"      # tests (about 15 minutes)
/usr/bin/python3 tests/refs/alt_ci.py "$1"   # intervals
Rscript tests/refs/alt_strata.R 2>"$1/alt.err" || { cat "$1/alt.err" >&2; exit 1; }
/usr/bin/python3 tests/refs/alt_strata.py   # stratified
