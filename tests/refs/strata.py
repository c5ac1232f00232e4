"""Stratified comparisons (disp-strata) -> fixtures/refs/strata*.csv and
standard.csv, from implementations independent of our C code.

  python3 strata.py cases DIR   writes DIR/strata-cases.csv, the inputs
  Rscript strata.R DIR          R's values (mantelhaen.test, epiR, epitools)
  python3 strata.py refs DIR    statsmodels, the definitions at 40 digits
                                (mpmath), exact rational arithmetic; the
                                fixtures, and the cross-check summary

A case is a stratified table: strata "x1:n1:x2:n2" separated by spaces
(group 1's events of its total or exposure, then the reference's), or for
standardisation "x:n:s" (events, total, the stratum's standard population
or rate).  The rule of fixtures/refs/README.md: a package's value is stored
unless it is more than 1e-12 (relative) from the definition computed here,
and then the definition's (ref = mpmath, or exact for rational arithmetic).

Definitions (see stats/strata.h for the statements):
- mh, rbg, sato, gr, person-time mh: the closed forms (Greenland & Robins
  1985; Robins, Breslow & Greenland 1986; Sato 1989), evaluated exactly in
  rationals and rounded once.
- mn, scas: the stratified score, sum w S / sqrt(sum w^2 V) (scas: minus
  (z^2 - 1) sum w^3 mu3 / (6 (sum w^2 V)^(3/2)), w = n1 n2 / N), each
  stratum's S, V (times N/(N-1)) and mu3 at its table fitted under the
  contrast (the Miettinen-Nurminen constrained MLE: the quadratic for the
  ratio, the score equation solved by bisection for the difference); mn's
  weights the fixed point r = F(r) of Miettinen & Nurminen (1985), solved
  by the secant method at 40 digits.  The interval's ends: where |T| = z
  at the outermost crossing, located on a float grid of our own (steps
  from 1/1000 growing by 3%, out to 150 in log(phi) or to 18 in
  atanh(d)), refined at 40 digits.  No Debian package implements these
  (R's ratesci, which does, is not packaged).
- cmh, cmh-cc: (|sum (x1 - E)| - c)^2 / sum V, exactly in rationals (c = 1/2
  where |sum (x1 - E)| >= 1/2, else 0, as R).
- exact test: the conditional law of sum x1 as exact integers (products of
  binomial coefficients, convolved), two-sided by minimum likelihood with
  R's relative tolerance 1e-7; exact interval: the odds ratios where the
  tails are alpha/2, at 40 digits from the same integers.
- bd, bd-tarone: Breslow-Day at or_MH (the fitted mean the root of the
  quadratic), Tarone's correction, on (strata used - 1) df; strata with no
  events or no non-events left out.
- person-time: mh test (sum (x1 - m n1/T))^2 / sum m n1 n2 / T^2; exact:
  the convolution of Binomial(m, n1/T) as exact rationals; bd: the
  chi-square of a common rate ratio at rr_MH.
- direct: Fay & Feuer (1997), the gamma quantiles at 40 digits; indirect:
  O/E with Garwood's interval (gamma quantiles of O and O + 1) over E.
"""
import csv
import math
import random
import sys
from fractions import Fraction as Q

from mpmath import mp, mpf

mp.dps = 40

# ---- cases ------------------------------------------------------------------


def fmt_tables(tabs):
    return " ".join(":".join(str(v) for v in t) for t in tabs)


def parse_tables(s):
    out = []
    for t in s.split(" "):
        out.append(tuple(int(v) if v.lstrip("-").isdigit() else Q(v) for v in t.split(":")))
    return out


UCB = [(512, 825, 89, 108), (353, 560, 17, 25), (120, 325, 202, 593),
       (138, 417, 131, 375), (53, 191, 94, 393), (22, 373, 24, 341)]
# Cochran (1954), R's mantelhaen.test example: cured of the treated at
# once against 1.5 h later, by penicillin level.
RABBITS = [(0, 6, 0, 5), (3, 6, 0, 6), (6, 6, 2, 6), (5, 6, 6, 6), (2, 2, 5, 5)]
# Agresti (2002) Table 6.9 (Beitler & Landis 1985): successes of the drug
# and of the control, eight centres.
CENTRES = [(11, 36, 10, 37), (16, 20, 22, 32), (14, 19, 7, 19), (2, 16, 1, 17),
           (6, 17, 0, 12), (1, 11, 0, 10), (1, 5, 1, 9), (4, 6, 6, 7)]
# statsmodels' china_smoking: lung cancer among smokers and non-smokers,
# eight cities.
CHINA = [(126, 226, 35, 96), (908, 1596, 497, 1304), (913, 1660, 336, 934),
         (235, 407, 58, 179), (402, 710, 121, 336), (182, 338, 72, 170),
         (60, 159, 11, 54), (104, 193, 21, 57)]


def lognum(rng, top):
    return int(math.exp(rng.random() * math.log(top)))


def rand_bin(rng, i):
    K = rng.choice([1, 2, 2, 3, 3, 4, 5, 6, 8, 10, 15, 20])
    prof = i % 8
    tabs = []
    if prof == 5:                      # a common odds ratio, varied baselines
        psi = math.exp(rng.uniform(-2, 2))
    for j in range(K):
        if prof == 0:                   # moderate
            n1, n2 = lognum(rng, 1e4), lognum(rng, 1e4)
            x1, x2 = rng.randint(0, n1), rng.randint(0, n2)
        elif prof == 1:                 # large, unbalanced
            n1, n2 = lognum(rng, 1e9), lognum(rng, 1e9)
            x1, x2 = rng.randint(0, n1), rng.randint(0, n2)
        elif prof == 2:                 # sparse
            n1, n2 = rng.randint(1, 4), rng.randint(1, 4)
            x1, x2 = rng.randint(0, n1), rng.randint(0, n2)
        elif prof == 3:                 # near the null: p-values spread out
            n1, n2 = 10 + lognum(rng, 1e5), 10 + lognum(rng, 1e5)
            p = rng.uniform(0.02, 0.9)
            d = rng.gauss(0, 1) * math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2)) * rng.uniform(0, 3)
            x1 = min(n1, max(0, round((p + d / 2) * n1)))
            x2 = min(n2, max(0, round((p - d / 2) * n2)))
        elif prof == 4:                 # rare events
            n1, n2 = lognum(rng, 1e6), lognum(rng, 1e6)
            x1, x2 = rng.randint(0, 3), rng.randint(0, 3)
            x1, x2 = min(x1, n1), min(x2, n2)
        elif prof == 5:
            n1, n2 = 5 + lognum(rng, 2e3), 5 + lognum(rng, 2e3)
            p2 = rng.uniform(0.05, 0.9)
            o1 = psi * p2 / (1 - p2)
            x1, x2 = round(o1 / (1 + o1) * n1), round(p2 * n2)
        elif prof == 6:                 # zero strata, full strata, mixed
            n1, n2 = lognum(rng, 300), lognum(rng, 300)
            c = rng.randint(0, 4)
            x1, x2 = ((0, 0) if c == 0 else (n1, n2) if c == 1 else
                      (0, rng.randint(0, n2)) if c == 2 else
                      (rng.randint(0, n1), 0) if c == 3 else
                      (rng.randint(0, n1), rng.randint(0, n2)))
        else:                           # small
            n1, n2 = rng.randint(1, 40), rng.randint(1, 40)
            x1, x2 = rng.randint(0, n1), rng.randint(0, n2)
        tabs.append((x1, n1, x2, n2))
    return tabs


