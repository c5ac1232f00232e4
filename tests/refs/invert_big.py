"""Person-time minimum-likelihood intervals (-x --ci minlike, --ratio
minlike) above the small counts of invert.py, in double precision by a
method of their own -> fixtures/refs/invert-big-ptrate.csv
(method,x,t,level,lo,hi,ref) and invert-big-ptratio.csv (the ratio's:
x1 of x1 + x2 ~ Binomial with log odds v, ratio e^v t2/t1; t1 = 1, t2 = 2).

exactci's poisson.exact(tsmethod = "minlike") p-value at mu is the sum of
the pmf over the outcomes k with f(k) <= f(x) (1 + 1e-7); the interval is
the hull of {mu : p > alpha}.  With v = log mu, log f(k)/f(x) = (k - x) v -
log(k!/x!), so outcome k joins the counted set at the closed-form point
v_k = (log(k!/x!) + log(1 + 1e-7)) / (k - x) (from above for k < x, from
below for k > x; log(k!/x!) as a sum of logs, fsum, when |k - x| < 2000,
else by lgamma), and between two such points p is a fixed sum of two
Poisson tails (scipy's poisson.cdf / sf; binomial: log(k!/x!) + log((m-k)!/
(m-x)!) and binom.cdf / sf), quasi-convex.  Each end is
found by walking these stretches from the far end inward: the first
stretch whose p exceeds alpha at its inner end holds one crossing,
bisected in v to 1e-15; one whose p exceeds alpha just after its outer
point (the jump) has the end there.  Checked against invert-ptrate.csv's
and invert-ptratio.csv's minlike rows (25-digit mpmath, x <= 80) first:
the largest relative difference is printed.  Exposure t = 1 except where a row says otherwise
(the interval of the rate is that of mu, over t).
Usage: python3 minlike_big.py (from the repository root)"""
import csv
import math

from scipy.optimize import brentq
from scipy.stats import beta, binom, chi2, poisson

LR = math.log1p(1e-7)


def lfr(a, b):                     # log(a!/b!)
    if abs(a - b) < 2000:
        lo, hi = (b, a) if a > b else (a, b)
        s = math.fsum(math.log(i) for i in range(lo + 1, hi + 1))
        return s if a > b else -s
    return math.lgamma(a + 1) - math.lgamma(b + 1)


class Pois:
    """x ~ Poisson(e^v)."""
    def __init__(self, x, blaker=False, alpha=0.05):
        self.x, self.top, self.blaker = x, math.inf, blaker
        self.far_v = self.far(alpha) if x > 0 else None

    def D(self, k):                # log f(x)/f(k) + (k - x) v
        return lfr(k, self.x)

    def cdf(self, a, v):
        return poisson.cdf(a, math.exp(v)) if a >= 0 else 0.0

    def sf(self, b, v):            # P(K >= b)
        return poisson.sf(b - 1, math.exp(v))

    def far(self, a):              # v beyond each end, one tail alpha 1e-6
        x = self.x
        return (math.log(chi2.ppf(a * 1e-6, 2 * x) / 2),
                math.log(chi2.ppf(1 - a * 1e-6, 2 * x + 2) / 2))

    def centre(self):
        return math.log(self.x)


class Binom:
    """x ~ Binomial(m, expit(v)): x of m, or x1 of m = x1 + x2."""
    def __init__(self, x, m, blaker=False, alpha=0.05):
        self.x, self.m, self.top, self.blaker = x, m, m, blaker
        self.far_v = self.far(alpha) if 0 < x < m else None

    def D(self, k):
        return lfr(k, self.x) + lfr(self.m - k, self.m - self.x)

    def p(self, v):
        return 1 / (1 + math.exp(-v))

    def cdf(self, a, v):
        return binom.cdf(a, self.m, self.p(v)) if a >= 0 else 0.0

    def sf(self, b, v):
        return binom.sf(b - 1, self.m, self.p(v)) if b <= self.m else 0.0

    def far(self, a):
        x, m = self.x, self.m
        lo, hi = beta.ppf(a * 1e-6, x, m - x + 1), beta.isf(a * 1e-6, x + 1, m - x)
        return math.log(lo / (1 - lo)), math.log(hi / (1 - hi))

    def centre(self):
        return math.log(self.x / (self.m - self.x))


