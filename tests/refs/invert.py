"""The exact intervals that invert the minimum-likelihood and Blaker tests
(--ci blaker; with -x, --ci minlike, blaker and --ratio minlike, blaker),
at 25 digits -> fixtures/refs/invert-propci.csv, invert-ptrate.csv,
invert-ptratio.csv.

The p-values as exactci's binom.exact / poisson.exact (tsmethod "minlike",
"blaker", relErr 1 + 1e-7): minlike, the sum of the pmf over the outcomes
k with f(k) <= f(x) (1 + 1e-7); Blaker, with F = P(X <= x), G = P(X >= x):
if F <= G, F + the largest P(X >= k) that is <= F (1 + 1e-7), else G + the
largest P(X <= k) that is <= G (1 + 1e-7); capped at 1.  The interval is
the hull of the parameters where p > alpha.  Found here by a method of its
own, the one bp.py uses for Baptista-Pike: the outcomes counted as extreme
change only at known points of the parameter (minlike: where f(k) = f(x)
(1 + 1e-7), in closed form; Blaker: where a tail meets the other tail
times 1 + 1e-7, each root solved in mpmath), between which p is a sum
over a fixed set of outcomes, quasi-convex there; the stretches are
walked from the far end (where p is below alpha) inward, and the first
stretch whose p exceeds alpha at its outer end gives that end, or whose p
exceeds alpha at its inner end holds one crossing, bisected to 1e-25 (Blaker's stretch first cut to where (2 + 1e-7) times the observed
tail, a bound on p, reaches alpha).
Pmfs and tails are summed term by term (the counts here are small: n, x,
x1 + x2 <= 80).  exactci is not a Debian package.
Usage: python3 invert.py DIR"""
import random
import sys

from mpmath import mp, mpf, log, exp, binomial, factorial, loggamma, inf, findroot

mp.dps = 25
R = mpf(1) + mpf(10) ** -7


class Binom:
    def __init__(self, x, n):
        self.x, self.n = x, n

    def par(self, u):  # logit
        return 1 / (1 + exp(-u))

    def pmf(self, u):
        t = self.par(u)
        return [binomial(self.n, k) * t ** k * (1 - t) ** (self.n - k) for k in range(self.n + 1)]


class Pois:
    def __init__(self, x, kmax):
        self.x, self.kmax = x, kmax

    def par(self, u):  # log mu
        return exp(u)

    def pmf(self, u):
        mu = exp(u)
        out, f = [], exp(-mu)
        for k in range(self.kmax + 1):
            out.append(f)
            f = f * mu / (k + 1)
        return out


def counted(law, u, blaker):
    """The set of outcomes counted as extreme at u, and the pmf."""
    f = law.pmf(u)
    x = law.x
    if not blaker:
        return frozenset(k for k in range(len(f)) if f[k] <= f[x] * R), f
    F, s = [], mpf(0)
    for v in f:
        s += v
        F.append(s)
    total = s
    G = [total - F[k] + f[k] for k in range(len(f))]
    lo, up = F[x], G[x]
    if lo <= up:
        ks = [k for k in range(len(f)) if G[k] <= lo * R]
        k0 = min(ks) if ks else len(f)
        return frozenset(list(range(0, x + 1)) + list(range(k0, len(f)))), f
    js = [k for k in range(len(f)) if F[k] <= up * R]
    j0 = max(js) if js else -1
    return frozenset(list(range(0, j0 + 1)) + list(range(x, len(f)))), f


def p_of(law, u, S):
    f = law.pmf(u)
    return min(mpf(1), sum(f[k] for k in S))


def breakpoints(law, blaker, ua, ub):
    """Points in (ua, ub) where the counted set can change."""
    x, pts = law.x, []
    if not blaker:
        for k in range(len(law.pmf(ua))):
            if k == x:
                continue
            if isinstance(law, Binom):
                lc = lambda j: log(binomial(law.n, j))
            else:
                lc = lambda j: -loggamma(j + 1)
            # f(k) = R f(x): (k - x) u = log R - lc(k) + lc(x)
            u = (log(R) - lc(k) + lc(x)) / (k - x)
            if ua < u < ub:
                pts.append(u)
        return sorted(pts)
    # Blaker: the counted set changes only at roots of tail equations; on
    # a fine scan each change is bisected, and a cell is searched again
    # from there until its far end's set is reached.
    n = 60
    us = [ua + (ub - ua) * i / n for i in range(n + 1)]
    for i in range(n):
        a, b = us[i], us[i + 1]
        cur, end_set = counted(law, a, True)[0], counted(law, b, True)[0]
        while cur != end_set:
            lo_, hi_ = a, b
            for _ in range(75):
                m = (lo_ + hi_) / 2
                if counted(law, m, True)[0] == cur:
                    lo_ = m
                else:
                    hi_ = m
            pts.append(hi_)
            a, cur = hi_, counted(law, hi_, True)[0]
    return pts


def obs_tail(law, u, lower):
    """The observed tail: P(X >= x) on the lower side, P(X <= x) on the upper."""
    f = law.pmf(u)
    return sum(f[law.x:]) if lower else sum(f[:law.x + 1])


