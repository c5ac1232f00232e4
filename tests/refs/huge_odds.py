"""Conditional odds-ratio intervals and 2x2 tests at counts of 10^10 to
2^53, from their definitions in mpmath -> fixtures/refs/huge-odds.csv
(odds: woolf, gart, mn, exact, midp, baptista-pike) and
fixtures/refs/huge-odds-test2x2.csv (fisher, fisher-midp, chi2,
chi2-yates, g, score).

Given its margins, x1 follows Fisher's noncentral hypergeometric law,
P(k) proportional to psi^k / (a! b! c! d!) over the cells of table k.  Log
weights are mpmath's loggamma at 45 digits (lnG(2^53) ~ 3e17 leaves 28
digits after the point), cells as exact Python integers.  A tail
sum_{j >= 0} P(K + dir j) is summed term by term (exact neighbour ratios)
up to 2000 terms; where it has not converged by then, the rest is the
Euler-Maclaurin formula (DLMF 2.10.1) with ten correction terms, the
derivatives from mpmath's polygamma and the integral by
Gauss-Legendre quadrature (mpmath quad, pieces growing threefold from the
density's scale); the last correction and the quadrature's error estimate
must both be below 1e-20 of the sum.  Self-check, printed: the
Euler-Maclaurin sums against plain summation at sd ~ 600 (where both are
feasible), and the psi = 1 normaliser against Vandermonde's C(n1+n2, m).

Tests: Fisher's minimum-likelihood p (tables with P <= P(x1)(1 + 1e-7),
cut points by bisection on the exact log weights), the mid-p (twice the
smaller of P(X < x1) + P(x1)/2, P(X > x1) + P(x1)/2, capped at 1), and
Pearson, Yates (|ad - bc| reduced by N/2) and G (2 sum O log(O/E)) in
exact rational arithmetic or at 60 digits, referred to chi-square(1) by
erfc.  Intervals: woolf and gart by the formula; mn (the score statistic
times (N - 1)/N against z^2, fitted cell from its quadratic at 60 digits);
exact and midp (the tail equations P(X >= x1) = alpha/2 and
P(X <= x1) = alpha/2, half of P(x1) off for mid-p) by the Illinois method to
1e-24 in log psi from a bracket around the Woolf bounds.  baptista-pike: the
hull of {psi : p(psi) > alpha}, p the minimum-likelihood p-value at psi,
found by branch and bound over log psi: on a stretch [ua, ub] the tables
more probable than x1 contain those that are so at both ends (tables
below x1 drop out of that set as psi grows, those above join it), whose
probability is unimodal in psi (total positivity), so p is bounded on the
stretch by two evaluations; stretches whose bound is at most alpha are
rejected, the outer ones first, to 1e-16 in log psi.  Tables whose
support has at most 60 values are instead walked segment by segment as in
bp.py.
Usage: python3 huge_odds.py OUTDIR"""
import sys
import time
from fractions import Fraction
from multiprocessing import Pool

from mpmath import (mp, mpf, loggamma, exp, log, quad, polygamma, binomial,
                    bernoulli, factorial, erfc, erfinv, sqrt, findroot)

sys.path.insert(0, __file__.rsplit("/", 1)[0] if "/" in __file__ else ".")
import bp as bpref  # noqa: E402  (bp.py sets mp.dps = 40 on import)

mp.dps = 24
HI = 45
TOL = mpf(10) ** -20
TAU = None  # log(1 + 1e-7), set at HI digits below
M53 = 2 ** 53


def hi_prec():
    return mp.workdps(HI)


with hi_prec():
    TAU = log(1 + mpf(10) ** -7)


