"""MOVER intervals on Wilson and on Jeffreys limits, for the two-group tables
of DIR/tables.csv -> fixtures/refs/mover-ratio.csv, mover-diff.csv,
mover-odds.csv.

The formulas are ratesci's moverci (defaults: type = "jeff", adj = FALSE,
and type = "wilson"), written out here as ratesci prints them and
evaluated at 50 digits: the ratio as Donner & Zou (2012),
(p1 p2 -/+ sqrt((p1 p2)^2 - l1 (2 p2 - u2) u2 (2 p1 - l1))) / (u2 (2 p2 - u2))
and (... u1, l2 ...) / (l2 (2 p2 - l2)); the difference as Newcombe's
method 10; the odds ratio as Fagerland & Newcombe (2013) method 4, the
ratio's formula on the odds of the estimates and of the limits.  Wilson:
p = x/n and the Wilson limits (exact formula); ratesci leaves 0/0 (NaN)
where a denominator vanishes, where disp-rate(1) documents inf (x2 = 0),
and 0 to inf for the odds ratio's degenerate tables (no events or no
non-events at all, 0 of n1 vs all of n2, all of n1 vs 0 of n2); a group
with all events is turned round first, as moverci does.  Jeffreys: the
medians and equal-tailed limits of Beta(x + 1/2, n - x + 1/2) from R's
qbeta (DIR/mover-q.csv, by mover.R, 17 digits; the complements 1 - l
etc. from the mirrored beta), combined at 50 digits.
Usage: python3 mover.py DIR"""
import sys

from mpmath import mp, mpf, sqrt, erfinv, inf

mp.dps = 50


def wilson(x, n, z):
    x, n = mpf(x), mpf(n)
    c = (x + z * z / 2) / (n + z * z)
    h = z * sqrt(x * (n - x) / n + z * z / 4) / (n + z * z)
    return (mpf(0) if x == 0 else c - h), (mpf(1) if x == n else c + h)


def ratio(p1, l1, u1, p2, l2, u2):
    a = u2 * (2 * p2 - u2)
    disc = max(mpf(0), (p1 * p2) ** 2 - l1 * (2 * p2 - u2) * (u2 * (2 * p1 - l1)))
    if a == 0:  # a linear equation: its root
        lo = l1 * (2 * p1 - l1) / (2 * p1 * p2)
    else:
        lo = (p1 * p2 - sqrt(disc)) / a
    den = l2 * (2 * p2 - l2)
    num = p1 * p2 + sqrt(max(mpf(0), (p1 * p2) ** 2 - u1 * (2 * p2 - l2) * (l2 * (2 * p1 - u1))))
    hi = inf if den == 0 else num / den
    return max(mpf(0), lo), hi


def rd(p1, l1, u1, p2, l2, u2):
    return (p1 - p2 - sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2),
            p1 - p2 + sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2))


def rd_j(p1, l1, u1, q1, lc1, uc1, p2, l2, u2, q2, lc2, uc2):
    """rd() on R's doubles, each difference taken between the values on the
    side of 1/2 where they are small (p - l = lc - q, u - p = q - uc,
    p1 - p2 = q2 - q1): near 1 the doubles p, l themselves hold too few
    digits of their difference."""
    d1, e1 = (p1 - l1, u1 - p1) if p1 <= .5 else (lc1 - q1, q1 - uc1)
    d2, e2 = (p2 - l2, u2 - p2) if p2 <= .5 else (lc2 - q2, q2 - uc2)
    d = q2 - q1 if p1 > .5 and p2 > .5 else p1 - p2
    return d - sqrt(d1 ** 2 + e2 ** 2), d + sqrt(e1 ** 2 + d2 ** 2)


def odds(p, l, u):
    return p / (1 - p), l / (1 - l), u / (1 - u)


def g(v):
    return "inf" if v == inf else "%.17g" % float(v)


def main(d):
    lines = open(d + "/mover-q.csv").read().splitlines()
    head = lines[0].split(",")
    out = {k: ["method,x1,n1,x2,n2,level,lo,hi,ref"] for k in ("ratio", "diff", "odds")}
    for l in lines[1:]:
        r = dict(zip(head, (s.strip() for s in l.split(","))))
        x1, n1, x2, n2 = (int(r[k]) for k in ("x1", "n1", "x2", "n2"))
        level = r["level"]
        key = "%d,%d,%d,%d,%s" % (x1, n1, x2, n2, level)
        z = sqrt(2) * erfinv(mpf(level))
        # Wilson
        l1, u1 = wilson(x1, n1, z)
        l2, u2 = wilson(x2, n2, z)
        p1, p2 = mpf(x1) / n1, mpf(x2) / n2
        lo, hi = (mpf(0), inf) if x1 == 0 and x2 == 0 else ratio(p1, l1, u1, p2, l2, u2)
        out["ratio"].append("mover-wilson,%s,%s,%s,mpmath" % (key, g(lo), g(hi)))
        lo, hi = rd(p1, l1, u1, p2, l2, u2)
        out["diff"].append("mover-wilson,%s,%s,%s,mpmath" % (key, g(lo), g(hi)))
        if (x1 in (0, n1)) and (x2 in (0, n2)):
            lo, hi = mpf(0), inf
        else:
            a1, b1, a2, b2 = x1, n1, x2, n2
            if x1 == n1 or x2 == n2:
                a1, b1, a2, b2 = n2 - x2, n2, n1 - x1, n1
            l1, u1 = wilson(a1, b1, z)
            l2, u2 = wilson(a2, b2, z)
            q1, L1, U1 = odds(mpf(a1) / b1, l1, u1)
            q2, L2, U2 = odds(mpf(a2) / b2, l2, u2)
            lo, hi = (mpf(0), inf) if a1 == 0 and a2 == 0 else ratio(q1, L1, U1, q2, L2, U2)
        out["odds"].append("mover-wilson,%s,%s,%s,mpmath" % (key, g(lo), g(hi)))
        # Jeffreys, from R's quantiles
        J = [[mpf(r[k + i]) for k in ("l", "p", "u", "uc", "q", "lc")] for i in "12"]
        (l1, p1, u1, uc1, q1, lc1), (l2, p2, u2, uc2, q2, lc2) = J
        lo, hi = ratio(p1, l1, u1, p2, l2, u2)
        out["ratio"].append("mover-jeffreys,%s,%s,%s,R qbeta + mpmath" % (key, g(lo), g(hi)))
        lo, hi = rd_j(p1, l1, u1, q1, lc1, uc1, p2, l2, u2, q2, lc2, uc2)
        out["diff"].append("mover-jeffreys,%s,%s,%s,R qbeta + mpmath" % (key, g(lo), g(hi)))
        lo, hi = ratio(p1 / q1, l1 / lc1, u1 / uc1, p2 / q2, l2 / lc2, u2 / uc2)
        out["odds"].append("mover-jeffreys,%s,%s,%s,R qbeta + mpmath" % (key, g(lo), g(hi)))
    for k, rows in out.items():
        with open("fixtures/refs/mover-%s.csv" % k, "w") as fp:
            fp.write("\n".join(rows) + "\n")
    print("mover: %d tables; mover-ratio.csv, mover-diff.csv, mover-odds.csv" % (len(lines) - 1))


main(sys.argv[1])