def vk(law, k):
    """Where outcome k joins the counted set: minlike in closed form; Blaker
    (law.blaker) the root of log F(k) - log G(x) = log(1 + 1e-7) (k < x) or of
    log G(k) - log F(x) = log(1 + 1e-7) (k > x), each side monotone in v, by
    Brent to 1e-15 between the far end and the centre (+-inf where it has
    none there: k is counted throughout, or never)."""
    if not law.blaker:
        return (law.D(k) + LR) / (k - law.x)
    x, (flo, fhi), c = law.x, law.far_v, law.centre()
    def lg(t):         # a tail's log; -1e300 where it underflows (Brent needs finite)
        return math.log(t) if t > 0 else -1e300

    if k < x:
        h = lambda v: lg(law.cdf(k, v)) - lg(law.sf(x, v)) - LR
        a, b = flo, c    # h falls as v rises; counted (h <= 0) from the root up
    else:
        h = lambda v: lg(law.sf(k, v)) - lg(law.cdf(x, v)) - LR
        a, b = c, fhi    # h rises with v; counted (h <= 0) up to the root
    ha, hb = h(a), h(b)
    if k < x:
        if ha <= 0:
            return -math.inf
        if hb > 0:
            return math.inf
    else:
        if hb <= 0:
            return math.inf
        if ha > 0:
            return -math.inf
    return brentq(h, a, b, xtol=1e-15 * max(1.0, abs(a)), rtol=8.9e-16, maxiter=500)


def bisect(f, a, b):               # f(a) false, f(b) true; in v
    for _ in range(200):
        c = (a + b) / 2
        if c in (a, b) or abs(b - a) <= 1e-15 * max(1.0, abs(c)):
            break
        if f(c):
            b = c
        else:
            a = c
    return (a + b) / 2


def lower_end(law, alpha):
    """In v; -inf at x = 0."""
    x = law.x
    if x == 0:
        return -math.inf
    prev = law.far(alpha)[0]
    # the outcomes already counted at the far end (v_k rises with k)
    a, b = 0, x            # vk(a - 1) <= prev < vk(b), vk(x) taken as inf
    while a < b:
        c = (a + b) // 2
        if vk(law, c) <= prev:
            a = c + 1
        else:
            b = c
    # stretch j: outcomes 0..j-1 counted below x, all above
    for j in range(a, x + 1):
        nxt = vk(law, j) if j < x else law.centre()
        if nxt <= prev:
            continue
        f = lambda v: law.sf(x, v) + law.cdf(j - 1, v) > alpha
        if f(prev):
            return prev             # at the jump
        if f(nxt - 1e-15 * abs(nxt)):
            return bisect(f, prev, nxt)
        prev = nxt
    raise RuntimeError("no lower end")


def upper_end(law, alpha):
    """In v; inf at x = top."""
    x = law.x
    if x == law.top:
        return math.inf
    far = law.far(alpha)[1]
    # the first outcome above x not counted at the far end (v_k rises with k)
    lo, hi = x + 1, x + 2
    while hi <= law.top and vk(law, hi) < far:
        lo, hi = hi, x + 2 * (hi - x)
    hi = min(hi, law.top + 1)
    while lo < hi:         # vk(lo - 1) < far <= vk(hi), vk(top + 1) taken as inf
        c = (lo + hi) // 2
        if vk(law, c) < far:
            lo = c + 1
        else:
            hi = c
    b = lo
    prev = far
    # stretch b: outcomes >= b counted above x, all below
    while True:
        nxt = vk(law, b - 1) if b - 1 > x else law.centre()
        f = lambda v: law.cdf(x, v) + law.sf(b, v) > alpha
        if f(prev):
            return prev
        lo = nxt + 1e-15 * abs(nxt)
        if f(lo):
            return bisect(lambda v: not f(v), lo, prev)
        if b - 1 <= x:
            raise RuntimeError("no upper end")
        prev = nxt
        b -= 1


