"""Barnard's and Boschloo's tests on unbalanced tables up to 10^5 against a few,
and balanced ones at 10^4 per arm (Barnard): fixtures/refs/huge-uncond-test2x2.csv
(method,x1,n1,x2,n2,p,ref), beyond the sizes of uncond.py.

As uncond.py, from the definitions scipy documents, the regions decided
without rounding: barnard, tables whose pooled z^2 = (a n2 - b n1)^2 N /
(n1 n2 m (N - m)) is at least the observed one, compared as exact integers
and enumerated in full for every a of the small group (and every b of the
large), the region of each a then checked to be a run from 0 and a run to
n2; at 10^4 per arm, where the full enumeration is 10^8 tables, the two
ends for each a are found by bisection on the same exact comparison (the
run structure having been checked on every smaller table here).
boschloo, Fisher's one-sided p-values of every table of the small group
(at most 11 values per total m) as exact rationals from the ratios of
binomial coefficients, each region again checked to be one run per a.
P(region) at pi from scipy's binomial pmf, cdf and sf (the small group's
pmf times the large group's tail at each end), maximised over pi =
sin^2(theta) on a grid of 4001 theta values (about 4 per standard deviation
of the larger group at 10^5), the five best local maxima
refined by bounded Brent (xatol 1e-14).  Independent of our code: ours
sums windowed pmfs by recurrence and walks the boundary.
Usage: /usr/bin/python3 tests/refs/huge_uncond.py  (from the repository root)"""
import math
import warnings

import numpy as np
from scipy.optimize import minimize_scalar
from scipy.stats import binom


def z2(a, n1, b, n2):
    """Signed z^2 as an exact fraction (num, den), den > 0; 0 when the
    proportions are equal."""
    N, m, d = n1 + n2, a + b, a * n2 - b * n1
    if d == 0:
        return 0, 1
    return d * abs(d) * N, n1 * n2 * m * (N - m)


def ge(x, y):   # x >= y for fractions (num, den), den > 0
    return x[0] * y[1] >= y[0] * x[1]


def runs(inside, n2):
    """(top, bot) with inside(b) exactly for b <= top or b >= bot."""
    v = [inside(b) for b in range(n2 + 1)]
    top = -1
    while top < n2 and v[top + 1]:
        top += 1
    bot = n2 + 1
    while bot > top + 1 and v[bot - 1]:
        bot -= 1
    assert not any(v[top + 1:bot]), "region is not two runs"
    return top, bot


def barnard_region(x1, n1, x2, n2, full):
    c = z2(x1, n1, x2, n2)
    cut, ncut = (abs(c[0]), c[1]), (-abs(c[0]), c[1])
    if cut[0] == 0:
        return None
    top, bot = [], []
    for a in range(n1 + 1):
        if full:
            t, b = runs(lambda b: ge(z2(a, n1, b, n2), cut) or ge(ncut, z2(a, n1, b, n2)), n2)
        else:
            lo, hi = -1, n2 + 1              # z2 falls with b
            while hi - lo > 1:
                m = (lo + hi) // 2
                lo, hi = (m, hi) if ge(z2(a, n1, m, n2), cut) else (lo, m)
            t = lo
            lo, hi = -1, n2 + 1
            while hi - lo > 1:
                m = (lo + hi) // 2
                lo, hi = (lo, m) if ge(ncut, z2(a, n1, m, n2)) else (m, hi)
            b = hi
        top.append(t)
        bot.append(b)
    return [(top, bot)]


