# Score intervals without N/(N-1) -> fixtures/refs/nocorr-diff.csv and
# nocorr-odds.csv (tests/refs/generate runs this).
set -e
/usr/bin/python3 tests/refs/nocorr.py "$1"
