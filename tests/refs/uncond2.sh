# barnard-unpooled and boschloo-minlike -> fixtures/refs/uncond2-test2x2.csv
# (tests/refs/generate runs this).
set -e
/usr/bin/python3 tests/refs/uncond2.py "$1"
