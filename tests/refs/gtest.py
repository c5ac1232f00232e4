"""Likelihood-ratio (G) and Yates-corrected chi-square p-values at 40 digits
with mpmath, appended to fixtures/refs/test2x2.csv for every table that has
a chi2 row there (no zero margin).  G = 2 sum O log(O/E); Yates: each
|O - E| reduced by min(1/2, |O - E|) (R's chisq.test and scipy's rule);
p = P(chi2_1 > X) = erfc(sqrt(X/2)).  scipy's chi2_contingency is the
double-precision cross-check (largest relative differences to stderr).  R's
chisq.test is not used for Yates: it takes the min over per-cell rounded
|O - E|, leaving a statistic of ~1e-11 where the exact one is 0."""
import sys
import warnings
from mpmath import mp, mpf, log, erfc, sqrt
from scipy.stats import chi2_contingency

mp.dps = 40
path = "fixtures/refs/test2x2.csv"
rows, worst, worst_y = [], 0.0, 0.0
for line in open(path).read().splitlines()[1:]:
    f = line.split(",")
    if f[0] != "chi2":
        continue
    x1, n1, x2, n2 = (int(float(v)) for v in f[1:5])
    O = [mpf(v) for v in (x1, n1 - x1, x2, n2 - x2)]
    N, m = mpf(n1 + n2), mpf(x1 + x2)
    E = [n1 * m / N, n1 * (N - m) / N, n2 * m / N, n2 * (N - m) / N]
    G = 2 * sum(o * log(o / e) for o, e in zip(O, E) if o > 0)
    p = erfc(sqrt(G / 2)) if G > 0 else mpf(1)
    rows.append("g,%d,%d,%d,%d,%.17g,mpmath" % (x1, n1, x2, n2, float(p)))
    d = max(abs(O[0] - E[0]) - mpf(1) / 2, 0)   # |O - E| is the same in all cells
    X = sum(d * d / e for e in E)
    py = erfc(sqrt(X / 2)) if X > 0 else mpf(1)
    rows.append("chi2-yates,%d,%d,%d,%d,%.17g,mpmath" % (x1, n1, x2, n2, float(py)))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        table = [[x1, n1 - x1], [x2, n2 - x2]]
        sp = chi2_contingency(table, correction=False, lambda_="log-likelihood")[1]
        sy = chi2_contingency(table, correction=True)[1]
    if float(p) > 1e-300:
        worst = max(worst, abs(sp - float(p)) / float(p))
    if float(py) > 1e-300:
        worst_y = max(worst_y, abs(sy - float(py)) / float(py))
open(path, "a").write("\n".join(rows) + "\n")
print("g, chi2-yates: %d tables; scipy max relative differences %.3g, %.3g"
      % (len(rows) // 2, worst, worst_y), file=sys.stderr)