def tighten(law, alpha, ua, ub, lower):
    """Blaker's p is at most (2 + 1e-7) times the observed tail (the other
    tail counted is at most it times 1 + 1e-7): the outer part of [ua, ub]
    where that is below alpha holds no accepted point, and is cut off
    (by bisection on the tail, which is monotone) before the scan."""
    a, b = ua, ub
    if lower:
        if obs_tail(law, a, True) * (2 + mpf(10) ** -7) >= alpha:
            return ua, ub
        for _ in range(60):
            m = (a + b) / 2
            if obs_tail(law, m, True) * (2 + mpf(10) ** -7) < alpha:
                a = m
            else:
                b = m
        return a, ub
    if obs_tail(law, b, False) * (2 + mpf(10) ** -7) >= alpha:
        return ua, ub
    for _ in range(60):
        m = (a + b) / 2
        if obs_tail(law, m, False) * (2 + mpf(10) ** -7) < alpha:
            b = m
        else:
            a = m
    return ua, b


def end(law, blaker, alpha, ua, ub, lower):
    """The hull's end: lower, walking up from ua; else down from ub."""
    if blaker:
        ua, ub = tighten(law, alpha, ua, ub, lower)
    pts = [ua] + breakpoints(law, blaker, ua, ub) + [ub]
    segs = list(zip(pts[:-1], pts[1:]))
    if not lower:
        segs = segs[::-1]
    for a, b in segs:
        S = counted(law, (a + b) / 2, blaker)[0]
        outer, inner = (a, b) if lower else (b, a)
        if p_of(law, outer, S) > alpha:
            return outer
        if p_of(law, inner, S) > alpha:
            o, i = outer, inner
            for _ in range(100):
                m = (o + i) / 2
                if p_of(law, m, S) > alpha:
                    i = m
                else:
                    o = m
            return i
    return None


def g(v):
    return "inf" if v == inf else "%.17g" % float(v)


def main(d):
    rnd = random.Random(20261201)
    levels = ["0.95", "0.9", "0.99", "0.5"]
    prop = ["method,x,n,level,lo,hi,ref"]
    cases = [(0, 10), (1, 10), (5, 10), (10, 10), (13, 16), (1, 1), (0, 1), (3, 40), (33, 45)]
    cases += [(rnd.randint(0, n), n) for n in (rnd.randint(1, 60) for _ in range(40))]
    for i, (x, n) in enumerate(cases):
        lv = levels[i % len(levels)]
        a = 1 - mpf(lv)
        lo = mpf(0) if x == 0 else Binom(x, n).par(end(Binom(x, n), True, a, mpf(-60), log(mpf(x) / (n - x)) if x < n else log(mpf(n)), True))
        hi = mpf(1) if x == n else Binom(x, n).par(end(Binom(x, n), True, a, log(mpf(x + 1) / (n - x)) if x > 0 else mpf(-log(mpf(n))), mpf(60), False))
        prop.append("blaker,%d,%d,%s,%s,%s,mpmath" % (x, n, lv, g(lo), g(hi)))
    rate = ["method,x,t,level,lo,hi,ref"]
    pcases = [0, 1, 2, 3, 5, 10, 25, 60] + [rnd.randint(0, 60) for _ in range(20)]
    for i, x in enumerate(pcases):
        lv = levels[i % len(levels)]
        a = 1 - mpf(lv)
        t = [mpf(1), mpf("2.5"), mpf("0.37")][i % 3]
        kmax = int(x + 30 * (x + 1) ** 0.5 + 80)
        law = Pois(x, kmax)
        umax = log(mpf(x + 20 * (x + 1) ** 0.5 + 40))
        for name, bl in (("minlike", False), ("blaker", True)):
            lo = mpf(0) if x == 0 else exp(end(law, bl, a, mpf(-40), log(mpf(x)) if x > 0 else mpf(-1), True)) / t
            hi = exp(end(law, bl, a, log(mpf(x + 1)) if x > 0 else mpf(-3), umax, False)) / t
            rate.append("%s,%d,%s,%s,%s,%s,mpmath" % (name, x, g(t), lv, g(lo), g(hi)))
    ratio = ["method,x1,t1,x2,t2,level,lo,hi,ref"]
    rcases = [(10, 2, 3, 1), (0, 1, 3, 1), (3, 1, 0, 1), (0, 1, 0, 1), (5, 1, 5, 1), (1, 1, 30, 4)]
    rcases += [(rnd.randint(0, 40), rnd.choice([1, 2, 0.5]), rnd.randint(0, 40), rnd.choice([1, 3, 0.25]))
               for _ in range(24)]
    for i, (x1, t1, x2, t2) in enumerate(rcases):
        lv = levels[i % len(levels)]
        a = 1 - mpf(lv)
        m = x1 + x2
        for name, bl in (("minlike", False), ("blaker", True)):
            if m == 0:
                lo, hi = mpf(0), inf
            else:
                law = Binom(x1, m)
                c = mpf(t2) / t1
                lo = mpf(0) if x1 == 0 else exp(end(law, bl, a, mpf(-60), log(mpf(x1) / (m - x1)) if x1 < m else log(mpf(m)), True)) * c
                hi = inf if x2 == 0 else exp(end(law, bl, a, log(mpf(x1 + 1) / (m - x1)) if x1 > 0 else -log(mpf(m)), mpf(60), False)) * c
            ratio.append("%s,%d,%s,%d,%s,%s,%s,%s,mpmath" % (name, x1, g(mpf(t1)), x2, g(mpf(t2)), lv, g(lo), g(hi)))
    for f, rows in (("invert-propci", prop), ("invert-ptrate", rate), ("invert-ptratio", ratio)):
        with open("fixtures/refs/%s.csv" % f, "w") as fp:
            fp.write("\n".join(rows) + "\n")
    print("invert: %d rates (blaker), %d person-time rates, %d ratios (minlike, blaker)"
          % (len(prop) - 1, (len(rate) - 1) // 2, (len(ratio) - 1) // 2))


main(sys.argv[1])
