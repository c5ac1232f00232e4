# Counts from 10^9 to 2^53 for the incomplete-beta and Poisson methods ->
# fixtures/refs/huge-beta-*.csv (tests/refs/generate runs this; ~4 minutes).
set -e
/usr/bin/python3 tests/refs/huge_beta.py fixtures/refs
