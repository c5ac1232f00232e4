#!/usr/bin/env python3
"""Reference values for tests/unit/test_fuzzed.c, the findings of the
numeric harness (tests/fuzz/fuzz_stats.c), computed here with mpmath from
the definitions, independently of stats/.  Run: python3 tests/refs/fuzzed.py

1. The exact conditional interval of a common odds ratio (Mehta, Patel and
   Gray 1985; R's mantelhaen.test with exact = TRUE): given the margins of
   each stratum, the sum of the x1 is a sum of independent noncentral
   hypergeometric counts; the bounds are the odds ratios at which
   P(sum >= x) and P(sum <= x) are (1 - level)/2.  Each law is summed in
   full where its support is small, and from the bottom of its support,
   where all its mass lies at these odds ratios, until terms fall below
   1e-80 of the total, where it is 10^9 wide.
2. DerSimonian and Laird's tau2 from phi (funnel.h): (k phi - (k - 1)) /
   (sum w - sum w^2 / sum w), in exact rationals.
3. The Breslow-Day statistic (Breslow and Day 1980): sum over strata of
   (x1 - A)^2 / Var, A and Var the mean and variance of the fitted table
   at the Mantel-Haenszel odds ratio (exact rationals), the fitted cells
   from the quadratic at 60 digits; p from the chi-square on strata - 1
   df.
4. Laud's (2017) stratified skewness-corrected score at the null (ratio
   1), where each stratum's fitted table is its pooled rate p = m/N:
   weights u = (n1 n2 / N) / sum, S = x1/n1 - x2/n2, V = p q (1/n1 + 1/n2)
   N/(N - 1), mu3 = p q (q - p) (1/n1^2 - 1/n2^2); t = sum u S / sqrt(sum
   u^2 V), A = sum u^3 mu3 / (6 (sum u^2 V)^(3/2)), and the corrected
   score c = 2 (t + A) / (1 + sqrt(1 + 4 A (t + A))); p = 2 Phi(-|c|).
"""
from fractions import Fraction
from mpmath import mp, mpf, binomial, log, exp

mp.dps = 60


def nch_terms(x1, n1, x2, n2, psi, kmax=None):
    """The unnormalised noncentral hypergeometric weights of x1 given the
    margins, over its support from the bottom, as a list (k0, [w...])."""
    m = x1 + x2
    lo, hi = max(0, m - n2), min(n1, m)
    w, k = [], lo
    t = binomial(n1, k) * binomial(n2, m - k) * psi ** k
    total = mpf(0)
    while k <= hi:
        w.append(t)
        total += t
        if kmax is None and hi - lo > 10**5 and k > lo + 10 and t < total * mpf(10) ** -80:
            break
        # the ratio of consecutive weights
        t = t * mpf(n1 - k) * (m - k) / ((k + 1) * mpf(n2 - m + k + 1)) * psi
        k += 1
    return lo, w


def sum_law(strata, psi):
    lo, law = 0, [mpf(1)]
    for s in strata:
        k0, w = nch_terms(*s, psi)
        out = [mpf(0)] * (len(law) + len(w) - 1)
        for i, a in enumerate(law):
            for j, b in enumerate(w):
                out[i + j] += a * b
        lo, law = lo + k0, out
    tot = sum(law)
    return lo, [v / tot for v in law]


def tail(strata, lpsi, x, upper):
    lo, law = sum_law(strata, exp(lpsi))
    return sum(v for i, v in enumerate(law) if (lo + i >= x if upper else lo + i <= x))


def bound(strata, level, side, a, b):
    """side -1: the lower bound, P(sum >= x) = alpha/2 (rises with psi);
    +1: the upper, P(sum <= x) = alpha/2 (falls with psi).  Bisection in
    log psi on [a, b]."""
    x = sum(s[0] for s in strata)
    t = (1 - mpf(level)) / 2
    f = lambda l: (tail(strata, l, x, True) - t) if side < 0 else (t - tail(strata, l, x, False))
    fa = f(a)
    assert fa * f(b) < 0, "not bracketed"
    for _ in range(120):
        mid = (a + b) / 2
        fm = f(mid)
        if (fm < 0) == (fa < 0):
            a, fa = mid, fm
        else:
            b = mid
    return exp((a + b) / 2)


