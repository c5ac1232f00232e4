"""References at counts from 10^9 to 2^53 (2^54 for x1 + x2) for the
methods built on the incomplete beta and gamma functions (issue 9):
fixtures/refs/huge-beta-propci.csv, -ptrate.csv, -ptratio.csv, -pttest.csv.

Every value comes from the definition at 45 digits (mpmath), by a route
that shares nothing with our C code:

- Tails: the integral of the density, the beta's t^(a-1) (1-t)^(b-1) / B(a,b)
  or the gamma's t^(k-1) e^-t / Gamma(k), with log-gamma at 50 digits,
  integrated by tanh-sinh (mpmath.quad) from the point outward on panels of
  the local scale (a standard deviation, or 1/|d log f| if smaller) that
  double, until the density is e^-90 below its value at the point or
  the end of the support (log-concave densities: the rest is negligible).
  The smaller tail is integrated; the larger is 1 - it.  (mpmath's betainc
  and gammainc sum hypergeometric series and do not converge at these
  parameters.)  Checked against mpmath.betainc where that converges.
- Bounds: Newton's method on log(tail) - log(target) from scipy's
  beta/gamma ppf (a starting point only), kept inside a bracket (bisection
  in the logit/log scale if a step leaves it), to 1e-26 relative; each
  bound is then certified by the sign change of the equation at -/+ 1e-20
  of it (of 1 - it, near 1).
- Mid-p tails: the tail less half the probability of x, differentiated
  exactly; the rate ratio transforms the binomial bounds at 50 digits,
  theta = p/(1-p) t2/t1; the exact test finds R's cut point (probability
  at most the observed times 1 + 1e-7) by bisection over the integers with
  45-digit log densities; the score test is the closed form.

Exposures are doubles written with %.17g; p0 = t1/(t1+t2) is formed from
them exactly.  Deterministic (seed 20261209); about 4 minutes.
Usage: python3 huge_beta.py OUTDIR"""
import math
import random
import sys
import warnings

from mpmath import mp, mpf, exp, log, log1p, loggamma, quad, sqrt, erfinv, erfc, inf
import scipy.stats as st

mp.dps = 45
REF = "mpmath quad"
warnings.simplefilter("ignore")   # scipy's starting points may warn or fail


# ---- tails as integrals of the density -------------------------------------

def tail_int(lf, dlf, x, direction, end, sd):
    """log of the integral of exp(lf) from x towards end (direction -1: down
    to end, +1: up to end, None meaning infinity)."""
    g = dlf(x)
    h = sd if g == 0 else min(sd, 1 / abs(g))
    if end is not None:
        h = min(h, abs(x - end) / 4)
    lx = lf(x)
    pts, step = [x], h
    while True:
        p = pts[-1] + direction * step
        if end is not None and (p - end) * direction >= 0:
            pts.append(end)
            break
        pts.append(p)
        if lf(p) - lx < -90:
            break
        step *= 2
    pts.sort()
    return lx + log(quad(lambda t: exp(lf(t) - lx), pts))


def beta_logdens(a, b):
    lB = loggamma(a) + loggamma(b) - loggamma(a + b)
    return (lambda t: (a - 1) * log(t) + (b - 1) * log1p(-t) - lB,
            lambda t: (a - 1) / t - (b - 1) / (1 - t))


def beta_logtail(a, b, x, upper):
    """log I_x(a,b) (upper false) or log(1 - I_x(a,b))."""
    a, b, x = mpf(a), mpf(b), mpf(x)
    small_upper = x >= a / (a + b)
    # the upper tail of Beta(a,b) at x is the lower tail of Beta(b,a) at 1-x
    A, B, X = (b, a, 1 - x) if small_upper else (a, b, x)
    lf, dlf = beta_logdens(A, B)
    sd = sqrt(A * B / (A + B) ** 2 / (A + B + 1))
    ls = tail_int(lf, dlf, X, -1, mpf(0), sd)
    return ls if small_upper == bool(upper) else log1p(-exp(ls))


