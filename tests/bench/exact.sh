# Sourced by tests/bench/run: the exact conditional odds-ratio interval and
# the unconditional tests.  scipy's boschloo_exact takes minutes at 1,000
# per arm (231 s in scipy 1.10), so it is timed at 300 per arm.
case_ "exact OR small" --odds exact exact-or 12 40 5 45 2000 200
case_ "exact OR 10^5" --odds exact exact-or 50000 100000 49000 100000 200 3
case_ "barnard 1000/arm" --test barnard barnard 500 1000 450 1000 5 1
case_ "boschloo 300/arm" --test boschloo boschloo 150 300 130 300 5 1