if __name__ == "__main__":
    # Finding: a stratum of 0 of 10^9 - 1 against 10^9 - 2 of 10^9 - 1 beside
    # a small one (the start of the search far from the bound).
    strata = [(0, 999999999, 999999998, 999999999), (5, 10, 3, 10)]
    lo = bound(strata, mpf("0.95"), -1, mpf(-60), mpf(-20))
    hi1 = bound(strata[:1], mpf("0.95"), +1, mpf(-60), mpf(-20))
    print("strata exact 0/999999999 vs 999999998/999999999 alone, 0.95: hi %s" % mp.nstr(hi1, 20))
    hi = bound(strata, mpf("0.95"), +1, mpf(-60), mpf(-20))
    print("strata exact 0/999999999 vs 999999998/999999999, 5/10 vs 3/10, 0.95:")
    print("  lo %s\n  hi %s" % (mp.nstr(lo, 20), mp.nstr(hi, 20)))

    # Finding: tau2 with one weight 4e20 times the others'.
    w = [Fraction(1), Fraction(4 * 10**20), Fraction(1)]
    sw = sum(w)
    tau2 = (3 * 5 - 2) / (sw - sum(v * v for v in w) / sw)
    print("tau2 k 3, w 1 4e20 1, phi 5: %s" % mp.nstr(mpf(tau2.numerator) / tau2.denominator, 20))

    # Finding: Breslow-Day was nan: at an odds ratio of 1.3e8 a fitted cell
    # of 4.7e-17 beside a cell of 2 cancelled to 0.
    from mpmath import sqrt, gammainc
    strata = [(0, 2, 999999999, 1000000000), (614010425, 614010425, 2, 999999999),
              (0, 614010425, 1, 1)]
    R = sum(Fraction(x1 * (n2 - x2), n1 + n2) for x1, n1, x2, n2 in strata)
    S = sum(Fraction(x2 * (n1 - x1), n1 + n2) for x1, n1, x2, n2 in strata)
    psi = mpf(R.numerator) / R.denominator / (mpf(S.numerator) / S.denominator)
    x2 = mpf(0)
    for x1, n1, xx2, n2 in strata:
        a, b, c, d = mpf(x1), mpf(n1 - x1), mpf(xx2), mpf(n2 - xx2)
        B, C = a + d + psi * (b + c), a * d - psi * b * c
        delta = 2 * C / (B + sqrt(B * B - 4 * (1 - psi) * C))
        v = 1 / (1 / (a - delta) + 1 / (b + delta) + 1 / (c + delta) + 1 / (d - delta))
        x2 += delta ** 2 / v
    # Q(x2, 2 df) = exp(-x2 / 2)
    print("breslow-day, 3 strata at or %s: X^2 %s, p %s" % (mp.nstr(psi, 12), mp.nstr(x2, 12),
          mp.nstr(exp(-x2 / 2), 5)))

    # Finding: the stratified scas interval missed the ratio 1, accepted
    # (|c| below z) but isolated in doubles.
    from mpmath import erfc
    strata = [(1, 1, 0, 999999999), (2, 2, 999999999, 999999999),
              (999999999, 999999999, 999999999, 999999999),
              (999999999, 999999999, 999999999, 999999999)]
    W = sum(mpf(n1) * n2 / (n1 + n2) for x1, n1, x2, n2 in strata)
    num = var = m3 = mpf(0)
    for x1, n1, x2, n2 in strata:
        N = mpf(n1 + n2)
        u = mpf(n1) * n2 / N / W
        pp = (x1 + x2) / N
        qq = 1 - pp
        num += u * (mpf(x1) / n1 - mpf(x2) / n2)
        var += u * u * pp * qq * (mpf(1) / n1 + mpf(1) / n2) * N / (N - 1)
        m3 += u ** 3 * pp * qq * (qq - pp) * (mpf(1) / n1 ** 2 - mpf(1) / n2 ** 2)
    t = num / sqrt(var)
    A = m3 / (6 * var * sqrt(var))
    c = 2 * (t + A) / (1 + sqrt(1 + 4 * A * (t + A)))
    print("scas at ratio 1, 1/1 vs 0/999999999 and full strata: c %s, p %s" % (
        mp.nstr(c, 17), mp.nstr(erfc(abs(c) / sqrt(2)), 17)))

