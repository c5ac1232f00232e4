# Conditional odds ratios and 2x2 tests at 10^10 to 2^53 ->
# fixtures/refs/huge-odds.csv and huge-odds-test2x2.csv (tests/refs/generate
# runs this; about 4 minutes on two cores).  $1, the scratch directory, is
# not needed: the cases are listed in huge_odds.py.
set -e
/usr/bin/python3 tests/refs/huge_odds.py fixtures/refs
