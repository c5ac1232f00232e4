"""Checks R's p-values (DIR/test2x2-R.csv, from test2x2.R) against their
definitions at 50 digits with mpmath, and scipy, and writes
fixtures/refs/test2x2.csv.

fisher: the hypergeometric log density from loggamma, the cut on each side
  of the mode (probability <= observed * (1 + 1e-7)) found by bisection,
  each tail summed as d(k) * 3F2(1, ...; 1), the terminating series of
  term ratios (mpmath hyper, summed until the terms no longer matter).
  scipy.stats.fisher_exact is compared up to a total of 10^6, and when a
  margin is at most 60 the p-value is also computed in exact rational
  arithmetic (Python's fractions and math.comb) and compared.
fisher-midp: t = P(X <= x1) - P(x1)/2 or P(X >= x1) - P(x1)/2, the tail on
  the side of x1 away from the mode, summed like the fisher tails; p =
  min(1, 2 min(t, 1 - t)).  scipy has no mid-p test.
score: as chi2 (Koopman's statistic at ratio 1 is X^2); 1 at a zero margin.
chi2: X^2 = N (x1 (n2-x2) - x2 (n1-x1))^2 / (n1 n2 m1 m2) in exact integer
  arithmetic, p = erfc(sqrt(X^2 / 2)) (the chi-square(1) upper tail).
  scipy.stats.chi2_contingency(correction=False) is compared on every row.

A stored value is R's unless it differs from mpmath's by more than 1e-12
relative (on the scale of DBL_MIN below it); then it is mpmath's and `ref`
says so.  Summaries are printed.
Usage: python3 test2x2_mp.py DIR"""
import math
import sys
import warnings
from fractions import Fraction
from multiprocessing import Pool

from mpmath import mp, mpf, loggamma, exp, log1p, hyper, erfc, sqrt
from scipy.stats import fisher_exact, chi2_contingency

mp.dps = 50
TOL = 1e-12
DBL_MIN = 2.2250738585072014e-308


def dev(a, b):
    a, b = float(a), float(b)
    return 0.0 if a == b else abs(a - b) / max(abs(b), DBL_MIN)


def fisher(x1, n1, x2, n2):
    m, N = x1 + x2, n1 + n2
    lo, hi = max(0, m - n2), min(n1, m)
    lg = lambda v: loggamma(mpf(v))
    const = lg(n1 + 1) + lg(n2 + 1) + lg(m + 1) + lg(N - m + 1) - lg(N + 1)
    ld = lambda k: const - lg(k + 1) - lg(n1 - k + 1) - lg(m - k + 1) - lg(n2 - m + k + 1)
    cut = ld(x1) + log1p(mpf(10) ** -7)
    mode = (m + 1) * (n1 + 1) // (N + 2)
    if ld(mode) <= cut:
        return mpf(1)
    a, b = lo - 1, mode                 # left cut: ld(a) <= cut < ld(b)
    while b - a > 1:
        c = (a + b) // 2
        a, b = (c, b) if ld(c) <= cut else (a, c)
    left = a
    a, b = mode, hi + 1                 # right cut: ld(a) > cut >= ld(b)
    while b - a > 1:
        c = (a + b) // 2
        a, b = (a, c) if ld(c) <= cut else (c, b)
    p = mpf(0)
    if left >= lo:                      # P(X <= left)
        k = left
        p += exp(ld(k)) * hyper([1, -k, -(n2 - m + k)], [n1 - k + 1, m - k + 1], 1,
                                maxterms=10**9)
    if b <= hi:                         # P(X >= b)
        k = b
        p += exp(ld(k)) * hyper([1, k - n1, k - m], [k + 1, n2 - m + k + 1], 1,
                                maxterms=10**9)
    return min(p, mpf(1))


def fisher_midp(x1, n1, x2, n2):
    m, N = x1 + x2, n1 + n2
    lg = lambda v: loggamma(mpf(v))
    d = exp(lg(n1 + 1) + lg(n2 + 1) + lg(m + 1) + lg(N - m + 1) - lg(N + 1)
            - lg(x1 + 1) - lg(n1 - x1 + 1) - lg(m - x1 + 1) - lg(n2 - m + x1 + 1))
    k = x1       # the tail away from the mode, kept as it is (1 - (1 - t)
    if x1 <= (m + 1) * (n1 + 1) // (N + 2):   # would lose a p below 1e-50)
        t = d * hyper([1, -k, -(n2 - m + k)], [n1 - k + 1, m - k + 1], 1,
                      maxterms=10**9) - d / 2   # P(X <= x1) - d/2
    else:
        t = d * hyper([1, k - n1, k - m], [k + 1, n2 - m + k + 1], 1,
                      maxterms=10**9) - d / 2   # P(X >= x1) - d/2
    return min(mpf(1), 2 * min(t, 1 - t))


