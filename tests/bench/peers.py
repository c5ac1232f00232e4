"""Times scipy on the same computation as a disp-rate benchmark case.
Usage: peers.py METHOD X1 N1 X2 N2 REPS  -> seconds per call (best of 3)."""
import sys
import time
import warnings

import numpy as np
from scipy import stats

method, x1, n1, x2, n2, reps = sys.argv[1], *map(int, sys.argv[2:7])
t = np.array([[x1, n1 - x1], [x2, n2 - x2]])        # rows: groups
calls = {
    "fisher": lambda: stats.fisher_exact(t),
    "chi2": lambda: stats.chi2_contingency(t, correction=False),
    "exact-or": lambda: stats.contingency.odds_ratio(t).confidence_interval(0.95),
    # scipy's barnard/boschloo take the groups as columns.
    "barnard": lambda: stats.barnard_exact(t.T, alternative="two-sided"),
    "boschloo": lambda: stats.boschloo_exact(t.T, alternative="two-sided"),
    "exact-ci": lambda: stats.binomtest(x1, n1).proportion_ci(0.95, "exact"),
    "wilson-ci": lambda: stats.binomtest(x1, n1).proportion_ci(0.95, "wilson"),
}
best = float("inf")
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    for _ in range(3):
        t0 = time.perf_counter()
        for _ in range(reps):
            calls[method]()
        best = min(best, (time.perf_counter() - t0) / reps)
print("%.6g" % best)
