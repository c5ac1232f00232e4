# Rate differences -> fixtures/refs/diff.csv (tests/refs/generate runs this).
set -e
/usr/bin/python3 tests/refs/diff.py "$1"
/usr/bin/python3 tests/refs/mn.py "$1" diff
