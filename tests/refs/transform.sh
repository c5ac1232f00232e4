# logit and arcsine rate intervals -> fixtures/refs/transform-propci.csv
# (tests/refs/generate runs this).
set -e
/usr/bin/python3 tests/refs/transform.py "$1"
