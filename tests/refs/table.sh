# Tests of the whole k x 2 table (disp-test) -> fixtures/refs/table.csv
# (tests/refs/generate runs this; about a minute).
set -e
/usr/bin/python3 tests/refs/table_cases.py "$1"
Rscript tests/refs/table.R "$1" 2>"$1/table.err" || { cat "$1/table.err" >&2; exit 1; }
/usr/bin/python3 tests/refs/table.py "$1"
