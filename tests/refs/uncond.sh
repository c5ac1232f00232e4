# Unconditional exact tests -> fixtures/refs/uncond-test2x2.csv (tests/refs/generate runs this).
set -e
/usr/bin/python3 tests/refs/uncond.py "$1"
