"""Conditional odds-ratio intervals (Cornfield exact and mid-p) from their
definition at 30 digits, for the tables of DIR/tables.csv -> DIR/oddsx.csv.

Given its margins, x1 follows Fisher's noncentral hypergeometric law,
P(k) proportional to C(n1, k) C(n2, m - k) psi^k.  The exact lower bound
solves P(X >= x1) = alpha/2, the upper P(X <= x1) = alpha/2; mid-p takes
half of P(X = x1) off each tail.  Each tail is the ratio of two sums of
terms formed by the neighbour recurrence in mpmath, summed from x1 outward
until a term is below 1e-45 of the sum; the root in log(psi) is bracketed
by doubling steps from Gart's estimate and refined by mpmath's Illinois
method to 1e-25.  The tails rise (fall) monotonically in psi, so the root
is unique.  Tables whose conditional standard deviation exceeds 300 would
need too many terms at 30 digits; all with sd <= 30 and a fixed sample of
the others are computed (see fixtures/refs/README.md).
R's fisher.test interval (uniroot, loose) and epitools' oddsratio.midp are
compared where DIR/oddsx-R.csv has them; the differences are printed.
Usage: python3 odds_exact.py DIR"""
import math
import random
import sys

from mpmath import mp, mpf, log, exp, findroot

mp.dps = 30
EPS = mpf(10) ** -45


def sums(x, n1, n2, m, psi):
    """(sum_{k > x}, P(x) = 1, sum_{k < x}), relative to the term at x."""
    lo, hi = max(0, m - n2), min(n1, m)
    out = []
    for d in (+1, -1):
        s, t, k = mpf(0), mpf(1), x
        while lo <= k + d <= hi:
            if d > 0:
                r = mpf((n1 - k) * (m - k)) / ((k + 1) * (n2 - m + k + 1)) * psi
            else:
                r = mpf(k * (n2 - m + k)) / ((n1 - k + 1) * (m - k + 1)) / psi
            t *= r
            s += t
            k += d
            if r < 1 and t < EPS * s:
                break
        out.append(s)
    return out[0], out[1]


def f(u, x, n1, n2, m, lev, side, mid):
    above, below = sums(x, n1, n2, m, exp(u))
    tot = above + 1 + below
    tail = (above if side == "lo" else below) + (mpf(1) / 2 if mid else 1)
    return log(tail / tot) - log((1 - mpf(lev)) / 2)


def bound(x1, n1, x2, n2, lev, side, mid):
    m = x1 + x2
    a, b, c, d = x1 + .5, n1 - x1 + .5, x2 + .5, n2 - x2 + .5
    u0 = mpf(math.log((a / b) / (c / d)))
    step = mpf(min(1.0, math.sqrt(1 / a + 1 / b + 1 / c + 1 / d)))
    g = lambda u: f(u, x1, n1, n2, m, lev, side, mid)
    f0 = g(u0)
    sgn = -1 if (f0 > 0) == (side == "lo") else 1
    while True:
        u1 = u0 + sgn * step
        f1 = g(u1)
        if (f1 > 0) != (f0 > 0):
            break
        u0, f0, step = u1, f1, step * 2
    r = findroot(g, (min(u0, u1), max(u0, u1)), solver="illinois", tol=mpf(10) ** -25)
    return exp(r)


def main(d):
    rnd = random.Random(7)
    rows = []
    tables = [l.split(",") for l in open(d + "/tables.csv").read().splitlines()[1:]]
    for t in tables:
        x1, n1, x2, n2 = map(int, t[:4])
        m, N = x1 + x2, n1 + n2
        sd = math.sqrt(m * (N - m) * n1 * n2 / (N * N * max(N - 1, 1)))
        if sd > 30 and (sd > 300 or rnd.random() > 0.1):
            continue
        lo, hi = max(0, m - n2), min(n1, m)
        for meth, mid in (("exact", False), ("midp", True)):
            bl = bound(x1, n1, x2, n2, t[4], "lo", mid) if x1 > lo else 0
            bh = bound(x1, n1, x2, n2, t[4], "hi", mid) if x1 < hi else mp.inf
            g = lambda v: "inf" if v == mp.inf else "%.17g" % float(v)
            rows.append("%s,%s,%s,%s,mpmath" % (meth, ",".join(t), g(bl), g(bh)))
    with open(d + "/oddsx.csv", "w") as fp:
        fp.write("\n".join(rows) + "\n")
    print("odds: exact, midp: %d tables at 30 digits" % (len(rows) // 2))
    try:
        ref = {}
        for l in open(d + "/oddsx-R.csv").read().splitlines():
            r = l.split(",")
            ref[(r[0],) + tuple(r[1:6])] = r
    except OSError:
        return
    worst = {}
    for l in rows:
        r = l.split(",")
        k = (r[0],) + tuple(r[1:6])
        if k not in ref:
            continue
        for i in (6, 7):
            a, b = float(ref[k][i]), float(r[i])
            e = 0 if a == b else abs(a - b) / abs(b)
            if e > worst.get(r[0], (0, ""))[0]:
                worst[r[0]] = (e, l)
    for meth, (e, l) in sorted(worst.items()):
        print("odds: %s: %s vs mpmath max relative difference %.3g (%s)" %
              (meth, "R fisher.test" if meth == "exact" else "epitools oddsratio.midp", e, l))


main(sys.argv[1])
