# Funnel-plot limits, p-values and over-dispersion -> fixtures/refs/funnel.csv
# and fixtures/refs/dispersion.csv (tests/refs/generate runs this; seconds).
set -e
Rscript tests/refs/funnel.R 2>"$1/funnel.err" || { cat "$1/funnel.err" >&2; exit 1; }
