"""Reference values for rate intervals not in base R, appended to
fixtures/refs/propci.csv for the (x, n, level) cases of refs.R:

- wald, agresti-coull: statsmodels proportion_confint (methods 'normal',
  'agresti_coull'), clipped to [0, 1] as statsmodels and we both do.
- midp: the definition at 40 digits with mpmath, for n <= 20000: the bounds
  solve P(X > x) + P(X = x)/2 = alpha/2 and P(X < x) + P(X = x)/2 = alpha/2,
  X ~ Bin(n, p), with exact binomial sums, by bisection to 1e-22 relative.
"""
import warnings
from mpmath import mp, mpf
from statsmodels.stats.proportion import proportion_confint

mp.dps = 40


def midp(x, n, level):
    a2 = (1 - mpf(level)) / 2
    def terms(p):
        # P(X = k) by the exact ratio P(k+1)/P(k) = (n-k)p / ((k+1)(1-p)).
        t = [(1 - p) ** n]
        for k in range(n):
            t.append(t[-1] * (n - k) * p / ((k + 1) * (1 - p)))
        return t

    def solve(f):
        lo, hi = mpf(0), mpf(1)          # f(lo) < 0 < f(hi)
        while hi - lo > mpf(10) ** -22 * max(lo, mpf(10) ** -300):
            mid = (lo + hi) / 2
            lo, hi = (mid, hi) if f(mid) < 0 else (lo, mid)
        return (lo + hi) / 2

    def lower(p):
        t = terms(p)
        return sum(t[x + 1:]) + t[x] / 2 - a2

    def upper(p):
        t = terms(p)
        return a2 - (sum(t[:x]) + t[x] / 2)
    return (mpf(0) if x == 0 else solve(lower)), (mpf(1) if x == n else solve(upper))


rows = []
with open("fixtures/refs/props.part") as fp:
    next(fp)
    for line in fp:
        x, n, level = line.strip().split(",")
        x, n, level = int(float(x)), int(float(n)), float(level)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for ours, theirs in (("wald", "normal"), ("agresti-coull", "agresti_coull")):
                lo, hi = proportion_confint(x, n, alpha=1 - level, method=theirs)
                lo, hi = min(max(lo, 0.0), 1.0), min(max(hi, 0.0), 1.0)
                rows.append("%s,%d,%d,%s,%.17g,%.17g,statsmodels" % (ours, x, n, level, lo, hi))
        if n <= 2000:
            lo, hi = midp(x, n, level)
            rows.append("midp,%d,%d,%s,%.17g,%.17g,mpmath" % (x, n, level, float(lo), float(hi)))
with open("fixtures/refs/propci.csv", "a") as out:
    out.write("\n".join(rows) + "\n")
