# Adjusted inverse sinh intervals -> fixtures/refs/asinh-ratio.csv and
# asinh-odds.csv (tests/refs/generate runs this).
set -e
/usr/bin/python3 tests/refs/asinh.py "$1"