def pois_logtail(k, mu, upper):
    """log P(X >= k) (upper) or log P(X <= k), X ~ Poisson(mu): the gamma
    integrals P(k, mu) and Q(k+1, mu)."""
    k, mu = mpf(k), mpf(mu)
    if upper and k == 0:
        return mpf(0)
    al = k if upper else k + 1
    lg = loggamma(al)
    lf = lambda t: (al - 1) * log(t) - t - lg
    dlf = lambda t: (al - 1) / t - 1
    small_lower = mu < al                 # P(al, mu) is the smaller tail
    ls = (tail_int(lf, dlf, mu, -1, mpf(0), sqrt(al)) if small_lower
          else tail_int(lf, dlf, mu, +1, None, sqrt(al)))
    return ls if small_lower == bool(upper) else log1p(-exp(ls))


def ldbinom(x, y, p):
    """log P(X = x), X ~ Binomial(x + y, p)."""
    x, y, p = mpf(x), mpf(y), mpf(p)
    return loggamma(x + y + 1) - loggamma(x + 1) - loggamma(y + 1) + x * log(p) + y * log1p(-p)


def ldpois(k, mu):
    k, mu = mpf(k), mpf(mu)
    return k * log(mu) - mu - loggamma(k + 1) if k >= 0 else mpf("-inf")


# ---- root finding ------------------------------------------------------------

def solve(F, v0, unit, rising):
    """The root of F(v) = (f, df/dv), monotone (rising or not), v in (0,1)
    (unit) or (0, inf): safeguarded Newton from v0; certified."""
    to_u = (lambda v: log(v) - log1p(-v)) if unit else log
    # the scale of v's error: v, or 1 - v near 1, but not below 1e-18
    # there, where 45 digits resolve 1e-45 (and the double stored is 1)
    scale = (lambda v: v if v < 0.5 else max(1 - v, mpf(10) ** -18)) if unit else (lambda v: v)
    from_u = (lambda u: 1 / (1 + exp(-u))) if unit else exp
    v = mpf(v0)
    lo, hi = (mpf(0), mpf(1)) if unit else (mpf(0), mpf(inf))
    for _ in range(200):
        f, df = F(v)
        if f == 0:
            return v
        if (f > 0) == rising:
            hi = min(hi, v)
        else:
            lo = max(lo, v)
        vn = v - f / df
        if not lo < vn < hi:              # bisect the bracket, or step out
            if lo > 0 and hi < (1 if unit else inf):
                vn = from_u((to_u(lo) + to_u(hi)) / 2)
            else:
                vn = from_u(to_u(v) + (1 if (f > 0) != rising else -1) * 2)
        if abs(vn - v) < scale(v) * mpf(10) ** -26:
            v = vn
            break
        v = vn
    else:
        raise RuntimeError("no convergence from %s" % v0)
    e = mpf(10) ** -20 * scale(v)
    fl, fh = F(v - e)[0], F(v + e)[0]
    if (fl > 0) == (fh > 0):
        raise RuntimeError("not certified at %s" % v)
    return v


def start(v, fallback):
    v = float(v)
    return v if math.isfinite(v) and v > 0 else fallback


# ---- binomial intervals: x events, y non-events ------------------------------

def beta_bound(a, b, t, upper, guess):
    """The x at which the lower (upper) tail of Beta(a,b) is t."""
    a, b = mpf(a), mpf(b)
    lt = log(t)
    lf, _ = beta_logdens(a, b)

    def F(p):
        l = beta_logtail(a, b, p, upper)
        d = exp(lf(p) - l)
        return l - lt, -d if upper else d
    if not 0 < guess < 1:
        guess = float(a / (a + b))
    return solve(F, guess, True, not upper)


def midp_bound(x, y, t, upper, guess):
    """P(X >= x) - P(x)/2 = t (lower bound) or P(X <= x) - P(x)/2 = t."""
    x, y = mpf(x), mpf(y)
    lt = log(t)
    a, b = (x + 1, y) if upper else (x, y + 1)
    lf, _ = beta_logdens(a, b)

    def F(p):
        tail = exp(beta_logtail(a, b, p, upper))
        dens = exp(ldbinom(x, y, p))
        dtail = -exp(lf(p)) if upper else exp(lf(p))
        ddens = dens * (x / p - y / (1 - p))
        T = tail - dens / 2
        return log(T) - lt, (dtail - ddens / 2) / T
    if not 0 < guess < 1:
        guess = float((x + 0.5) / (x + y + 1))
    return solve(F, guess, True, not upper)