class NCH:
    """Fisher's noncentral hypergeometric law of x1 at log odds ratio u."""

    def __init__(self, x1, n1, x2, n2, u):
        self.x1, self.n1, self.x2, self.n2 = x1, n1, x2, n2
        b, d = n1 - x1, n2 - x2
        self.lo = x1 - d if d < x1 else 0
        self.hi = n1 if x2 > b else x1 + x2
        with hi_prec():
            self.u = mpf(u)
            self.psi = exp(self.u)
        a, b = self.lo - 1, self.hi   # ratio(a) >= 1 > ratio(b)
        while b - a > 1:
            c = (a + b) // 2
            if self.lratio(c) < 0:
                b = c
            else:
                a = c
        self.mode = b
        self.lmode = self.lw(b)
        up = self.sum_out(b, +1) if b < self.hi else mpf(1)
        down = self.sum_out(b, -1) if b > self.lo else mpf(1)
        self.lz = log(up + down - 1)

    def cells(self, t):
        j = t - self.x1
        return (t, self.n1 - t, self.x2 - j, self.n2 - self.x2 + j)

    def lw(self, t):
        """log psi^t / prod cell! (t real), at HI digits."""
        with hi_prec():
            t = mpf(t)
            return self.u * t - sum(loggamma(c + 1) for c in self.cells(t))

    def lratio(self, k):
        c = self.cells(k)
        if c[1] == 0 or c[2] == 0:
            return -mpf('inf')
        with hi_prec():
            return self.u + log(mpf(c[1] * c[2]) / ((c[0] + 1) * (c[3] + 1)))

    def step(self, c, d):
        if d > 0:
            return mpf(c[1] * c[2]) / ((c[0] + 1) * (c[3] + 1)) * self.psi
        return mpf(c[0] * c[3]) / ((c[1] + 1) * (c[2] + 1)) / self.psi

    def sum_out(self, k, d):
        """sum_{j >= 0} P(k + d j) / P(k), k at or beyond the mode."""
        end = self.hi if d > 0 else self.lo
        s = t = mpf(1)
        n = 0
        while k != end:
            r = self.step(self.cells(k), d)
            k += d
            t *= r
            s += t
            n += 1
            if t == 0 or (r < 1 and t < s * mpf(10) ** -30):
                return s
            if n >= 500 and abs(end - k) > 2000:
                kp = k + d
                return s + t * self.step(self.cells(k), d) * self.em(kp, d)
        return s

    def em(self, kp, d):
        """sum_{s >= 0} P(kp + d s)/P(kp) by Euler-Maclaurin."""
        c = self.cells(kp)
        sg = (1, -1, -1, 1)
        with hi_prec():
            cm = [mpf(x) for x in c]
            ld = [mpf(0), d * (self.u - sum(sg[i] * polygamma(0, cm[i] + 1)
                                            for i in range(4)))]
            for n in range(2, 21):
                ld.append(-(d ** n) * sum(sg[i] ** n * polygamma(n - 1, cm[i] + 1)
                                          for i in range(4)))
        # F = exp(L), F(0) = 1: F^(n+1) = sum_k C(n, k) L^(k+1) F^(n-k)
        fd = [mpf(1)]
        for n in range(20):
            fd.append(sum(binomial(n, k) * ld[k + 1] * fd[n - k] for k in range(n + 1)))
        lk = self.lw(kp)
        room = abs((self.hi if d > 0 else self.lo) - kp)
        f = lambda x: exp(self.lw(kp + d * x) - lk)
        scale = 1 / max(abs(ld[1]), sqrt(abs(ld[2])))
        pts, x = [mpf(0)], scale / 2
        while True:
            if x >= room:
                raise ValueError("density reaches the end of the support")
            pts.append(x)
            if self.lw(kp + d * x) - lk < -90:
                break
            x *= 3
        for _ in range(4):   # finer pieces until the estimate converges
            integral, err = quad(f, pts, method='gauss-legendre', error=True)
            if err <= TOL * integral:
                break
            pts = [pts[0]] + [p for a, b in zip(pts, pts[1:])
                              for p in (a + (b - a) / 3, a + 2 * (b - a) / 3, b)]
        tot = integral + mpf(1) / 2
        for j in range(1, 11):
            term = bernoulli(2 * j) / factorial(2 * j) * fd[2 * j - 1]
            tot -= term
            if j >= 3 and abs(term) < TOL * tot:
                break
        if abs(term) > TOL * tot or err > TOL * tot:
            raise ValueError("Euler-Maclaurin did not converge at %s (u %s): %s %s %s"
                             % (kp, self.u, term, err, tot))
        return tot

    def lp(self, k):
        return self.lw(k) - self.lmode - self.lz

    def tail(self, k, d):
        """P(X >= k) (d = +1) or P(X <= k) (d = -1)."""
        if (d > 0 and k <= self.lo) or (d < 0 and k >= self.hi):
            return mpf(1)
        if (d > 0 and k > self.hi) or (d < 0 and k < self.lo):
            return mpf(0)
        if (d > 0 and k > self.mode) or (d < 0 and k < self.mode):
            return exp(self.lp(k)) * self.sum_out(k, d)
        return 1 - exp(self.lp(k - d)) * self.sum_out(k - d, -d)

    def cut(self, k):
        """[cl, cr]: the tables more probable than P(k)(1 + 1e-7)."""
        c = self.lw(k) + TAU
        if self.lw(self.mode) <= c:
            return self.mode + 1, self.mode
        cl = self.lo
        if self.lw(self.lo) <= c:
            a, b = self.lo, self.mode
            while b - a > 1:
                m = (a + b) // 2
                if self.lw(m) <= c:
                    a = m
                else:
                    b = m
            cl = b
        cr = self.hi
        if self.lw(self.hi) <= c:
            a, b = self.mode, self.hi
            while b - a > 1:
                m = (a + b) // 2
                if self.lw(m) <= c:
                    b = m
                else:
                    a = m
            cr = a
        return cl, cr

    def outside(self, cl, cr):
        if cl > cr:
            return mpf(1)
        p = (self.tail(cl - 1, -1) if cl > self.lo else 0) + \
            (self.tail(cr + 1, +1) if cr < self.hi else 0)
        return min(p, mpf(1))