def cond_cdf(n1, n2, m):
    """(lo, [A_lo, ..., A_hi], T): P(X1 <= a | m) = A_a / T exactly, X1
    hypergeometric (group 1 of n1), from the ratios of consecutive terms
    kept over one common denominator."""
    lo, hi = max(0, m - n2), min(m, n1)
    nums, dens = [1], [1]
    for k in range(lo, hi):
        nums.append(nums[-1] * (n1 - k) * (m - k))
        dens.append(dens[-1] * (k + 1) * (n2 - m + k + 1))
    D = dens[-1]
    terms = [p * (D // d) for p, d in zip(nums, dens)]
    acc, s = [], 0
    for t in terms:
        s += t
        acc.append(s)
    return lo, acc, s


def boschloo_regions(x1, n1, x2, n2):
    N = n1 + n2
    cdf = [cond_cdf(n1, n2, m) for m in range(N + 1)]

    def F(a, b):        # P(X1 <= a | m) as (num, den)
        lo, acc, tot = cdf[a + b]
        return (acc[a - lo] if a >= lo else 0), tot

    def G(a, b):        # P(X1 >= a | m)
        lo, acc, tot = cdf[a + b]
        return tot - (acc[a - 1 - lo] if a - 1 >= lo else 0), tot
    tl, tg = F(x1, x2), G(x1, x2)
    less, greater = ([], []), ([], [])
    for a in range(n1 + 1):
        t, b = runs(lambda b: ge(tl, F(a, b)), n2)
        less[0].append(t), less[1].append(b)
        t, b = runs(lambda b: ge(tg, G(a, b)), n2)
        greater[0].append(t), greater[1].append(b)
    return [less, greater]


def maxprob(region, n1, n2):
    top, bot = np.array(region[0]), np.array(region[1])
    a = np.arange(n1 + 1)

    def prob(theta):
        pi = math.sin(theta) ** 2
        tail = np.where(top >= 0, binom.cdf(top, n2, pi), 0.0)
        tail = tail + np.where(bot <= n2, binom.sf(bot - 1, n2, pi), 0.0)
        return float(binom.pmf(a, n1, pi) @ tail)
    th = np.linspace(0, math.pi / 2, 4001)
    vals = np.array([prob(t) for t in th])
    best, h = vals.max(), th[1] - th[0]
    peaks = [i for i in range(1, len(th) - 1) if vals[i] >= vals[i - 1] and vals[i] >= vals[i + 1]]
    for i in sorted(peaks, key=lambda i: vals[i])[-5:]:
        r = minimize_scalar(lambda t: -prob(t), bounds=(th[i] - h, th[i] + h),
                            method="bounded", options={"xatol": 1e-14})
        best = max(best, -r.fun)
    return min(best, 1.0)


def cases():
    # (x1, n1, x2, n2): the small group first here; stored as given
    return [(1, 1, 5, 100000), (0, 1, 99990, 100000), (1, 2, 20, 100000),
            (2, 2, 40000, 100000), (5, 10, 20000, 100000), (9, 10, 61000, 100000),
            (2, 7, 30, 20000), (4, 5, 60000, 100000), (1, 1, 30000, 100000),
            (2, 3, 10000, 100000), (0, 4, 50000, 100000), (7, 10, 30000, 100000)]

def main():
    warnings.simplefilter("ignore")
    rows = ["method,x1,n1,x2,n2,p,ref"]
    ref = "exact region + grid-Brent max"
    for x1, n1, x2, n2 in cases():
        reg = barnard_region(x1, n1, x2, n2, True)
        pb = 1.0 if reg is None else maxprob(reg[0], n1, n2)
        if x1 + x2 == 0 or x1 + x2 == n1 + n2:
            pq = 1.0
        else:
            less, greater = boschloo_regions(x1, n1, x2, n2)
            pq = min(1.0, 2 * min(maxprob(less, n1, n2), maxprob(greater, n1, n2)))
        # stored with the large group first, as disp-rate's group 1, and as given
        for t in ((x2, n2, x1, n1), (x1, n1, x2, n2)):
            rows.append("barnard,%d,%d,%d,%d,%.17g,%s" % (t + (pb, ref)))
            rows.append("boschloo,%d,%d,%d,%d,%.17g,%s" % (t + (pq, ref)))
    for x1, n1, x2, n2 in ((5000, 10000, 4900, 10000), (4800, 10000, 5000, 10000)):
        pb = maxprob(barnard_region(x1, n1, x2, n2, False)[0], n1, n2)
        rows.append("barnard,%d,%d,%d,%d,%.17g,%s" % (x1, n1, x2, n2, pb, ref))
    with open("fixtures/refs/huge-uncond-test2x2.csv", "w") as fp:
        fp.write("\n".join(rows) + "\n")
    print("huge-uncond: %d p-values" % (len(rows) - 1))


main()