def binom_ci(method, x, y, lev):
    """(lo, hi) of the method for x events and y non-events, at 50 digits."""
    a = (1 - mpf(lev)) / 2
    n = x + y
    if method in ("exact", "midp"):
        g_lo = start(st.beta.ppf(float(a), x, y + 1), -1) if x > 0 else 0
        g_hi = start(st.beta.isf(float(a), x + 1, y), -1) if y > 0 else 1
        if method == "exact":
            lo = beta_bound(x, y + 1, a, False, g_lo) if x > 0 else mpf(0)
            hi = beta_bound(x + 1, y, a, True, g_hi) if y > 0 else mpf(1)
        else:
            lo = midp_bound(x, y, a, False, g_lo) if x > 0 else mpf(0)
            hi = midp_bound(x, y, a, True, g_hi) if y > 0 else mpf(1)
        return lo, hi
    if method == "jeffreys":
        g_lo = start(st.beta.ppf(float(a), x + 0.5, y + 0.5), -1)
        g_hi = start(st.beta.isf(float(a), x + 0.5, y + 0.5), -1)
        lo = beta_bound(x + mpf(0.5), y + mpf(0.5), a, False, g_lo) if x > 0 else mpf(0)
        hi = beta_bound(x + mpf(0.5), y + mpf(0.5), a, True, g_hi) if y > 0 else mpf(1)
        return lo, hi
    z = sqrt(2) * erfinv(mpf(lev))
    z2, x, n = z * z, mpf(x), mpf(n)
    p, q = x / n, 1 - x / n
    if method == "wilson":
        c, h = (x + z2 / 2) / (n + z2), z * sqrt(x * (n - x) / n + z2 / 4) / (n + z2)
        return (c - h if x > 0 else mpf(0)), (c + h if x < n else mpf(1))
    if method == "wilson-cc":
        d = 2 * (n + z2)
        lo = (2 * x + z2 - 1 - z * sqrt(z2 - 2 - 1 / n + 4 * p * (n * q + 1))) / d if x > 0 else 0
        hi = (2 * x + z2 + 1 + z * sqrt(z2 + 2 - 1 / n + 4 * p * (n * q - 1))) / d if x < n else 1
        return max(lo, 0), min(hi, 1)
    if method == "agresti-coull":
        nt = n + z2
        pt = (x + z2 / 2) / nt
        h = z * sqrt(pt * (1 - pt) / nt)
        return max(pt - h, 0), min(pt + h, 1)
    if method == "wald":
        h = z * sqrt(p * q / n)
        return max(p - h, 0), min(p + h, 1)
    raise ValueError(method)


# ---- person-time -------------------------------------------------------------

def pois_bound(x, a, upper, mid, guess):
    """mu with P(X >= x) [- P(x)/2] = a (lower bound) or P(X <= x) [- ...]."""
    lt = log(a)

    def F(mu):
        tail = exp(pois_logtail(x, mu, not upper))
        dx, dx1 = exp(ldpois(x, mu)), exp(ldpois(x - 1, mu))
        dtail = -dx if upper else dx1
        T, dT = tail, dtail
        if mid:
            T, dT = tail - dx / 2, dtail - (dx1 - dx) / 2
        return log(T) - lt, dT / T
    return solve(F, guess, False, not upper)


def pt_ci(method, x, t, lev):
    a = (1 - mpf(lev)) / 2
    t = mpf(t)
    mid = method == "midp"
    if mid and x == 0:
        return mpf(0), -log(1 - mpf(lev)) / t
    g_lo = start(st.gamma.ppf(float(a), x), max(x, 1)) if x > 0 else 0
    g_hi = start(st.gamma.isf(float(a), x + 1), max(x, 1))
    lo = pois_bound(x, a, False, mid, g_lo) / t if x > 0 else mpf(0)
    hi = pois_bound(x, a, True, mid, g_hi) / t
    return lo, hi


def pt_ratio(method, x1, t1, x2, t2, lev):
    if x1 + x2 == 0:
        return mpf(0), mpf(inf)
    l1, h1 = binom_ci(method, x1, x2, lev)
    k = mpf(t2) / mpf(t1)
    lo = l1 / (1 - l1) * k if x1 > 0 else mpf(0)
    hi = h1 / (1 - h1) * k if x2 > 0 else mpf(inf)
    return lo, hi