# ---------------------------------------------------------------- tests

def chisq_p(x2):
    return erfc(sqrt(mpf(x2) / 2))


def tests(x1, n1, x2, n2):
    out = []
    h = NCH(x1, n1, x2, n2, 0)
    cl, cr = h.cut(x1)
    out.append(("fisher", h.outside(cl, cr)))
    half = exp(h.lp(x1)) / 2
    lower = h.tail(x1, -1) - half      # P(X < x1) + P(x1)/2
    upper = h.tail(x1, +1) - half
    out.append(("fisher-midp", min(1, 2 * min(lower, upper))))
    a, b, c, d = x1, n1 - x1, x2, n2 - x2
    N, m, k = n1 + n2, a + c, b + d
    if m == 0 or k == 0:
        out.append(("score", mpf(1)))
        return out
    D = a * d - b * c
    x2s = Fraction(N * D * D, n1 * n2 * m * k)
    with mp.workdps(60):
        chi = chisq_p(x2s.numerator / mpf(x2s.denominator))
    out.append(("chi2", chi))
    out.append(("score", chi))
    Dy = max(abs(Fraction(D)) - Fraction(N, 2), Fraction(0))
    xy = N * Dy * Dy / (n1 * n2 * m * k)
    with mp.workdps(60):
        out.append(("chi2-yates", chisq_p(xy.numerator / mpf(xy.denominator))))
        g = 0
        for O, E in ((a, Fraction(n1 * m, N)), (b, Fraction(n1 * k, N)),
                     (c, Fraction(n2 * m, N)), (d, Fraction(n2 * k, N))):
            if O:
                g += O * log(mpf(O) * E.denominator / E.numerator)
        out.append(("g", chisq_p(2 * g)))
    return out


# ---------------------------------------------------------------- intervals

def zval(level):
    return sqrt(2) * erfinv(mpf(level))


def logit_ci(a, b, c, d, level):
    z = zval(level)
    u = log(mpf(a) * d / (mpf(b) * c))
    se = sqrt(mpf(1) / a + mpf(1) / b + mpf(1) / c + mpf(1) / d)
    return exp(u - z * se), exp(u + z * se)