def fisher_exact_rational(x1, n1, x2, n2):
    """The same p in exact rational arithmetic, when one margin is at most
    60 (so the binomials stay small): an independent check of fisher()."""
    m, N = x1 + x2, n1 + n2
    s = min(n1, n2, m, N - m)
    if s > 60:
        return None
    C = math.comb
    if s == m or s == N - m:    # P(k) = C(n1, k) C(n2, m-k) / C(N, m)
        j = m if s == m else N - m
        d = lambda k: Fraction(C(n1, k if s == m else n1 - k) *
                               C(n2, m - k if s == m else n2 - m + k), C(N, j))
    else:                       # P(k) = C(m, k) C(N-m, n1-k) / C(N, n1)
        d = lambda k: (Fraction(C(m, k) * C(N - m, n1 - k), C(N, n1)) if s == n1
                       else Fraction(C(m, m - k) * C(N - m, n2 - m + k), C(N, n2)))
    cut = d(x1) * (1 + Fraction(1, 10**7))
    ps = [d(k) for k in range(max(0, m - n2), min(n1, m) + 1)]
    return mpf(sum(q for q in ps if q <= cut).numerator) / sum(q for q in ps if q <= cut).denominator


def chi2(x1, n1, x2, n2):
    m, N = x1 + x2, n1 + n2
    x2stat = mpf(N * (x1 * (n2 - x2) - x2 * (n1 - x1)) ** 2) / (n1 * n2 * m * (N - m))
    return x2stat, erfc(sqrt(x2stat / 2))


def check(row):
    method, x1, n1, x2, n2 = row[0], *map(int, row[1:5])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if method == "fisher":
            ref = fisher(x1, n1, x2, n2)
            sp = fisher_exact([[x1, n1 - x1], [x2, n2 - x2]])[1] if n1 + n2 <= 10**6 else None
            ex = fisher_exact_rational(x1, n1, x2, n2)
        elif method == "fisher-midp":
            ref, sp, ex = fisher_midp(x1, n1, x2, n2), None, None
        elif method == "score" and (x1 + x2 == 0 or x1 + x2 == n1 + n2):
            ref, sp, ex = mpf(1), None, None
        else:
            ref = chi2(x1, n1, x2, n2)[1]
            sp = chi2_contingency([[x1, n1 - x1], [x2, n2 - x2]], correction=False)[1]
            ex = None
    ex = None if ex is None else float(abs(ex - ref) / ex)
    return "%.17g" % ref, sp, ex


def main(d):
    lines = open(d + "/test2x2-R.csv").read().splitlines()
    rows = [l.split(",") for l in lines[1:]]
    with Pool(2) as pool:
        checked = pool.map(check, rows, chunksize=20)
    worst, count, out = {}, {}, [lines[0]]

    def note(key, e, row):
        count[key] = count.get(key, 0) + 1
        if e >= worst.get(key, (-1,))[0]:
            worst[key] = (e, ",".join(row[:5]))

    for r, (ref, sp, ex) in zip(rows, checked):
        if ex is not None:
            note((r[0], "mpmath vs exact rational"), ex, r)
        e = dev(r[5], ref)
        note((r[0], r[6] + " vs mpmath"), e, r)
        if e > TOL:
            r[5], r[6] = ref, "mpmath"
            note((r[0], "stored from mpmath"), e, r)
        if sp is not None:
            note((r[0], "scipy vs stored" + (" (p < DBL_MIN)" if float(r[5]) < DBL_MIN
                                            else "")), dev(sp, r[5]), r)
        out.append(",".join(r))
    with open("fixtures/refs/test2x2.csv", "w") as f:
        f.write("\n".join(out) + "\n")
    for (m, what), (e, row) in sorted(worst.items()):
        print("test2x2: %-6s %-32s %5d rows, max relative difference %.3g (%s)"
              % (m, what, count[(m, what)], e, row))
    tea = fisher(3, 4, 1, 4)
    phs = chi2(189, 11034, 104, 11037)[0]
    print("test2x2: published: tea tasting Fisher p %s (0.4857); Physicians' "
          "Health X^2 %s (25.01)" % (mp.nstr(tea, 6), mp.nstr(phs, 6)))


if __name__ == "__main__":
    main(sys.argv[1])