def ends(law, L):
    return lower_end(law, 1 - L), upper_end(law, 1 - L)


def check(worst, got, want):
    if 0 < want < math.inf:
        worst = max(worst, abs(got - want) / want)
    return worst


def main():
    worst = 0.0
    for r in csv.DictReader(open("fixtures/refs/invert-ptrate.csv")):
        x, t, L = int(r["x"]), float(r["t"]), float(r["level"])
        if x == 0:
            continue
        lo, hi = ends(Pois(x, r["method"] == "blaker", 1 - L), L)
        worst = check(worst, math.exp(lo) / t, float(r["lo"]))
        worst = check(worst, math.exp(hi) / t, float(r["hi"]))
    for r in csv.DictReader(open("fixtures/refs/invert-ptratio.csv")):
        x1, x2 = int(r["x1"]), int(r["x2"])
        t1, t2, L = float(r["t1"]), float(r["t2"]), float(r["level"])
        if x1 == 0 or x2 == 0:
            continue
        lo, hi = ends(Binom(x1, x1 + x2, r["method"] == "blaker", 1 - L), L)
        worst = check(worst, math.exp(lo) * t2 / t1, float(r["lo"]))
        worst = check(worst, math.exp(hi) * t2 / t1, float(r["hi"]))
    for r in csv.DictReader(open("fixtures/refs/invert-propci.csv")):
        x, n, L = int(r["x"]), int(r["n"]), float(r["level"])
        if x == 0 or x == n:
            continue
        lo, hi = ends(Binom(x, n, True, 1 - L), L)
        worst = check(worst, 1 / (1 + math.exp(-lo)), float(r["lo"]))
        worst = check(worst, 1 / (1 + math.exp(-hi)), float(r["hi"]))
    print("invert_big: against invert-*.csv (mpmath, 25 digits, small counts): max "
          "relative difference %.2g" % worst)
    ref = "closed-form breakpoints (double)"
    rows = ["method,x,t,level,lo,hi,ref"]
    for meth in ("minlike", "blaker"):
        for x in (61, 100, 250, 1000, 2500, 10000, 40000, 100000, 1000000):
            for L in (0.9, 0.95, 0.99):
                lo, hi = ends(Pois(x, meth == "blaker", 1 - L), L)
                rows.append("%s,%d,1,%s,%.17g,%.17g,%s" % (
                    meth, x, L, math.exp(lo), math.exp(hi),
                    ref if meth == "minlike" else "breakpoints by Brent (double)"))
    open("fixtures/refs/invert-big-ptrate.csv", "w").write("\n".join(rows) + "\n")
    rows = ["method,x1,t1,x2,t2,level,lo,hi,ref"]
    for meth in ("minlike", "blaker"):
        for x1, x2 in ((50, 61), (100, 100), (300, 150), (1000, 1200), (5000, 4000),
                       (20000, 25000), (100000, 90000), (7, 2000), (2000, 9)):
            for L in (0.9, 0.95, 0.99):
                lo, hi = ends(Binom(x1, x1 + x2, meth == "blaker", 1 - L), L)
                rows.append("%s,%d,1,%d,2,%s,%.17g,%.17g,%s" % (
                    meth, x1, x2, L, math.exp(lo) * 2, math.exp(hi) * 2,
                    ref if meth == "minlike" else "breakpoints by Brent (double)"))
    open("fixtures/refs/invert-big-ptratio.csv", "w").write("\n".join(rows) + "\n")
    rows = ["method,x,n,level,lo,hi,ref"]
    for x, n in ((30, 61), (1, 100), (99, 100), (250, 1000), (7, 10000), (5000, 12000),
                 (123456, 1000000), (3, 100000)):
        for L in (0.9, 0.95, 0.99):
            lo, hi = ends(Binom(x, n, True, 1 - L), L)
            rows.append("blaker,%d,%d,%s,%.17g,%.17g,breakpoints by Brent (double)" % (
                x, n, L, 1 / (1 + math.exp(-lo)), 1 / (1 + math.exp(-hi))))
    open("fixtures/refs/invert-big-propci.csv", "w").write("\n".join(rows) + "\n")


main()