def bracket_root(g, u0, step, sgn_out, inside):
    """A bracket [lo, hi] of the root of g from u0: outward while g has
    the sign `inside` (inside the interval), inward otherwise."""
    f0 = g(u0)
    way = sgn_out if (f0 > 0) == (inside > 0) else -sgn_out
    s = step
    while True:
        u1 = u0 + way * s
        f1 = g(u1)
        if (f1 > 0) != (f0 > 0):
            return (u0, u1) if u0 < u1 else (u1, u0)
        u0, f0, s = u1, f1, s * 2


def solve(g, u0, step, sgn_out, inside):
    lo, hi = bracket_root(g, u0, step, sgn_out, inside)
    return findroot(g, (lo, hi), solver="anderson", tol=mpf(10) ** -20,
                    maxsteps=200, verify=False)


def start(x1, n1, x2, n2):
    a, b, c, d = x1 + mpf(1) / 2, n1 - x1 + mpf(1) / 2, x2 + mpf(1) / 2, n2 - x2 + mpf(1) / 2
    return log(a * d / (b * c)), min(mpf(1), sqrt(1 / a + 1 / b + 1 / c + 1 / d))


def conditional(x1, n1, x2, n2, level, mid):
    h0 = NCH(x1, n1, x2, n2, 0)
    alpha2 = log((1 - mpf(level)) / 2)
    u0, se = start(x1, n1, x2, n2)
    z = zval(level)
    res = []
    for d, end in ((+1, h0.lo), (-1, h0.hi)):
        if x1 == end:
            res.append(mpf(0) if d > 0 else mpf('inf'))
            continue

        def g(u):
            h = NCH(x1, n1, x2, n2, u)
            t = h.tail(x1, d)
            if mid:
                t -= exp(h.lp(x1)) / 2
            return log(t) - alpha2
        # Start from the normal approximation's bound, a fifth of a standard
        # error inside it; step outward (the tail rises, lower bound, or
        # falls with u).
        guess = u0 - d * z * se * mpf(0.8)
        res.append(exp(solve(g, guess, se * z / 4, -d, +1)))
    return res


def mn_stat(x1, n1, x2, n2, psi):
    """Miettinen-Nurminen: (x1 - t)^2 sum 1/t_i over the fitted table."""
    m, N = x1 + x2, n1 + n2
    if psi == 1:
        t = mpf(n1) * m / N
    else:
        A = 1 - psi
        B = (n2 - m) + psi * (n1 + m)
        C = -psi * n1 * m
        disc = sqrt(B * B - 4 * A * C)
        lo, hi = max(0, m - n2), min(n1, m)
        cands = [(-B + disc) / (2 * A), (-B - disc) / (2 * A)]
        t = min(cands, key=lambda r: max(lo - r, r - hi, 0))
    cells = (t, n1 - t, m - t, n2 - m + t)
    return (x1 - t) ** 2 * sum(1 / c for c in cells)


def mn_ci(x1, n1, x2, n2, level):
    N = n1 + n2
    if (x1 == 0 and x2 == 0) or (x1 == n1 and x2 == n2):
        return mpf(0), mpf('inf')
    with mp.workdps(60):
        crit = zval(level) ** 2 * N / (N - 1)
        u0, se = start(x1, n1, x2, n2)
        zlo = x1 == 0 or x2 == n2
        zhi = x1 == n1 or x2 == 0
        if not (zlo or zhi):
            u0 = log(mpf(x1) * (n2 - x2) / (mpf(x2) * (n1 - x1)))
        g = lambda u: mn_stat(x1, n1, x2, n2, exp(u)) - crit
        res = []
        for d, zero in ((-1, zlo), (+1, zhi)):
            if zero:
                res.append(mpf(0) if d < 0 else mpf('inf'))
                continue
            # T rises on each side of the estimate (with a zero cell, from
            # the end where the estimate is)
            u = u0
            if zlo or zhi:
                s = se
                while g(u) > 0:
                    u -= d * s
                    s *= 2
            res.append(exp(solve(g, u, se, d, -1)))
        return res