def pt_test(method, x1, t1, x2, t2):
    m = x1 + x2
    if m == 0:
        return mpf(1)
    t1, t2 = mpf(t1), mpf(t2)
    if method == "score":
        chi2 = (x1 * t2 - x2 * t1) ** 2 / ((t1 + t2) ** 2 * m * (t1 / (t1 + t2)) * (t2 / (t1 + t2)))
        return erfc(sqrt(chi2 / 2))
    if x1 * t2 > x2 * t1:                  # x1 above its mean: the mirror
        x1, x2, t1, t2 = x2, x1, t2, t1
    p0 = t1 / (t1 + t2)
    lower = exp(beta_logtail(x2, x1 + 1, 1 - p0, False))   # P(X <= x1)
    d1 = exp(ldbinom(x1, x2, p0))
    if method == "midp":
        t = lower - d1 / 2
        return min(2 * min(t, 1 - t), mpf(1))
    if x1 == m * p0:
        return mpf(1)
    cut = log(d1) + log1p(mpf(10) ** -7)
    ld = lambda k: ldbinom(k, m - k, p0)
    c = int(mp.ceil(m * p0))
    if c > m or ld(m) > cut:
        return min(lower, mpf(1))
    if ld(c) > cut:                        # ld(a) > cut >= ld(b)
        a, b = c, m
        while b - a > 1:
            h = (a + b) // 2
            if ld(h) <= cut:
                b = h
            else:
                a = h
        c = b
    return min(lower + exp(beta_logtail(c, m - c + 1, p0, False)), mpf(1))


# ---- cases -------------------------------------------------------------------

rnd = random.Random(20261209)
N53 = 2 ** 53


def lograndint(lo, hi):
    return int(round(math.exp(rnd.uniform(math.log(lo), math.log(hi)))))


def expo(lo=1e-3, hi=1e12):
    return float("%.17g" % math.exp(rnd.uniform(math.log(lo), math.log(hi))))


def fmt(v):
    v = float(v)
    return "inf" if v == math.inf else "%.17g" % v


