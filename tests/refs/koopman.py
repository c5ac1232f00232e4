"""Koopman (1984) score interval for a ratio of two binomial proportions,
computed from its definition at 40 significant digits with mpmath (Debian
python3-mpmath), for the tables in fixtures/refs/tables.part.

The set of phi with T(phi) <= z^2, where T is the Pearson chi-square of the
table fitted under p1 = phi p2 (fitted values: the Miettinen-Nurminen 1985
closed form).  Each bound is found by bisection in log(phi) to 1e-30.
statsmodels' confint_proportions_2indep(method='score', compare='ratio',
correction=False) implements the same interval in double precision; it is
compared where it returns finite values (it misbehaves on zero cells), and
the largest relative difference is printed to stderr.

Writes fixtures/refs/ratio-koopman.part (rows for ratio.csv)."""
import sys
import warnings
from mpmath import mp, mpf, sqrt, log, exp, erfinv, inf

mp.dps = 40


def stat(x1, n1, x2, n2, phi):
    A = (n1 + n2) * phi
    B = -(n1 * phi + x1 + n2 + x2 * phi)
    C = x1 + x2
    disc = B * B - 4 * A * C
    p2 = (-B - sqrt(max(disc, 0))) / (2 * A)
    p1 = min(phi * p2, mpf(1))
    p2 = min(p2, mpf(1))
    d = x1 / n1 - phi * x2 / n2
    v = p1 * (1 - p1) / n1 + phi * phi * p2 * (1 - p2) / n2
    return d * d / v if v > 0 else (mpf(0) if d == 0 else inf)


def bound(x1, n1, x2, n2, crit, start, direction):
    f = lambda u: stat(x1, n1, x2, n2, exp(u)) - crit
    inside = start
    step = mpf(1)
    while not f(inside) < 0:          # zero cells: walk in from a guess
        inside -= direction * step
        step *= 2
    step = mpf(1)
    while not f(inside + direction * step) > 0:
        step *= 2
    a, b = inside, inside + direction * step
    while abs(b - a) > mpf(10) ** -30:
        c = (a + b) / 2
        if f(c) < 0:
            a = c
        else:
            b = c
    return exp((a + b) / 2)


def koopman(x1, n1, x2, n2, level):
    x1, n1, x2, n2 = map(mpf, (x1, n1, x2, n2))
    z = sqrt(2) * erfinv(mpf(level))
    crit = z * z
    if x1 == 0 and x2 == 0:
        return mpf(0), inf
    if x1 == n1 and x2 == n2:
        return n1 / (n1 + crit), 1 + crit / n2
    u0 = log((x1 / n1) / (x2 / n2)) if x1 > 0 and x2 > 0 else None
    lo = mpf(0) if x1 == 0 else bound(
        x1, n1, x2, n2, crit, log(x1 / n1 * n2) if x2 == 0 else u0, -1)
    hi = inf if x2 == 0 else bound(
        x1, n1, x2, n2, crit, log(n2 / (x2 * n1)) if x1 == 0 else u0, +1)
    return lo, hi


def g17(v):
    return "inf" if v == inf else "%.17g" % float(v)


def main():
    from statsmodels.stats.proportion import confint_proportions_2indep
    rows, worst = [], 0.0
    with open("fixtures/refs/tables.part") as fp:
        next(fp)
        for i, line in enumerate(fp, 1):
            x1, n1, x2, n2 = (int(float(v)) for v in line.split(","))
            level = 0.9 if i % 5 == 0 else 0.99 if i % 7 == 0 else 0.95
            lo, hi = koopman(x1, n1, x2, n2, level)
            rows.append("koopman,%d,%d,%d,%d,%s,%s,%s,mpmath" %
                        (x1, n1, x2, n2, level, g17(lo), g17(hi)))
            if x1 > 0 and x2 > 0:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    try:
                        s = confint_proportions_2indep(
                            x1, n1, x2, n2, method="score", compare="ratio",
                            alpha=1 - level, correction=False)
                    except Exception:
                        continue
                for ref, got in zip((lo, hi), s):
                    got = complex(got)
                    if got.imag == 0 and abs(got.real) < 1e300:
                        worst = max(worst, abs(got.real - float(ref)) / float(ref))
    with open("fixtures/refs/ratio-koopman.part", "w") as out:
        out.write("\n".join(rows) + "\n")
    print("koopman: %d tables; statsmodels max relative difference %.3g "
          "(tables with x1, x2 > 0)" % (len(rows), worst), file=sys.stderr)


main()