# ---------------------------------------------------------------- baptista-pike

class BP:
    def __init__(self, x1, n1, x2, n2, level):
        self.t = (x1, n1, x2, n2)
        self.x1 = x1
        self.alpha = 1 - mpf(level)
        self.cache = {}

    def nch(self, u):
        if u not in self.cache:
            self.cache[u] = NCH(*self.t, u)
        return self.cache[u]

    def at(self, u):
        h = self.nch(u)
        cl, cr = h.cut(self.x1)
        return (u, cl, cr, h.outside(cl, cr))

    def outside(self, u, cl, cr):
        return self.nch(u).outside(cl, cr)

    def cross(self, out, inn, cl, cr):
        while abs(inn - out) > mpf(10) ** -16 * max(1, abs(inn)):
            c = (out + inn) / 2
            if self.outside(c, cl, cr) > self.alpha:
                inn = c
            else:
                out = c
        return inn

    def first(self, A, B):
        """Accepted u nearest to A (rejected) towards B, or None."""
        L, H = (A, B) if A[0] < B[0] else (B, A)
        cl, cr = 1, 0
        if H[1] <= H[2] and H[2] < self.x1:
            cl, cr = H[1], H[2]
        elif L[1] <= L[2] and L[1] > self.x1:
            cl, cr = L[1], L[2]
        bound = mpf(1)
        if cl <= cr:
            pa = A[3] if (cl, cr) == (A[1], A[2]) else self.outside(A[0], cl, cr)
            pb = B[3] if (cl, cr) == (B[1], B[2]) else self.outside(B[0], cl, cr)
            bound = max(pa, pb)
        if bound <= self.alpha:
            return None
        if (A[1], A[2]) == (B[1], B[2]):
            return self.cross(A[0], B[0], A[1], A[2]) if B[3] > self.alpha else None
        if abs(B[0] - A[0]) <= mpf(10) ** -16 * max(1, abs(B[0])):
            return B[0] if B[3] > self.alpha else None
        M = self.at((A[0] + B[0]) / 2)
        r = self.first(A, M)
        if r is not None:
            return r
        return M[0] if M[3] > self.alpha else self.first(M, B)


def bp_ci(x1, n1, x2, n2, level):
    h0 = NCH(x1, n1, x2, n2, 0)
    if h0.lo == h0.hi:
        return mpf(0), mpf('inf')
    if h0.hi - h0.lo <= 60:
        return bp_small(x1, n1, x2, n2, level, h0)
    return bp_search(BP(x1, n1, x2, n2, level), h0, x1)


def bp_search(b, h0, x1):
    n1, n2, x2 = h0.n1, h0.n2, h0.x2
    # where x1 is the mode: p = 1
    ml = -h0.lratio(x1 - 1) if x1 > h0.lo else None
    mh = -h0.lratio(x1) if x1 < h0.hi else None
    inn = (ml + mh) / 2 if ml is not None and mh is not None else (ml if mh is None else mh)
    u0, se = start(x1, n1, x2, n2)
    res = []
    for d, end in ((-1, h0.lo), (+1, h0.hi)):
        if x1 == end:
            res.append(mpf(0) if d < 0 else mpf('inf'))
            continue
        # Outward until everything beyond is rejected.  Lower end: table
        # k < x1 is more probable than x1 (within 1e-7) for u < u_k =
        # (lw0(k) - lw0(x1) - TAU)/(x1 - k) >= (lw0(lo) - lw0(x1))/(x1 - lo)
        # - 1e-7 (lw0 concave); below that every table but those >= x1
        # is, so p = P(X >= x1), which rises with u: once that is below
        # alpha, all below is rejected.  The upper end mirrors it.
        with hi_prec():
            edge = (h0.lw(end) - h0.lw(x1)) / (x1 - end) + d * 2 * mpf(10) ** -7
        s = se
        out = inn + d * s
        while True:
            if (out - edge) * d > 0 and b.nch(out).tail(x1, -d) < b.alpha:
                break
            s *= 2
            out = inn + d * s
        r = b.first(b.at(out), b.at(inn))
        res.append(exp(r if r is not None else inn))
    return res


