# Multiple-comparison adjustments -> fixtures/refs/adjust.csv (tests/refs/generate runs this).
set -e
Rscript tests/refs/adjust.R 2>"$1/adjust.err" || { cat "$1/adjust.err" >&2; exit 1; }