def propci_cases():
    ns = [10 ** 9, 10 ** 10, 10 ** 12, 10 ** 13, 10 ** 15, 2 ** 52, N53,
          lograndint(1e9, N53), lograndint(1e11, N53)]
    out = []
    for n in ns:
        xs = [0, 1, 5, 1000, n // 2, rnd.randint(1, n - 1), n - 10, n - 1, n]
        if n in (10 ** 12, N53):
            xs += [rnd.randint(2, 60), n // 3]
        for x in xs:
            lev = 0.95 if rnd.random() < 0.6 else rnd.choice([0.5, 0.9, 0.99, 1 - 1e-10])
            out.append((x, n, lev))
    # the reproducers
    out += [(1000, 10 ** 12, 0.95), (5, 10 ** 13, 0.95)]
    return out


def ptrate_cases():
    xs = [10 ** 9, 10 ** 10, 10 ** 12, 10 ** 13, 10 ** 15, 2 ** 52, N53 - 1, N53,
          lograndint(1e9, N53), lograndint(1e9, N53), 123456, 99999, 100000]
    out = []
    for x in xs:
        lev = 0.95 if rnd.random() < 0.6 else rnd.choice([0.5, 0.9, 0.99, 1 - 1e-10])
        out.append((x, expo(1e-10, 1e15), lev))
    out += [(N53, 1e-300, 0.95), (10 ** 13, 1e300, 0.95), (10 ** 13, 1.0, 0.95)]
    return out


def ptratio_cases():
    out = [(0, 0.7, 500000000000, 1300000000000.0, 0.95),        # issue 9
           (1358635597824000, 4503599208184932.0, 0, 0.75, 0.95),
           (N53, 1.5, N53, 2.5, 0.95), (N53, 1.0, 1, 1.0, 0.95), (1, 1.0, N53, 1.0, 0.95),
           (N53 - 1, 3.0, N53, 3.0, 0.99), (N53, 2.0, N53, 2.0, 0.95)]
    for i in range(16):
        x1 = lograndint(1, N53) if i % 4 else rnd.randint(0, 30)
        x2 = lograndint(1e9, N53)
        t1 = expo()
        # near the null every other case: rates alike
        t2 = float("%.17g" % (t1 * (x2 + 0.5) / (x1 + 0.5) * rnd.uniform(0.5, 2))) if i % 2 else expo()
        if i % 3 == 0:
            x1, t1, x2, t2 = x2, t2, x1, t1
        out.append((x1, t1, x2, t2, rnd.choice([0.95, 0.95, 0.9, 0.99, 0.5])))
    return out


def pttest_cases():
    out = [(N53, 1.0, N53, 1.0), (N53, 3.5, N53, 1e15), (N53, 1.0, 0, 1.0),
           (N53 - 7, 1.0, N53, 1.0), (5, 1.0, N53, 1e15)]
    for i in range(26):
        x1 = lograndint(1e9, N53)
        x2 = lograndint(1e9, N53) if i % 3 else rnd.randint(0, 1000)
        t1 = expo()
        # x2 placed z standard deviations from its conditional mean
        m = x1 + x2
        z = rnd.uniform(-8, 8) if i % 5 else rnd.uniform(-30, 30)
        q = min(max((x2 + z * math.sqrt(max(x2, 1))) / m, 1e-18), 1 - 1e-18)
        t2 = float("%.17g" % (t1 * q / (1 - q)))
        if i % 4 == 0:
            x1, t1, x2, t2 = x2, t2, x1, t1
        out.append((x1, t1, x2, t2))
    return out


def self_check():
    """The quadrature against mpmath's series where those converge."""
    from mpmath import betainc, gammainc
    worst = mpf(0)
    for a, b, x in [(30, 40, "0.3"), (0.5, 40.5, "0.03"), (1000.5, 2000, "0.34"),
                    (5, 1e5, "1e-4"), (2.5, 7.5, "0.9")]:
        for up in (0, 1):
            r = betainc(a, b, 0, mpf(x), regularized=True)
            r = 1 - r if up else r
            worst = max(worst, abs(exp(beta_logtail(a, b, mpf(x), up)) / r - 1))
    for k, mu in [(10, 7.5), (300, 350.25), (1, 0.01), (2000, 1900)]:
        for up in (0, 1):
            r = (gammainc(k, 0, mu, regularized=True) if up
                 else gammainc(k + 1, mu, inf, regularized=True))
            worst = max(worst, abs(exp(pois_logtail(k, mu, up)) / r - 1))
    print("huge_beta.py: quadrature vs mpmath betainc/gammainc: max rel. difference %.1e"
          % float(worst))


def main(d):
    self_check()
    rows = ["method,x,n,level,lo,hi,ref"]
    for x, n, lev in propci_cases():
        for m in ("exact", "jeffreys", "midp", "wilson", "wilson-cc", "agresti-coull", "wald"):
            lo, hi = binom_ci(m, x, n - x, lev)
            rows.append("%s,%d,%d,%.17g,%s,%s,%s" % (m, x, n, lev, fmt(lo), fmt(hi), REF
                                                    if m in ("exact", "jeffreys", "midp") else "mpmath formula"))
    open(d + "/huge-beta-propci.csv", "w").write("\n".join(rows) + "\n")
    rows = ["method,x,t,level,lo,hi,ref"]
    for x, t, lev in ptrate_cases():
        for m in ("exact", "midp"):
            lo, hi = pt_ci(m, x, t, lev)
            rows.append("%s,%d,%.17g,%.17g,%s,%s,%s" % (m, x, t, lev, fmt(lo), fmt(hi), REF))
    open(d + "/huge-beta-ptrate.csv", "w").write("\n".join(rows) + "\n")
    rows = ["method,x1,t1,x2,t2,level,lo,hi,ref"]
    for x1, t1, x2, t2, lev in ptratio_cases():
        for m in ("exact", "midp"):
            lo, hi = pt_ratio(m, x1, t1, x2, t2, lev)
            rows.append("%s,%d,%.17g,%d,%.17g,%.17g,%s,%s,%s" % (m, x1, t1, x2, t2, lev, fmt(lo), fmt(hi), REF))
    open(d + "/huge-beta-ptratio.csv", "w").write("\n".join(rows) + "\n")
    rows = ["method,x1,t1,x2,t2,p,ref"]
    for x1, t1, x2, t2 in pttest_cases():
        for m in ("exact", "midp", "score"):
            p = pt_test(m, x1, t1, x2, t2)
            rows.append("%s,%d,%.17g,%d,%.17g,%s,%s" % (m, x1, t1, x2, t2, fmt(p),
                                                       REF if m != "score" else "mpmath formula"))
    open(d + "/huge-beta-pttest.csv", "w").write("\n".join(rows) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
