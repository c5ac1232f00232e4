# Stratified comparisons (disp-strata) -> fixtures/refs/strata*.csv and
# standard.csv (tests/refs/generate runs this; about 4 minutes on one core).
set -e
/usr/bin/python3 tests/refs/strata.py cases "$1"
Rscript tests/refs/strata.R "$1" 2>"$1/strata.err" || { cat "$1/strata.err" >&2; exit 1; }
/usr/bin/python3 tests/refs/strata.py refs "$1"