def rand_pt(rng, i):
    K = rng.choice([1, 2, 3, 4, 6, 10])
    tabs = []
    for j in range(K):
        t1 = Q(lognum(rng, 1e6), rng.choice([1, 2, 4, 10]))
        t2 = Q(lognum(rng, 1e6), rng.choice([1, 2, 4, 10]))
        if i % 3 == 0:
            x1, x2 = rng.randint(0, 5), rng.randint(0, 5)
        else:
            r = math.exp(rng.uniform(-9, -1))
            x1 = int(r * t1 * math.exp(rng.gauss(0, 0.3)))
            x2 = int(r * t2)
        tabs.append((x1, t1, x2, t2))
    return tabs


def pt_text(v):
    return str(v.numerator) if isinstance(v, Q) and v.denominator == 1 else (
        repr(float(v)) if isinstance(v, Q) else str(v))


def cases(d):
    rng = random.Random(20261205)
    rows = []
    levels = ["0.95", "0.95", "0.95", "0.9", "0.99"]
    for name, t in [("ucb", UCB), ("rabbits", RABBITS), ("centres", CENTRES), ("china", CHINA)]:
        rows.append((name, "bin", "0.95", fmt_tables(t)))
    rows.append(("ucb-f", "bin", "0.95", fmt_tables([(c, d_, a, b) for a, b, c, d_ in UCB])))
    # Edges: one stratum (crude), 1:1 strata (the sparse limit), no
    # information in some strata, all events, huge counts.
    rows.append(("one", "bin", "0.95", fmt_tables([(15, 60, 9, 70)])))
    rows.append(("pairs", "bin", "0.95", fmt_tables(
        [(rng.randint(0, 1), 1, rng.randint(0, 1), 1) for _ in range(30)])))
    rows.append(("zerosome", "bin", "0.95", fmt_tables([(0, 10, 0, 12), (4, 20, 1, 25), (3, 9, 3, 9)])))
    rows.append(("fullsome", "bin", "0.95", fmt_tables([(10, 10, 12, 12), (4, 20, 1, 25)])))
    rows.append(("x1zero", "bin", "0.95", fmt_tables([(0, 10, 2, 12), (0, 20, 1, 25)])))
    rows.append(("x2zero", "bin", "0.95", fmt_tables([(3, 10, 0, 12), (1, 20, 0, 25)])))
    rows.append(("huge", "bin", "0.95", fmt_tables([(123456789, 987654321, 23456789, 876543210),
                                                   (1, 1000000000, 15, 22)])))
    for i in range(260):
        rows.append(("r%d" % i, "bin", levels[i % 5], fmt_tables(rand_bin(rng, i))))
    for i in range(120):
        t = rand_pt(rng, i)
        rows.append(("pt%d" % i, "pt", levels[i % 5],
                     " ".join("%d:%s:%d:%s" % (a, pt_text(b), c, pt_text(e)) for a, b, c, e in t)))
    for i in range(60):
        K = rng.choice([2, 3, 4, 5, 8, 12])
        direct = i % 2 == 0
        tabs = []
        for j in range(K):
            n = lognum(rng, 1e6) + 1
            x = rng.randint(0, min(n, 50 if i % 4 < 2 else n // 10 + 1))
            s = lognum(rng, 1e5) + 1 if direct else Q(rng.randint(1, 10 ** 6), 10 ** 7)
            tabs.append((x, n, s))
        if i == 10:
            tabs = [(0, n, s) for x, n, s in tabs]     # no events at all
        rows.append(("std%d" % i, "direct" if direct else "indirect", levels[i % 5],
                     " ".join("%d:%d:%s" % (x, n, pt_text(s)) for x, n, s in tabs)))
    # Fleiss (1981) via epitools' ageadjust.direct example is in strata.R.
    with open(d + "/strata-cases.csv", "w", newline="") as fp:
        w = csv.writer(fp, lineterminator="\n")
        w.writerow(["id", "kind", "level", "tables"])
        w.writerows(rows)


# ---- definitions: closed forms in rationals ---------------------------------


def mh_parts(t):
    """Exact rationals of the MH sums."""
    out = {}
    R = S = V = Q(0)
    for x1, n1, x2, n2 in t:
        N = n1 + n2
        R += Q(x1 * n2, N)
        S += Q(x2 * n1, N)
        V += Q(x1 * n1 * (n2 - x2) + x2 * n2 * (n1 - x1), N * N)
    out["rr"] = (R, S, V)
    G = H = GP = GQHP = HQ = Q(0)
    for a, n1, c, n2 in t:
        b, d = n1 - a, n2 - c
        N = n1 + n2
        g, h = Q(a * d, N), Q(b * c, N)
        P, Qq = Q(a + d, N), Q(b + c, N)
        G += g
        H += h
        GP += g * P
        GQHP += g * Qq + h * P
        HQ += h * Qq
    out["or"] = (G, H, GP, GQHP, HQ)
    D = W = P = Qs = Vg = Q(0)
    for x1, n1, x2, n2 in t:
        N = n1 + n2
        D += Q(x1 * n2 - x2 * n1, N)
        W += Q(n1 * n2, N)
        P += Q(n1 * n1 * x2 - n2 * n2 * x1, N * N) + Q(n1 * n2 * (n2 - n1), 2 * N * N)
        Qs += Q(x1 * (n2 - x2) + x2 * (n1 - x1), 2 * N)
        Vg += Q(n2 * n2 * x1 * (n1 - x1), n1 * N * N) + Q(n1 * n1 * x2 * (n2 - x2), n2 * N * N)
    out["rd"] = (D, W, P, Qs, Vg)
    return out


def z_of(level):
    return mp.sqrt(2) * mp.erfinv(mpf(level))


def log_ci(e, v, level):
    if e is None or e <= 0 or v is None:
        return mpf(0), mp.inf
    z = z_of(level)
    u, w = mp.log(mpf(e.numerator) / e.denominator), z * mp.sqrt(mpf(v.numerator) / v.denominator)
    return mp.exp(u - w), mp.exp(u + w)


def ratio_q(a, b):
    if b == 0:
        return None            # inf or nan: the interval is (0, inf)
    return a / b


def clip1(v):
    return max(mpf(-1), min(mpf(1), v))


def def_interval(method, t, level):
    p = mh_parts(t)
    z = z_of(level)
    if method == "mh":
        R, S, V = p["rr"]
        if R == 0 or S == 0:
            return mpf(0), mp.inf
        return log_ci(R / S, V / R / S, level)
    if method == "rbg":
        G, H, GP, GQHP, HQ = p["or"]
        if G == 0 or H == 0:
            return mpf(0), mp.inf
        v = GP / (2 * G * G) + GQHP / (2 * G * H) + HQ / (2 * H * H)
        return log_ci(G / H, v, level)
    D, W, P, Qs, Vg = p["rd"]
    d = D / W
    if method == "sato":
        v = max(d * P + Qs, Q(0)) / W / W
    else:
        v = Vg / W / W
    dd = mpf(d.numerator) / d.denominator
    w = z * mp.sqrt(mpf(v.numerator) / v.denominator)
    return clip1(dd - w), clip1(dd + w)


def pt_mh_interval(t, level):
    R = S = V = Q(0)
    for x1, n1, x2, n2 in t:
        n1, n2 = Q(n1), Q(n2)
        T = n1 + n2
        R += x1 * n2 / T
        S += x2 * n1 / T
        V += (x1 + x2) * n1 * n2 / (T * T)
    if R == 0 or S == 0:
        return mpf(0), mp.inf
    return log_ci(R / S, V / R / S, level)


def chi2_q(x, df):
    return mp.gammainc(mpf(df) / 2, mpf(x) / 2, mp.inf, regularized=True)


def qf(v):
    return mpf(v.numerator) / v.denominator if isinstance(v, Q) else mpf(v)


def cmh_p(t, cc):
    d = v = Q(0)
    for x1, n1, x2, n2 in t:
        N, m = n1 + n2, x1 + x2
        d += Q(x1 * n2 - x2 * n1, N)
        v += Q(n1 * n2 * m * (N - m), N * N * (N - 1))
    if v == 0:
        return mpf(1)
    a = abs(d)
    if cc:   # as R's mantelhaen.test: no correction below 1/2
        a = a - Q(1, 2) if a >= Q(1, 2) else a
    return chi2_q(qf(a * a / v), 1)


def pt_mh_p(t):
    d = v = Q(0)
    for x1, n1, x2, n2 in t:
        n1, n2 = Q(n1), Q(n2)
        T = n1 + n2
        d += (x1 * n2 - x2 * n1) / T
        v += (x1 + x2) * n1 * n2 / (T * T)
    if v == 0:
        return mpf(1)
    return chi2_q(qf(d * d / v), 1)


def bd_p(t, tarone):
    G, H = mh_parts(t)["or"][:2]
    if G == 0 or H == 0:
        return None
    psi = qf(G / H)
    x2 = dsum = vsum = mpf(0)
    used = 0
    for x1, n1, c, n2 in t:
        m, N = x1 + c, n1 + n2
        if m == 0 or m == N:
            continue
        lo, hi = max(0, m - n2), min(n1, m)
        if psi == 1:
            A = mpf(n1) * m / N
        else:
            a, b, cc = 1 - psi, n2 - m + psi * (n1 + m), -psi * n1 * m
            disc = mp.sqrt(b * b - 4 * a * cc)
            roots = [(-b + disc) / (2 * a), (-b - disc) / (2 * a)]
            A = [r for r in roots if lo - mpf(10) ** -30 <= r <= hi + mpf(10) ** -30][0]
        v = 1 / (1 / A + 1 / (n1 - A) + 1 / (m - A) + 1 / (n2 - m + A))
        x2 += (x1 - A) ** 2 / v
        dsum += x1 - A
        vsum += v
        used += 1
    if used < 2:
        return None
    if tarone:
        x2 = max(x2 - dsum * dsum / vsum, mpf(0))
    return chi2_q(x2, used - 1)


def pt_bd_p(t):
    t = [(x1, Q(n1), x2, Q(n2)) for x1, n1, x2, n2 in t]
    R = S = Q(0)
    for x1, n1, x2, n2 in t:
        T = n1 + n2
        R += x1 * n2 / T
        S += x2 * n1 / T
    if R == 0 or S == 0:
        return None
    rr = R / S
    x2 = Q(0)
    used = 0
    for x1, n1, c, n2 in t:
        m = x1 + c
        if m == 0:
            continue
        pi = rr * n1 / (rr * n1 + n2)
        x2 += (x1 - m * pi) ** 2 / (m * pi * (1 - pi))
        used += 1
    if used < 2:
        return None
    return chi2_q(qf(x2), used - 1)


# ---- exact conditional laws as integers ---------------------------------------


def conv(laws):
    """laws: lists (lo, [weights]) -> the sum's (lo, [weights])."""
    lo, cur = 0, [1]
    for l, w in laws:
        lo += l
        out = [0] * (len(cur) + len(w) - 1)
        for i, c in enumerate(cur):
            if c:
                for j, v in enumerate(w):
                    out[i + j] += c * v
        cur = out
    return lo, cur


def or_laws(t):
    laws = []
    for x1, n1, x2, n2 in t:
        m = x1 + x2
        lo, hi = max(0, m - n2), min(n1, m)
        laws.append((lo, [math.comb(n1, a) * math.comb(n2, m - a) for a in range(lo, hi + 1)]))
    return laws


def pt_laws(t):
    """Binomial(m, n1/T) weights as integers: C(m,a) n1^a n2^(m-a) times a
    common denominator, n1, n2 rationals made integers per stratum."""
    laws = []
    for x1, n1, x2, n2 in t:
        m = x1 + x2
        n1, n2 = Q(n1), Q(n2)
        den = n1.denominator * n2.denominator
        a1, a2 = int(n1 * den), int(n2 * den)
        laws.append((0, [math.comb(m, a) * a1 ** a * a2 ** (m - a) for a in range(m + 1)]))
    return laws


def exact_p(lo, w, s):
    ws = w[s - lo]
    tot = sum(w)
    # d <= ds (1 + 1e-7), in integers
    p = sum(v for v in w if v * 10 ** 7 <= ws * (10 ** 7 + 1))
    return mpf(p) / tot


def exact_ci(t, level):
    lo, w = conv(or_laws(t))
    s = sum(x[0] for x in t)
    hi = lo + len(w) - 1
    alpha = 1 - mpf(level)
    wf = [mpf(v) for v in w]
    ks = list(range(lo, hi + 1))

    def tail(l, upper):
        mx = max((mp.log(v) + l * k) for v, k in zip(wf, ks) if v > 0)
        tot = tl = mpf(0)
        for v, k in zip(wf, ks):
            if v == 0:
                continue
            e = mp.exp(mp.log(v) + l * k - mx)
            tot += e
            if (k >= s) if upper else (k <= s):
                tl += e
        return tl / tot

    def solve(upper):
        f = lambda l: mp.log(tail(l, upper)) - mp.log(alpha / 2)
        a, b = mpf(0), mpf(0)
        fa = f(a)
        step = mpf(1) / 2
        # upper tail rises with l: for the lower bound move down when f > 0
        go = -1 if (fa > 0) == upper else 1
        while True:
            b = a + go * step
            fb = f(b)
            if (fb > 0) != (fa > 0):
                break
            a, fa = b, fb
            step *= 2
            if step > 2 ** 12:
                return None
        lo_, hi_ = (a, b) if a < b else (b, a)
        for _ in range(200):           # bisection: slow but sure
            mid = (lo_ + hi_) / 2
            fm = f(mid)
            if (fm > 0) == (f(lo_) > 0):
                lo_ = mid
            else:
                hi_ = mid
            if hi_ - lo_ < mpf(10) ** -28:
                break
        return mp.exp((lo_ + hi_) / 2)
    L = mpf(0) if s == lo else solve(True)
    U = mp.inf if s == hi else solve(False)
    return L, U


# ---- the stratified score -------------------------------------------------------


class Num:
    """Float or mpf arithmetic for the same formulas."""

    def __init__(self, prec):
        self.mp = prec
        if prec:
            self.sqrt, self.log, self.exp, self.tanh, self.atanh = (
                mp.sqrt, mp.log, mp.exp, mp.tanh, mp.atanh)
            self.f = mpf
            self.eps = mpf(10) ** -36
        else:
            self.sqrt, self.log, self.exp, self.tanh, self.atanh = (
                math.sqrt, math.log, math.exp, math.tanh, math.atanh)
            self.f = float
            self.eps = 1e-15


def fit_rr(N_, x1, n1, x2, n2, phi):
    f = N_.f
    x1, n1, x2, n2 = f(x1), f(n1), f(x2), f(n2)
    N, C = n1 + n2, x1 + x2
    B = n1 * phi + x1 + n2 + x2 * phi
    if C == 0:
        p2 = f(0)
    else:
        p2 = 2 * C / (B + N_.sqrt(max(B * B - 4 * N * phi * C, f(0))))
    p1 = min(phi * p2, f(1))
    p2 = min(p2, f(1))
    return p1, 1 - p1, p2, 1 - p2


def fit_rd(N_, x1, n1, x2, n2, d):
    """argmax of the likelihood in p2 on [max(0,-d), min(1,1-d)] (the score
    falls with p2): bisection in floats; at 40 digits, Newton's method from
    the float root, kept inside the bisection's bracket."""
    f = N_.f
    x1, n1, x2, n2 = f(x1), f(n1), f(x2), f(n2)
    lo, hi = max(f(0), -d), min(f(1), 1 - d)

    inf = mp.inf if N_.mp else float("inf")

    def dv(a, b):
        return a / b if b != 0 else inf

    def g(p2):
        p1 = p2 + d
        r = f(0)
        if x1 > 0: r += dv(x1, p1)
        if n1 > x1: r -= dv(n1 - x1, 1 - p1)
        if x2 > 0: r += dv(x2, p2)
        if n2 > x2: r -= dv(n2 - x2, 1 - p2)
        return r

    def dg(p2):
        p1 = p2 + d
        r = f(0)
        if x1 > 0: r -= x1 / p1 ** 2
        if n1 > x1: r -= (n1 - x1) / (1 - p1) ** 2
        if x2 > 0: r -= x2 / p2 ** 2
        if n2 > x2: r -= (n2 - x2) / (1 - p2) ** 2
        return r
    w = hi - lo
    if w <= 0:
        p2 = lo
    else:
        a, b = lo + w * 1e-300 if not N_.mp else lo + w * mpf(10) ** -300, hi - w * (mpf(10) ** -60 if N_.mp else 1e-17)
        if g(a) <= 0:
            p2 = lo
        elif g(b) >= 0:
            p2 = hi
        else:
            # floats first
            fa, fb = float(a), float(b)
            ff = lambda v: float(g(f(v)))
            for _ in range(200):
                m = (fa + fb) / 2
                if m == fa or m == fb:
                    break
                if ff(m) > 0:
                    fa = m
                else:
                    fb = m
            p2 = f((fa + fb) / 2)
            if N_.mp:
                A, B = f(fa) - abs(f(fb) - f(fa)) * 4 - mpf(10) ** -300, f(fb) + abs(f(fb) - f(fa)) * 4
                A, B = max(A, a), min(B, b)
                if not (g(A) > 0 and g(B) < 0):
                    A, B = a, b
                for _ in range(100):
                    step = g(p2) / dg(p2)
                    nxt = p2 - step
                    if not (A < nxt < B):
                        nxt = (A + B) / 2
                    gv = g(nxt)
                    if gv > 0:
                        A = nxt
                    else:
                        B = nxt
                    if abs(nxt - p2) <= mpf(10) ** -38 * abs(nxt):
                        p2 = nxt
                        break
                    p2 = nxt
    p1 = p2 + d
    return p1, 1 - p1, p2, 1 - p2


def stratum(N_, tab, rd, theta):
    x1, n1, x2, n2 = tab
    f = N_.f
    N = f(n1 + n2)
    lam = N / (N - 1)
    if rd:
        p1, q1, p2, q2 = fit_rd(N_, x1, n1, x2, n2, theta)
        S = f(x1) / n1 - f(x2) / n2 - theta
        V = (p1 * q1 / n1 + p2 * q2 / n2) * lam
        m3 = p1 * q1 * (q1 - p1) / f(n1) ** 2 - p2 * q2 * (q2 - p2) / f(n2) ** 2
    else:
        p1, q1, p2, q2 = fit_rr(N_, x1, n1, x2, n2, theta)
        S = f(x1) / n1 - theta * f(x2) / n2
        V = (p1 * q1 / n1 + theta * theta * p2 * q2 / n2) * lam
        m3 = p1 * q1 * (q1 - p1) / f(n1) ** 2 - theta ** 3 * p2 * q2 * (q2 - p2) / f(n2) ** 2
    return S, V, m3, (p1, q1, p2, q2)


def mn_weights(N_, t, fits, rd, theta):
    """The fixed point of MN's weights, as a scalar r (relative weights
    1/(r/n1 + theta/n2), or 1/(r/n1 + 1/n2) for the difference)."""
    f = N_.f

    def w_of(r):
        return [1 / (r / f(n1) + (f(1) if rd else theta) / f(n2)) for _, n1, _, n2 in t]

    def F(r):
        w = w_of(r)
        W = sum(w)
        P1 = sum(wi * fi[0] for wi, fi in zip(w, fits)) / W
        Q1 = sum(wi * fi[1] for wi, fi in zip(w, fits)) / W
        P2 = sum(wi * fi[2] for wi, fi in zip(w, fits)) / W
        Q2 = sum(wi * fi[3] for wi, fi in zip(w, fits)) / W
        num, den = (P1 * Q1, P2 * Q2) if rd else (Q1, Q2)
        return num, den
    r = f(1)
    for it in range(3000):
        num, den = F(r)
        if den == 0 or num == 0:
            return None, num, den          # degenerate: the limits below
        nr = num / den
        if abs(nr - r) <= 1e-15 * abs(r):
            r = nr
            break
        r = nr
    if N_.mp:
        # the fixed point at 40 digits: the secant method on F(r) - r
        G = lambda rr: (lambda nd: nd[0] / nd[1] - rr)(F(rr))
        r0, r1 = f(r), f(r) * (1 + mpf(10) ** -8)
        g0, g1 = G(r0), G(r1)
        for _ in range(60):
            if g1 == g0:
                break
            r2 = r1 - g1 * (r1 - r0) / (g1 - g0)
            r0, g0, r1 = r1, g1, r2
            g1 = G(r1)
            if abs(r1 - r0) <= mpf(10) ** -36 * abs(r1):
                break
        r = r1
    return w_of(r), None, None


def sstat(N_, t, rd, skew, theta, z, disc=False):
    f = N_.f
    sc = [stratum(N_, tab, rd, theta) for tab in t]
    if skew:
        w = [f(n1) * n2 / (n1 + n2) for _, n1, _, n2 in t]
    else:
        w, num, den = mn_weights(N_, t, [s[3] for s in sc], rd, theta)
        if w is None:
            if den == 0 and num == 0:
                w = [f(n1) * n2 / (n1 + n2) for _, n1, _, n2 in t]
            elif den == 0:
                w = [f(n1) for _, n1, _, n2 in t]      # r -> inf
            else:
                w = [f(n2) for _, n1, _, n2 in t]      # r -> 0
    W = sum(w)
    u = [wi / W for wi in w]
    num = sum(ui * s[0] for ui, s in zip(u, sc))
    var = sum(ui * ui * s[1] for ui, s in zip(u, sc))
    m3 = sum(ui ** 3 * s[2] for ui, s in zip(u, sc))
    inf = mp.inf if N_.mp else float("inf")
    if var == 0:
        return f(0) if num == 0 else (inf if num > 0 else -inf)
    T = num / N_.sqrt(var)
    if skew and m3 != 0:
        # Laud's corrected score: the root near T of A c^2 + c - (T + A) = 0
        A = m3 / (6 * var * N_.sqrt(var))
        d = 1 + 4 * A * (T + A)
        if disc:
            return d
        if d < 0:
            return inf if T + A > 0 else -inf
        T = 2 * (T + A) / (1 + N_.sqrt(d))
    return T


F64, MP = Num(False), Num(True)


def score_interval(t, rd, skew, level):
    """The hull of {theta : |T| <= z}: a float grid, the ends refined at 40
    digits.  None when the ends cannot be found."""
    zf = float(z_of(level))
    zm = z_of(level)
    e1 = sum(x[0] for x in t)
    e2 = sum(x[2] for x in t)
    if skew and all(x[0] == x[1] and x[2] == x[3] for x in t):
        skew = False
    if not rd and e1 == 0 and e2 == 0:
        return mpf(0), mp.inf
    N_ = F64
    th = (lambda u: math.tanh(u)) if rd else (lambda u: math.exp(u))
    thm = (lambda u: mp.tanh(u)) if rd else (lambda u: mp.exp(u))

    def T(u):
        try:
            return sstat(F64, t, rd, skew, th(u), zf)
        except (ZeroDivisionError, ValueError, OverflowError):
            return float("nan")
    # Start: an estimate with 1/2 added (independent of ours).
    # Start: the Mantel-Haenszel estimate with 1/2 added to each count.
    if rd:
        w = [(n1 + 1) * (n2 + 1) / (n1 + n2 + 2) for x1, n1, x2, n2 in t]
        num = sum(wi * ((x1 + .5) / (n1 + 1) - (x2 + .5) / (n2 + 1))
                  for wi, (x1, n1, x2, n2) in zip(w, t)) / sum(w)
        u0 = math.atanh(max(-0.999999, min(0.999999, num)))
        reach = 18.0
    else:
        a = sum((x1 + .5) * (n2 + .5) / (n1 + n2 + 1) for x1, n1, x2, n2 in t)
        b = sum((x2 + .5) * (n1 + .5) / (n1 + n2 + 1) for x1, n1, x2, n2 in t)
        u0 = math.log(a / b)
        reach = 150.0
    grid, step, u = [u0], 1e-6, 0.0
    while u < 2 * reach:
        u += step
        step *= 1.03
        grid = [u0 - u] + grid + [u0 + u]
    if rd:
        grid = [g for g in grid if abs(g) <= reach]
    else:
        grid = [g for g in grid if abs(g - u0) <= reach]
    vals = [T(g) for g in grid]
    acc = lambda v: abs(v) <= zf
    # Where the grid steps over a narrow accepted set (the score's sign
    # changes between two rejected points), bisect on the sign for a point
    # inside it.
    pts = list(zip(grid, vals))
    extra = []
    for (a, va), (b, vb) in zip(pts, pts[1:]):
        if not acc(va) and not acc(vb) and not (math.isnan(va) or math.isnan(vb)) and \
                (va > 0) != (vb > 0):
            for _ in range(200):
                m = (a + b) / 2
                vm = T(m)
                if acc(vm):
                    extra.append((m, vm))
                    break
                if math.isnan(vm) or m in (a, b):
                    break
                if (vm > 0) == (va > 0):
                    a, va = m, vm
                else:
                    b, vb = m, vm
    if extra:
        pts = sorted(pts + extra)
        grid, vals = [p_[0] for p_ in pts], [p_[1] for p_ in pts]
    ok = [acc(v) for v in vals]
    if not any(ok):
        return None
    i = ok.index(True)
    j = len(ok) - 1 - ok[::-1].index(True)

    def refine(a, b, vb):
        """a accepted, b not: float bisection, then the crossing of T =
        sign(T(b)) z at 40 digits from the float bracket widened."""
        sgn = 1 if vb > 0 else -1
        for _ in range(200):
            m = (a + b) / 2
            if m == a or m == b:
                break
            if abs(T(m)) <= zf:
                a = m
            else:
                b = m
        lo_, hi_ = (mpf(a), mpf(b)) if a < b else (mpf(b), mpf(a))
        width = max(abs(hi_ - lo_), mpf(1e-12) * max(1, abs(lo_)))
        lo_, hi_ = lo_ - width * 8, hi_ + width * 8
        if math.isinf(vb):
            # The edge of the corrected score's domain: its discriminant 0.
            g = lambda uu: sstat(MP, t, rd, skew, thm(uu), zm, disc=True)
        else:
            g = lambda uu: sstat(MP, t, rd, skew, thm(uu), zm) - sgn * zm
        glo, ghi = g(lo_), g(hi_)
        if (glo > 0) == (ghi > 0) or mp.isinf(glo) or mp.isinf(ghi):
            return None
        # Illinois (regula falsi, the stale end's value halved)
        side = 0
        for _ in range(200):
            m = (lo_ * ghi - hi_ * glo) / (ghi - glo)
            gm = g(m)
            if gm == 0:
                return thm(m)
            if (gm > 0) == (glo > 0):
                lo_, glo = m, gm
                if side == -1:
                    ghi /= 2
                side = -1
            else:
                hi_, ghi = m, gm
                if side == 1:
                    glo /= 2
                side = 1
            if hi_ - lo_ < mpf(10) ** -30 * max(1, abs(m)):
                break
        return thm((lo_ + hi_) / 2)
    if rd:
        lo = mpf(-1) if i == 0 else refine(grid[i], grid[i - 1], vals[i - 1])
        hi = mpf(1) if j == len(grid) - 1 else refine(grid[j], grid[j + 1], vals[j + 1])
        if all(x[0] == 0 and x[2] == x[3] for x in t):
            lo = mpf(-1)
        if all(x[0] == x[1] and x[2] == 0 for x in t):
            hi = mpf(1)
    else:
        lo = mpf(0) if (e1 == 0 or i == 0) else refine(grid[i], grid[i - 1], vals[i - 1])
        hi = mp.inf if (e2 == 0 or j == len(grid) - 1) else refine(grid[j], grid[j + 1], vals[j + 1])
    if lo is None or hi is None:
        return None
    return lo, hi


# ---- standardisation ----------------------------------------------------------------


def gamma_tail(a, x, upper):
    """P(X <= x) or P(X > x), X ~ Gamma(a), at 40 digits: the power series
    below the mean, the continued fraction above it (mpmath's gammainc
    does not converge at shapes of 10^4)."""
    pre = mp.exp(a * mp.log(x) - x - mp.loggamma(a + 1))
    if x < a + 1:
        s_, term, k = mpf(1), mpf(1), 0
        while True:
            k += 1
            term *= x / (a + k)
            s_ += term
            if term < mpf(10) ** -45 * s_:
                break
        p = pre * s_
        return 1 - p if upper else p
    tiny = mpf(10) ** -300
    b = x + 1 - a
    c, d = 1 / tiny, 1 / b
    h, i = d, 0
    while True:
        i += 1
        an = -i * (i - a)
        b += 2
        d = an * d + b
        d = d if abs(d) > tiny else tiny
        c = b + an / c
        c = c if abs(c) > tiny else tiny
        d = 1 / d
        h *= d * c
        if abs(d * c - 1) < mpf(10) ** -45:
            break
    q = a * pre * h
    return q if upper else 1 - q


def gamma_q(t, a, upper):
    """x with P(X <= x) = t (or P(X > x) = t), X ~ Gamma(a): bisection on
    log x."""
    a = mpf(a)
    f = lambda u: mp.log(gamma_tail(a, mp.exp(u), upper)) - mp.log(t)
    lo, hi = mp.log(a) - 1, mp.log(a) + 1
    while (f(lo) > 0) == (f(hi) > 0):
        lo, hi = lo - 2 * (hi - lo), hi + 2 * (hi - lo)
    flo, fhi, side = f(lo), f(hi), 0
    for _ in range(400):               # Illinois
        m = (lo * fhi - hi * flo) / (fhi - flo)
        fm = f(m)
        if fm == 0:
            return mp.exp(m)
        if (fm > 0) == (flo > 0):
            lo, flo = m, fm
            if side == -1:
                fhi /= 2
            side = -1
        else:
            hi, fhi = m, fm
            if side == 1:
                flo /= 2
            side = 1
        if hi - lo < mpf(10) ** -32 * max(1, abs(m)):
            break
    return mp.exp((lo + hi) / 2)


def direct_def(t, level):
    S = sum(Q(s) for _, _, s in t)
    y = v = Q(0)
    wm = Q(0)
    for x, n, s in t:
        r = Q(s) / S / n
        y += r * x
        v += r * r * x
        wm = max(wm, r)
    alpha = 1 - mpf(level)
    yf, vf, wf = qf(y), qf(v), qf(wm)
    lo = mpf(0) if y == 0 else vf / yf * gamma_q(alpha / 2, yf * yf / vf, False)
    hi = (vf + wf * wf) / (yf + wf) * gamma_q(alpha / 2, (yf + wf) ** 2 / (vf + wf * wf), True)
    return yf, lo, hi


def indirect_def(t, level):
    O = sum(x for x, _, _ in t)
    E = sum(n * Q(s) for _, n, s in t)
    alpha = 1 - mpf(level)
    Ef = qf(E)
    lo = mpf(0) if O == 0 else gamma_q(alpha / 2, O, False) / Ef
    hi = gamma_q(alpha / 2, O + 1, True) / Ef
    return mpf(O) / Ef, lo, hi


# ---- the fixtures ---------------------------------------------------------------------


def num(v):
    if v == mp.inf:
        return "inf"
    return "%.17g" % float(v)


def relerr(a, b):
    """As test_refs.c: relative, or on the scale of DBL_MIN below it."""
    a, b = mpf(a), mpf(b)
    if a == b:
        return mpf(0)
    tiny = mpf(2.2250738585072014e-308)
    if abs(a) < tiny and abs(b) < tiny:
        return abs(a - b) / tiny
    if b == 0 or mp.isinf(a) or mp.isinf(b):
        return mp.inf
    return abs(a - b) / abs(b)


def choose(pkg, pkgname, defv, defname, stats, key):
    """The package's value unless more than 1e-12 from the definition."""
    if pkg is None or mp.isnan(mpf(pkg)):
        return defv, defname
    e = relerr(pkg, defv) if defv is not None else mpf(0)
    st = stats.setdefault(key, [0, 0, mpf(0)])
    st[0] += 1
    st[2] = max(st[2], e)
    if defv is not None and e > mpf(10) ** -12:
        st[1] += 1
        return defv, defname
    return mpf(pkg), pkgname


def read_r(d):
    vals = {}
    try:
        with open(d + "/strata-R.csv") as fp:
            for row in csv.DictReader(fp):
                vals[(row["id"], row["what"])] = [None if v == "NA" else
                                                  (mp.inf if v == "Inf" else mpf(v))
                                                  for v in (row["v1"], row["v2"])]
    except FileNotFoundError:
        pass
    return vals


def sm_values(t, level):
    import numpy as np
    from statsmodels.stats.contingency_tables import StratifiedTable
    tabs = np.array([[[a, n1 - a], [c, n2 - c]] for a, n1, c, n2 in t], dtype=float)
    st = StratifiedTable(tabs.transpose(1, 2, 0))
    out = {}
    with np.errstate(all="ignore"):
        try:
            lo, hi = st.oddsratio_pooled_confint(alpha=1 - float(level))
            out["rbg"] = (lo, hi)
        except Exception:
            pass
        for cc, name in ((False, "cmh"), (True, "cmh-cc")):
            try:
                out[name] = st.test_null_odds(correction=cc).pvalue
            except Exception:
                pass
        for adj, name in ((False, "bd"), (True, "bd-tarone")):
            try:
                out[name] = st.test_equal_odds(adjust=adj).pvalue
            except Exception:
                pass
    return out


def refs(d):
    R = read_r(d)
    stats = {}
    files = {k: [] for k in ("strataratio", "stratadiff", "strataodds", "stratatest",
                             "stratahomog", "strataptratio", "stratapttest",
                             "stratapthomog", "standard")}
    published = []
    with open(d + "/strata-cases.csv") as fp:
        cases_ = list(csv.DictReader(fp))
    nscore = 0
    for c in cases_:
        cid, kind, level, tables = c["id"], c["kind"], c["level"], c["tables"]
        t = parse_tables(tables)
        if kind == "bin":
            sm = sm_values(t, level)
            # mh rr (epiR), rbg (epiR, statsmodels), sato, gr (epiR)
            for m, fname, rkey in (("mh", "strataratio", "RR.mh"), ("rbg", "strataodds", "OR.mh"),
                                   ("sato", "stratadiff", "RD.sato"), ("gr", "stratadiff", "RD.gr")):
                dlo, dhi = def_interval(m, t, level)
                pk = R.get((cid, rkey))
                name = "mh" if m == "rbg" else m
                out = []
                for b, dv in enumerate((dlo, dhi)):
                    pv = pk[b] if pk else None
                    if m == "rbg" and pv is None and "rbg" in sm and all(map(math.isfinite, sm["rbg"])):
                        v, src = choose(sm["rbg"][b], "statsmodels", dv, "definition", stats,
                                        name + "-" + fname)
                    else:
                        v, src = choose(pv, "R epiR", dv, "definition", stats, name + "-" + fname)
                    out.append((v, src))
                if m == "rbg" and "rbg" in sm and all(map(math.isfinite, sm["rbg"])):
                    for b in range(2):   # cross-check only
                        st = stats.setdefault("statsmodels-rbg", [0, 0, mpf(0)])
                        st[0] += 1
                        st[2] = max(st[2], relerr(sm["rbg"][b], (dlo, dhi)[b]))
                src = out[0][1] if out[0][1] == out[1][1] else "definition"
                files[fname].append("%s,%s,%s,%s,%s,%s" % (name, tables, level, num(out[0][0]),
                                                           num(out[1][0]), src))
            # tests: cmh, cmh-cc (R mantelhaen.test), score (= cmh)
            for m, rkey in (("cmh", "cmh"), ("cmh-cc", "cmh-cc")):
                dv = cmh_p(t, m == "cmh-cc")
                pk = R.get((cid, rkey))
                v, src = choose(pk[0] if pk else sm.get(m), "R mantelhaen.test" if pk else "statsmodels",
                                dv, "definition", stats, m)
                files["stratatest"].append("%s,%s,%s,%s" % (m, tables, num(v), src))
                if m == "cmh":
                    files["stratatest"].append("score,%s,%s,%s" % (tables, num(v), src))
                if m in sm:
                    st = stats.setdefault("statsmodels-" + m, [0, 0, mpf(0)])
                    st[0] += 1
                    st[2] = max(st[2], relerr(sm[m], dv))
            for m in ("bd", "bd-tarone"):
                dv = bd_p(t, m == "bd-tarone")
                if dv is None:
                    continue
                v, src = choose(sm.get(m), "statsmodels", dv, "definition", stats, m)
                files["stratahomog"].append("%s,%s,%s,%s" % (m, tables, num(v), src))
            # exact: small enough for integers
            supp = sum(min(n1, x1 + x2) - max(0, x1 + x2 - n2) + 1 for x1, n1, x2, n2 in t)
            big = max(n1 + n2 for _, n1, _, n2 in t)
            if supp <= 600 and big <= 3000:
                lo, w = conv(or_laws(t))
                dv = exact_p(lo, w, sum(x[0] for x in t))
                pk = R.get((cid, "exact"))
                v, src = choose(pk[0] if pk else None, "R mantelhaen.test", dv, "exact", stats, "exact")
                files["stratatest"].append("exact,%s,%s,%s" % (tables, num(v), src))
                if supp <= 300:
                    L, U = exact_ci(t, level)
                    files["strataodds"].append("exact,%s,%s,%s,%s,mpmath" % (tables, level, num(L), num(U)))
                    rk = R.get((cid, "exact.ci"))
                    if rk and rk[0] is not None and L > 0:
                        st = stats.setdefault("R-exact-ci (uniroot tolerance)", [0, 0, mpf(0)])
                        st[0] += 1
                        st[2] = max(st[2], relerr(rk[0], L))
            # the score intervals: a subset (40 digits is slow)
            named = cid in ("ucb", "ucb-f", "rabbits", "centres", "china", "one", "zerosome",
                            "fullsome", "x1zero", "x2zero", "huge")
            if len(t) <= 10 and (named or (cid[0] == "r" and cid[1:].isdigit() and
                                           int(cid[1:]) % 3 == 0)):
                for rd, fname in ((False, "strataratio"), (True, "stratadiff")):
                    for skew, m in ((False, "mn"), (True, "scas")):
                        r = score_interval(t, rd, skew, level)
                        if r is None:
                            print("strata: %s %s %s: no end found" % (m, fname, cid), file=sys.stderr)
                            continue
                        files[fname].append("%s,%s,%s,%s,%s,mpmath" % (m, tables, level, num(r[0]),
                                                                       num(r[1])))
                        nscore += 1
            if cid == "ucb":
                published.append(("ucb", t))
            if cid in ("rabbits", "centres", "china"):
                published.append((cid, t))
        elif kind == "pt":
            dlo, dhi = pt_mh_interval(t, level)
            pk = R.get((cid, "IRR.mh"))
            out = [choose(pk[b] if pk else None, "R epiR", (dlo, dhi)[b], "definition", stats,
                          "pt-mh") for b in range(2)]
            src = out[0][1] if out[0][1] == out[1][1] else "definition"
            files["strataptratio"].append("mh,%s,%s,%s,%s,%s" % (tables, level, num(out[0][0]),
                                                               num(out[1][0]), src))
            files["stratapttest"].append("mh,%s,%s,definition" % (tables, num(pt_mh_p(t))))
            if sum(x[0] + x[2] for x in t) <= 400:
                lo, w = conv(pt_laws(t))
                files["stratapttest"].append("exact,%s,%s,exact" % (
                    tables, num(exact_p(lo, w, sum(x[0] for x in t)))))
            v = pt_bd_p(t)
            if v is not None:
                files["stratapthomog"].append("bd,%s,%s,definition" % (tables, num(v)))
        else:
            fn = direct_def if kind == "direct" else indirect_def
            ev = sum(x for x, _, _ in t)
            if ev > 5000:
                dv = None
            else:
                dv = fn(t, level)
            pk = R.get((cid, kind))
            rr = R.get((cid, kind + ".ci"))
            est = choose(pk[0] if pk else None, "R", dv[0] if dv else None, "mpmath", stats, kind)
            lo = choose(rr[0] if rr else None, "R", dv[1] if dv else None, "mpmath", stats, kind)
            hi = choose(rr[1] if rr else None, "R", dv[2] if dv else None, "mpmath", stats, kind)
            srcs = sorted(set(x[1] for x in (est, lo, hi)))
            files["standard"].append("%s,%s,%s,%s,%s,%s,%s" % (
                kind, tables, level, num(est[0]), num(lo[0]), num(hi[0]),
                ("R epitools" if kind == "direct" else "R qgamma") if srcs == ["R"] else "mpmath"))
    heads = {"strataratio": "method,tables,level,lo,hi,ref", "stratadiff": "method,tables,level,lo,hi,ref",
             "strataodds": "method,tables,level,lo,hi,ref", "strataptratio": "method,tables,level,lo,hi,ref",
             "stratatest": "method,tables,p,ref", "stratahomog": "method,tables,p,ref",
             "stratapttest": "method,tables,p,ref", "stratapthomog": "method,tables,p,ref",
             "standard": "method,tables,level,est,lo,hi,ref"}
    for k, rows in files.items():
        with open("fixtures/refs/%s.csv" % k, "w") as fp:
            fp.write(heads[k] + "\n" + "\n".join(sorted(rows, key=lambda r: r.split(",")[0])) + "\n")
    print("strata: %d score intervals at 40 digits" % nscore)
    for k in sorted(stats):
        n, nd, worst = stats[k]
        print("strata: %s: %d values compared with the definition, max relative difference %s, "
              "%d stored from the definition" % (k, n, mp.nstr(worst, 3), nd))
    # Published figures.
    t = dict(published)
    u = t["ucb"]
    G, H = mh_parts(u)["or"][:2]
    print("strata: UC Berkeley (Bickel et al. 1975, R's mantelhaen.test): MH OR %s (R 0.9046968), "
          "RBG 95%% %s (0.7719074, 1.0603298), CMH %s without / %s with cc (R 0.2169 / 0.2323), "
          "Breslow-Day p %s (18.83 on 5 df: 0.002071)" % (mp.nstr(qf(G / H), 7), [mp.nstr(v, 7) for v in def_interval("rbg", u, "0.95")],
                              mp.nstr(cmh_p(u, False), 4), mp.nstr(cmh_p(u, True), 4),
                              mp.nstr(bd_p(u, False), 4)))
    r = t["rabbits"]
    G, H = mh_parts(r)["or"][:2]
    lo, w = conv(or_laws(r))
    print("strata: Rabbits (Cochran 1954; R's example): MH OR %s (R 7), cmh-cc p %s (R 0.04747), "
          "exact p %s (R 0.03994), exact 95%% %s (R 1.077401, 529.837399)" % (
              mp.nstr(qf(G / H), 7), mp.nstr(cmh_p(r, True), 4),
              mp.nstr(exact_p(lo, w, sum(x[0] for x in r)), 4),
              [mp.nstr(v, 7) for v in exact_ci(r, "0.95")]))
    cc = t["centres"]
    G, H = mh_parts(cc)["or"][:2]
    d_, v_ = Q(0), Q(0)
    for x1, n1, x2, n2 in cc:
        N, m = n1 + n2, x1 + x2
        d_ += Q(x1 * n2 - x2 * n1, N)
        v_ += Q(n1 * n2 * m * (N - m), N * N * (N - 1))
    print("strata: Agresti (2002) Table 6.9, eight centres: CMH statistic %s (published 6.38), "
          "MH OR %s (published 2.13)" % (mp.nstr(qf(d_ * d_ / v_), 4), mp.nstr(qf(G / H), 4)))
    ch = t["china"]
    G, H = mh_parts(ch)["or"][:2]
    print("strata: china_smoking (statsmodels docs): pooled OR %s (2.174), RBG 95%% %s (1.984, 2.383), "
          "BD %s (p 0.636)" % (mp.nstr(qf(G / H), 4), [mp.nstr(v, 4) for v in def_interval("rbg", ch, "0.95")],
                             mp.nstr(bd_p(ch, False), 3)))


if __name__ == "__main__":
    {"cases": cases, "refs": refs}[sys.argv[1]](sys.argv[2])
