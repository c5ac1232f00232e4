"""Cross-checks R's rate intervals (DIR/propci-R.csv, from propci.R) and
writes fixtures/refs/propci.csv (rows of other methods pass through).

  wilson    statsmodels proportion_confint(method='wilson') on every row, and
            the Wilson formula evaluated at 50 digits with mpmath;
  jeffreys, scipy.stats.beta.ppf / isf (Boost's ibeta_inv, an implementation
  exact     independent of R's) on every row, and mpmath at 50 digits: the
            regularized incomplete beta I_x(a, b) from its hypergeometric
            series (DLMF 8.17.8, positive terms), the quantile by Newton's
            method started at R's value, for every n = 10^9 row, a fixed
            sample of 40 cases with 10^7 <= n < 10^9 and every row where R
            and scipy differ by more than 1e-12.

A stored value is R's unless R differs from the mpmath value by more than
1e-12 relative; then it is mpmath's and `ref` says so.  Trusted because
three implementations from different code bases agree (see the summary
printed and fixtures/refs/README.md).
Usage: python3 propci_check.py DIR"""
import random
import sys
import warnings

from mpmath import mp, mpf, sqrt, log, log1p, exp, loggamma, hyper, erfinv
from scipy.stats import beta
from statsmodels.stats.proportion import proportion_confint

mp.dps = 50
TOL = 1e-12


def rel(a, b):
    a, b = float(a), float(b)
    return 0.0 if a == b else abs(a - b) / max(abs(b), 2.2250738585072014e-308)


def ibeta(a, b, x):
    """I_x(a, b) at mp precision: the series in x or, for x > 1/2, in 1 - x
    (its terms decay at least as fast as 2^-k once past their peak, which is
    within a few thousand terms of the start near the quantiles)."""
    if x > 0.5:
        return 1 - ibeta(b, a, 1 - x)
    pre = a * log(x) + b * log1p(-x) - log(a) - \
        (loggamma(a) + loggamma(b) - loggamma(a + b))
    return exp(pre) * hyper([a + b, 1], [a + 1], x, maxterms=10**9)


def qbeta(p, a, b, q):
    """Solves I_q(a, b) = p by Newton's method from the start value q."""
    q, lbeta = mpf(q), loggamma(a) + loggamma(b) - loggamma(a + b)
    for _ in range(100):
        dens = exp((a - 1) * log(q) + (b - 1) * log1p(-q) - lbeta)
        step = (ibeta(a, b, q) - p) / dens
        while not 0 < q - step < 1:
            step /= 2
        q -= step
        if abs(step) < q * mpf(10) ** -40:
            return q
    raise RuntimeError("qbeta: no convergence")


def mp_bounds(method, x, n, level, lo, hi):
    """mpmath bounds for one row (0 and 1 conventions kept), R's as start."""
    x, n, al = mpf(x), mpf(n), (1 - mpf(level)) / 2
    if method == "wilson":
        z = sqrt(2) * erfinv(mpf(level))
        p, c = x / n, z * z / (2 * n)
        s = z * sqrt(p * (1 - p) / n + c / (2 * n))
        return (0 if x == 0 else (p + c - s) / (1 + 2 * c),
                1 if x == n else (p + c + s) / (1 + 2 * c))
    sh = {"jeffreys": (x + mpf(0.5), n - x + mpf(0.5), x + mpf(0.5), n - x + mpf(0.5)),
          "exact": (x, n - x + 1, x + 1, n - x)}[method]
    return (0 if x == 0 else qbeta(al, sh[0], sh[1], lo),
            1 if x == n else qbeta(1 - al, sh[2], sh[3], hi))


def main(d):
    lines = open(d + "/propci-R.csv").read().splitlines()
    rows = [l.split(",") for l in lines[1:]]
    big = sorted({(r[1], r[2], r[3]) for r in rows if 1e7 <= int(r[2]) < 1e9})
    sample = set(random.Random(20261124).sample(big, 40))
    worst = {}                  # (method, other implementation) -> max rel
    count = {}
    out = [lines[0]]
    for r in rows:
        if r[0] not in ("wilson", "jeffreys", "exact"):
            out.append(",".join(r))           # other methods pass through
            continue
        method, x, n, level = r[0], int(r[1]), int(r[2]), float(r[3])
        lo, hi = float(r[4]), float(r[5])
        alpha = 1 - level
        if method == "wilson":
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                other = proportion_confint(x, n, alpha, method="wilson")
            name = "statsmodels"
        else:
            a1, b1, a2, b2 = ((x + .5, n - x + .5, x + .5, n - x + .5)
                              if method == "jeffreys" else (x, n - x + 1, x + 1, n - x))
            other = (beta.ppf(alpha / 2, a1, b1) if x > 0 else 0.0,
                     beta.isf(alpha / 2, a2, b2) if x < n else 1.0)
            name = "scipy"
        e = max(rel(other[0], lo) if x > 0 else 0, rel(other[1], hi) if x < n else 0)
        k = (method, name)
        worst[k] = max(worst.get(k, 0), e)
        count[k] = count.get(k, 0) + 1
        count[k + ("off",)] = count.get(k + ("off",), 0) + (e > TOL)
        if method == "wilson" or n == 10**9 or (r[1], r[2], r[3]) in sample or e > TOL:
            mlo, mhi = mp_bounds(method, x, n, r[3], lo, hi)
            e = max(rel(lo, mlo), rel(hi, mhi))
            k = (method, "mpmath")
            worst[k] = max(worst.get(k, 0), e)
            count[k] = count.get(k, 0) + 1
            if e > TOL:
                r[4], r[5], r[6] = "%.17g" % mlo, "%.17g" % mhi, "mpmath"
                k = (method, "replaced")
                count[k] = count.get(k, 0) + 1
        out.append(",".join(r))
    with open("fixtures/refs/propci.csv", "w") as f:
        f.write("\n".join(out) + "\n")
    for (m, other), w in sorted(worst.items()):
        print("propci: %-8s R vs %-11s max relative difference %.3g over %d cases%s"
              % (m, other, w, count[(m, other)], "" if other == "mpmath" else
                 " (%d beyond %g)" % (count[(m, other, "off")], TOL)))
    for m in ("wilson", "jeffreys", "exact"):
        print("propci: %-8s rows stored from mpmath (R off by > %g): %d"
              % (m, TOL, count.get((m, "replaced"), 0)))


main(sys.argv[1])
