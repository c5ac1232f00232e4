"""Person-time minimum-likelihood intervals (-x --ci minlike) above the
small counts of invert.py, in double precision by a method of their own
-> fixtures/refs/invert-big-ptrate.csv (method,x,t,level,lo,hi,ref).

exactci's poisson.exact(tsmethod = "minlike") p-value at mu is the sum of
the pmf over the outcomes k with f(k) <= f(x) (1 + 1e-7); the interval is
the hull of {mu : p > alpha}.  With v = log mu, log f(k)/f(x) = (k - x) v -
log(k!/x!), so outcome k joins the counted set at the closed-form point
v_k = (log(k!/x!) + log(1 + 1e-7)) / (k - x) (from above for k < x, from
below for k > x; log(k!/x!) as a sum of logs, fsum, when |k - x| < 2000,
else by lgamma), and between two such points p is a fixed sum of two
Poisson tails (scipy's poisson.cdf / sf), quasi-convex.  Each end is
found by walking these stretches from the far end inward: the first
stretch whose p exceeds alpha at its inner end holds one crossing,
bisected in v to 1e-15; one whose p exceeds alpha just after its outer
point (the jump) has the end there.  Checked against invert-ptrate.csv's
minlike rows (25-digit mpmath, x <= 60) first: the largest relative
difference is printed.  Exposure t = 1 except where a row says otherwise
(the interval of the rate is that of mu, over t).
Usage: python3 minlike_big.py (from the repository root)"""
import csv
import math

from scipy.stats import poisson, chi2

LR = math.log1p(1e-7)


def log_fact_ratio(k, x):          # log(k!/x!)
    if abs(k - x) < 2000:
        a, b = (x, k) if k > x else (k, x)
        s = math.fsum(math.log(i) for i in range(a + 1, b + 1))
        return s if k > x else -s
    return math.lgamma(k + 1) - math.lgamma(x + 1)


def vk(k, x):
    return (log_fact_ratio(k, x) + LR) / (k - x)


def p_lower(x, j, mu):             # counted: k >= x, and k <= j - 1
    return poisson.sf(x - 1, mu) + (poisson.cdf(j - 1, mu) if j > 0 else 0.0)


def p_upper(x, b, mu):             # counted: k <= x, and k >= b
    return poisson.cdf(x, mu) + poisson.sf(b - 1, mu)


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


def lower_end(x, alpha):
    if x == 0:
        return 0.0
    # stretch j: v in [v_{j-1}, v_j), lower outcomes 0..j-1 counted
    far = math.log(chi2.ppf(alpha * 1e-6, 2 * x) / 2)
    prev = far
    for j in range(0, x + 1):
        nxt = vk(j, x) if j < x else math.log(x + 1)
        if nxt <= prev:
            continue
        f = lambda v: p_lower(x, j, math.exp(v)) > alpha
        if f(prev):
            return math.exp(prev)       # at the jump (or the far end: widen it)
        if f(nxt - 1e-15 * abs(nxt)):
            return math.exp(bisect(f, prev, nxt))
        prev = nxt
    raise RuntimeError("no lower end")


def upper_end(x, alpha):
    far = math.log(chi2.ppf(1 - alpha * 1e-6, 2 * x + 2) / 2)
    b = x + 1
    while vk(b, x) < far:
        b += 1
    # stretch with b: v in (v_{b-1}, v_b], outcomes >= b counted
    prev = far
    while True:
        nxt = vk(b - 1, x) if b - 1 > x else math.log(x) if x > 0 else -math.inf
        f = lambda v: p_upper(x, b, math.exp(v)) > alpha
        if f(prev):
            return math.exp(prev)
        lo = nxt + 1e-15 * abs(nxt) if math.isfinite(nxt) else prev - 50
        if f(lo):
            return math.exp(bisect(lambda v: not f(v), lo, prev))
        if b - 1 <= x:
            raise RuntimeError("no upper end")
        prev = nxt
        b -= 1


def interval(x, level):
    a = 1 - level
    return lower_end(x, a), upper_end(x, a)


def main():
    worst = 0.0
    for r in csv.DictReader(open("fixtures/refs/invert-ptrate.csv")):
        if r["method"] != "minlike":
            continue
        x, t, L = int(r["x"]), float(r["t"]), float(r["level"])
        lo, hi = interval(x, L)
        for got, want in ((lo / t, float(r["lo"])), (hi / t, float(r["hi"]))):
            if want > 0:
                worst = max(worst, abs(got - want) / want)
    print("minlike_big: against invert-ptrate.csv (mpmath, x <= 60): max relative "
          "difference %.2g" % worst)
    rows = ["method,x,t,level,lo,hi,ref"]
    for x in (61, 100, 250, 1000, 2500, 10000, 40000, 100000, 1000000):
        for L in (0.9, 0.95, 0.99):
            lo, hi = interval(x, L)
            rows.append("minlike,%d,1,%s,%.17g,%.17g,closed-form breakpoints (double)" % (
                x, L, lo, hi))
    open("fixtures/refs/invert-big-ptrate.csv", "w").write("\n".join(rows) + "\n")


main()
