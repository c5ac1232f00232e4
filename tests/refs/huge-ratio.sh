# Ratio and difference intervals, their score tests, and the unconditional
# tests at counts past those of cases.R (10^7 to 2^53; 10^5 against a few)
# -> fixtures/refs/huge-ratio.csv, huge-ratio-diff.csv, huge-ratio-score.csv
# and huge-uncond-test2x2.csv (tests/refs/generate runs this; about 10 minutes of CPU).
set -e
/usr/bin/python3 tests/refs/huge_ratio.py 2>/dev/null
/usr/bin/python3 tests/refs/huge_uncond.py
