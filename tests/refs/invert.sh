# Intervals inverting the minimum-likelihood and Blaker tests ->
# fixtures/refs/invert-propci.csv, invert-ptrate.csv and invert-ptratio.csv
# (tests/refs/generate runs this).
set -e
/usr/bin/python3 tests/refs/invert.py "$1"
/usr/bin/python3 tests/refs/invert_big.py   # -> invert-big-*.csv (15 minutes)
