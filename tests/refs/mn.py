"""Miettinen-Nurminen score intervals for the difference (--diff mn) and the
odds ratio (--odds mn) at 50 digits, for the tables of DIR/tables.csv,
appended to fixtures/refs/diff.csv or odds.csv.

Both are {theta : T(theta) (N-1)/N <= z^2}.  T is (p1 - p2 - d)^2 /
(f1 g1/n1 + f2 g2/n2) for the difference d, and (x1 - t11)^2 (1/t11 +
1/t12 + 1/t21 + 1/t22) for the odds ratio psi, with the constrained MLEs:
for d, f2 maximises the binomial likelihood with f1 = f2 + d (the root of
its score equation, by the Illinois method at 50 digits, f1 = f2 + d, g = 1 - f);
for psi, t11 is the root in the support of the quadratic
t11 (n2 - m + t11) = psi (n1 - t11)(m - t11).  Each bound is bracketed by
doubling steps (in atanh(d) or log(psi)) from the estimate shrunk by 1/2
per cell, then refined by the Illinois method.
statsmodels' confint_proportions_2indep(method='score', correction=True)
is compared where it returns finite bounds: the differences are printed.
Usage: python3 mn.py DIR diff|odds"""
import sys
import warnings

from mpmath import mp, mpf, sqrt, log, exp, tanh, atanh, erfinv, inf, findroot

mp.dps = 50


def rd_stat(x1, n1, x2, n2, d):
    # p2 = lo + w t for t in [0, 1]; each of p1, q1, p2, q2 is written as a
    # constant that is exactly 0 on the side where it can vanish plus a
    # multiple of t or 1 - t, so none loses digits at the ends.
    lo, hi = max(mpf(0), -d), min(mpf(1), 1 - d)
    w = hi - lo

    def parts(t):
        return lo + d + w * t, 1 - d - hi + w * (1 - t), lo + w * t, 1 - hi + w * (1 - t)

    def g(t):
        p1, q1, p2, q2 = parts(t)
        s = mpf(0)
        if x1: s += x1 / p1
        if n1 - x1: s -= (n1 - x1) / q1
        if x2: s += x2 / p2
        if n2 - x2: s -= (n2 - x2) / q2
        return s
    if w <= 0:
        t = mpf(0)
    else:
        e = mpf(10) ** -40
        if g(e) <= 0:
            t = mpf(0)
        elif g(1 - e) >= 0:
            t = mpf(1)
        else:
            a, b = e, 1 - e   # bring the bracket in from the ends, then Illinois
            while g(a * 1e6) > 0 and a * 1e6 < mpf(1) / 2:
                a *= 1e6
            while g(1 - (1 - b) * 1e6) < 0 and (1 - b) * 1e6 < mpf(1) / 2:
                b = 1 - (1 - b) * 1e6
            t = findroot(g, (a, b), solver="illinois", tol=mpf(10) ** -45, maxsteps=200)
    p1, q1, p2, q2 = parts(t)
    e = mpf(x1) / n1 - mpf(x2) / n2 - d
    if e == 0:
        return mpf(0)
    v = p1 * q1 / n1 + p2 * q2 / n2
    return e * e / v if v > 0 else inf


def or_stat(x1, n1, x2, n2, psi):
    m = x1 + x2
    lo, hi = max(0, m - n2), min(n1, m)
    A, B, C = 1 - psi, n2 - m + psi * (n1 + m), -psi * n1 * m
    if A == 0:
        t = -C / B
    else:
        s = sqrt(B * B - 4 * A * C)
        r = [(-B + s) / (2 * A), (-B - s) / (2 * A)]
        t = min(r, key=lambda v: max(lo - v, v - hi))
    t = min(max(t, mpf(lo)), mpf(hi))
    c = [t, n1 - t, m - t, n2 - m + t]
    if min(c) <= 0:
        return inf
    return (x1 - t) ** 2 * sum(1 / v for v in c)


def bound(stat, crit, u0, to, dir_):
    f = lambda u: stat(to(u)) - crit
    step = mpf(1)
    inside = u0
    while not f(inside) < 0:
        inside -= dir_ * step
        step *= 2
    step = mpf(1)
    while not f(inside + dir_ * step) > 0:
        step *= 2
    a, b = sorted((inside, inside + dir_ * step))
    return to(findroot(f, (a, b), solver="illinois", tol=mpf(10) ** -40, maxsteps=200))


def main(d, which):
    warnings.simplefilter("ignore")
    from statsmodels.stats.proportion import confint_proportions_2indep
    rows, worst, compared = [], (0, ""), 0
    for l in open(d + "/tables.csv").read().splitlines()[1:]:
        f = l.split(",")
        x1, n1, x2, n2 = map(int, f[:4])
        N, m = n1 + n2, x1 + x2
        z = sqrt(2) * erfinv(mpf(f[4]))
        crit = z * z * N / (N - 1)
        if which == "diff":
            st = lambda t: rd_stat(x1, n1, x2, n2, t)
            u0 = atanh(mpf(x1 + .5) / (n1 + 1) - mpf(x2 + .5) / (n2 + 1))
            lo = mpf(-1) if x1 == 0 and x2 == n2 else bound(st, crit, u0, tanh, -1)
            hi = mpf(1) if x1 == n1 and x2 == 0 else bound(st, crit, u0, tanh, +1)
            compare = "diff"
        else:
            st = lambda t: or_stat(x1, n1, x2, n2, t)
            u0 = log((mpf(x1 + .5) / (n1 - x1 + .5)) / (mpf(x2 + .5) / (n2 - x2 + .5)))
            if m == 0 or m == N:
                lo, hi = mpf(0), inf
            else:
                lo = mpf(0) if x1 == 0 or x2 == n2 else bound(st, crit, u0, exp, -1)
                hi = inf if x1 == n1 or x2 == 0 else bound(st, crit, u0, exp, +1)
            compare = "odds-ratio"
        g = lambda v: "inf" if v == inf else "%.17g" % float(v)
        rows.append("mn,%s,%s,%s,mpmath" % (l, g(lo), g(hi)))
        try:
            s = confint_proportions_2indep(x1, n1, x2, n2, compare=compare, method="score",
                                           correction=True, alpha=1 - float(f[4]))
            if all(v == v and abs(v) != float("inf") for v in s):
                compared += 1
                for a, b in zip(s, (lo, hi)):
                    e = 0 if b == 0 or b == inf else abs(float(a) - float(b)) / abs(float(b))
                    worst = max(worst, (e, l))
        except Exception:
            pass
    with open("fixtures/refs/%s.csv" % which, "a") as fp:
        fp.write("\n".join(rows) + "\n")
    print("%s: mn: %d tables at 50 digits; statsmodels (finite on %d) max relative "
          "difference %.3g (%s)" % (which, len(rows), compared, worst[0], worst[1]))


main(sys.argv[1], sys.argv[2])