def bp_small(x1, n1, x2, n2, level, h0):
    """Support of at most 60 tables: bp.py's exact segment walk."""
    with mp.workdps(40):
        return bpref.bp(x1, n1, x2, n2, str(level))


# ---------------------------------------------------------------- cases

T12 = 10 ** 12
H = M53 // 2
CASES = [
    # (x1, n1, x2, n2, levels, with baptista-pike)
    (M53 - 2, M53, 2, 2, (0.95,), True),          # issue 9: BP overran
    (M53, M53, 0, 1, (0.95,), True),               # issue 9: hang; midp p
    (1, 10, M53, M53, (0.95,), True),              # issue 9: or_lo 2.8e-19
    (M53 - 1, M53, 1, 10, (0.95,), True),
    (1, M53, 7, M53, (0.95,), False),
    (H, M53, H, M53, (0.5, 0.95, 0.999999), True),
    (H, M53, H + 2 ** 26, M53, (0.95,), False),
    (H, M53, H + 2 ** 28, M53, (0.95,), False),
    (10 ** 6, M53, 3, 10 ** 9, (0.95,), False),
    (H, M53, T12 // 2, T12, (0.95,), False),
    (T12 // 2, T12, T12 // 2, T12, (0.5, 0.95, 0.999999), True),
    (T12 // 2, T12, T12 // 2 + 10 ** 6, T12, (0.95,), True),
    (T12 // 2, T12, T12 // 2 + 3 * 10 ** 6, T12, (0.95,), False),
    (1, T12, 3, T12, (0.95,), False),
    (0, T12, 5, T12, (0.95,), False),
    (T12 - 1, T12, T12 - 10, T12, (0.95,), False),
    (T12, T12, T12 - 1, T12, (0.95,), False),
    (300000, T12, 200, 10 ** 6, (0.95,), True),
    (T12 // 2, T12, 5, 10, (0.95,), True),
    (123456789012, T12, 987654, 8000000, (0.95,), False),
    (5 * 10 ** 9, 10 ** 10, 5 * 10 ** 9 + 10 ** 5, 10 ** 10, (0.95,), True),
    (123456, 10 ** 14, 100, 10 ** 9, (0.95,), False),
    # where the tails start to be summed by Euler-Maclaurin (sd 100 to 3000)
    (100000, 400000, 101000, 400000, (0.95,), True),
    (1000000, 4000000, 1003000, 4000000, (0.95,), False),
    (40000000, 160000000, 40020000, 160000000, (0.95,), False),
    (2000000, 10 ** 9, 30000, 10 ** 7, (0.95,), False),
    (5 * 10 ** 13, 10 ** 14, 5 * 10 ** 13 + 10 ** 7, 10 ** 14, (0.95,), False),
]


def fmt(v):
    v = float(v)
    return "inf" if v == float('inf') else "%.17g" % v


def check_em():
    """Euler-Maclaurin against plain summation, and Vandermonde."""
    x1, n1, x2, n2 = 5 * 10 ** 7, 10 ** 8, 5 * 10 ** 7 + 3000, 10 ** 8
    h = NCH(x1, n1, x2, n2, 0)
    plain = mpf(0)
    with mp.workdps(30):
        t = mpf(1)
        k = h.mode
        while k < h.hi:
            t *= h.step(h.cells(k), +1)
            k += 1
            plain += t
            if t < mpf(10) ** -35:
                break
        em = h.sum_out(h.mode, +1) - 1
        rel = abs(em / plain - 1)
    print("huge_odds: Euler-Maclaurin vs plain sum at sd %.0f: %.2g" %
          (float(sqrt(mpf(n1) * n2 * (x1 + x2) * (n1 + n2 - x1 - x2)) / (n1 + n2) ** 1.5),
           float(rel)))
    for (x1, n1, x2, n2) in ((H, M53, H + 2 ** 26, M53), (T12 // 2, T12, T12 // 2, T12)):
        h = NCH(x1, n1, x2, n2, 0)
        m = x1 + x2
        with hi_prec():
            vdm = (loggamma(n1 + n2 + 1) - loggamma(m + 1) - loggamma(n1 + n2 - m + 1)
                   - loggamma(n1 + 1) - loggamma(n2 + 1))
            got = h.lmode + h.lz
            print("huge_odds: normaliser vs Vandermonde at n = %d: %.2g" %
                  (n1, float(abs(exp(got - vdm) - 1))))


def one_case(case):
    x1, n1, x2, n2, levels, with_bp = case
    tc = time.time()
    rows_t, rows_o = [], []
    for name, p in tests(x1, n1, x2, n2):
        rows_t.append("%s,%d,%d,%d,%d,%s,mpmath" % (name, x1, n1, x2, n2, fmt(p)))
    for level in levels:
        cells = (x1, n1 - x1, x2, n2 - x2)
        ivs = [("woolf", logit_ci(*cells, level) if all(cells) else (mpf(0), mpf('inf'))),
               ("gart", logit_ci(*[c + mpf(1) / 2 for c in cells], level)),
               ("mn", mn_ci(x1, n1, x2, n2, level)),
               ("exact", conditional(x1, n1, x2, n2, level, False)),
               ("midp", conditional(x1, n1, x2, n2, level, True))]
        if with_bp and level == 0.95:
            ivs.append(("baptista-pike", bp_ci(x1, n1, x2, n2, level)))
        for name, (lo, hi) in ivs:
            rows_o.append("%s,%d,%d,%d,%d,%s,%s,%s,mpmath" %
                          (name, x1, n1, x2, n2, level, fmt(lo), fmt(hi)))
    print("huge_odds: %d/%d vs %d/%d: %.0f s" % (x1, n1, x2, n2, time.time() - tc),
          file=sys.stderr, flush=True)
    return rows_t, rows_o


def check_bp():
    """Branch and bound against bp.py's segment walk (support <= 60)."""
    worst = 0
    for x1, n1, x2, n2 in ((2, 14, 1, 11), (5, 20, 12, 25), (1, 30, 20, 25),
                           (9, 40, 3, 41)):
        for level in (0.5, 0.95, 0.999):
            ref = bp_small(x1, n1, x2, n2, level, None)
            b = BP(x1, n1, x2, n2, level)
            h0 = NCH(x1, n1, x2, n2, 0)
            got = bp_search(b, h0, x1)
            for g, r in zip(got, ref):
                if r not in (0, mpf('inf')):
                    worst = max(worst, abs(g / r - 1))
                elif g != r:
                    worst = mpf('inf')
    print("huge_odds: baptista-pike branch and bound vs bp.py's segment walk, "
          "12 intervals: %.2g" % float(worst))


def main():
    outdir = sys.argv[1] if len(sys.argv) > 1 else "fixtures/refs"
    t0 = time.time()
    check_em()
    check_bp()
    with Pool(2) as pool:  # two cores, shared: no more
        done = pool.map(one_case, CASES, chunksize=1)
    rows_t = [r for t, _ in done for r in t]
    rows_o = [r for _, o in done for r in o]
    with open(outdir + "/huge-odds-test2x2.csv", "w") as f:
        f.write("method,x1,n1,x2,n2,p,ref\n")
        f.write("\n".join(rows_t) + "\n")
    with open(outdir + "/huge-odds.csv", "w") as f:
        f.write("method,x1,n1,x2,n2,level,lo,hi,ref\n")
        f.write("\n".join(rows_o) + "\n")
    print("huge_odds: %d p-values, %d intervals in %.0f s" %
          (len(rows_t), len(rows_o), time.time() - t0))


if __name__ == "__main__":
    main()
