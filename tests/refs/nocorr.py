"""Score intervals without Miettinen and Nurminen's N/(N-1) variance factor,
at 50 digits, for the tables of DIR/tables.csv: --diff mee (Mee 1984) ->
fixtures/refs/nocorr-diff.csv, --odds score -> fixtures/refs/nocorr-odds.csv.

Both are {theta : T(theta) <= z^2}, T the statistics of mn.py (loaded
without running its main: the constrained MLE of the difference by the
Illinois method on its score equation, the odds ratio's fitted table by
its quadratic), each bound bracketed and refined as there.  statsmodels'
confint_proportions_2indep(method='score', correction=False) is compared
where it returns finite bounds and the differences printed: it is stored
nowhere (its difference solves the constrained MLE by a trigonometric
cubic and can miss, as for mn).
Usage: python3 nocorr.py DIR"""
import sys
import warnings

from mpmath import mp, mpf, sqrt, log, tanh, atanh, exp, erfinv, inf


def load(name):
    """The definitions of another generator, without running its main()."""
    src = open("tests/refs/" + name).read()
    src = src[:src.rindex("\nmain(")]
    ns = {"__name__": name}
    exec(compile(src, name, "exec"), ns)
    return ns


MN = load("mn.py")
mp.dps = 50


def interval(which, x1, n1, x2, n2, z):
    crit = z * z
    if which == "diff":
        st = lambda t: MN["rd_stat"](x1, n1, x2, n2, t)
        u0 = atanh(mpf(x1 + .5) / (n1 + 1) - mpf(x2 + .5) / (n2 + 1))
        lo = mpf(-1) if x1 == 0 and x2 == n2 else MN["bound"](st, crit, u0, tanh, -1)
        hi = mpf(1) if x1 == n1 and x2 == 0 else MN["bound"](st, crit, u0, tanh, +1)
        return lo, hi
    if x1 + x2 == 0 or x1 + x2 == n1 + n2:
        return mpf(0), inf
    st = lambda t: MN["or_stat"](x1, n1, x2, n2, t)
    u0 = log((mpf(x1 + .5) / (n1 - x1 + .5)) / (mpf(x2 + .5) / (n2 - x2 + .5)))
    lo = mpf(0) if x1 == 0 or x2 == n2 else MN["bound"](st, crit, u0, exp, -1)
    hi = inf if x1 == n1 or x2 == 0 else MN["bound"](st, crit, u0, exp, +1)
    return lo, hi


def main(d):
    warnings.simplefilter("ignore")
    from statsmodels.stats.proportion import confint_proportions_2indep
    tables = [l for l in open(d + "/tables.csv").read().splitlines()[1:]]
    for which, name, compare in (("diff", "mee", "diff"), ("odds", "score", "odds-ratio")):
        rows, worst, compared = ["method,x1,n1,x2,n2,level,lo,hi,ref"], (0, ""), 0
        for l in tables:
            f = l.split(",")
            x1, n1, x2, n2 = map(int, f[:4])
            z = sqrt(2) * erfinv(mpf(f[4]))
            lo, hi = interval(which, x1, n1, x2, n2, z)
            g = lambda v: "inf" if v == inf else "%.17g" % float(v)
            rows.append("%s,%s,%s,%s,mpmath" % (name, l, g(lo), g(hi)))
            try:
                s = confint_proportions_2indep(x1, n1, x2, n2, compare=compare,
                                               method="score", correction=False,
                                               alpha=1 - float(f[4]))
                if all(v == v and abs(v) != float("inf") for v in s):
                    compared += 1
                    for a, b in zip(s, (lo, hi)):
                        e = 0 if b == 0 or b == inf else abs(float(a) - float(b)) / abs(float(b))
                        worst = max(worst, (e, l))
            except Exception:
                pass
        with open("fixtures/refs/nocorr-%s.csv" % which, "w") as fp:
            fp.write("\n".join(rows) + "\n")
        print("nocorr-%s: %s: %d tables at 50 digits; statsmodels correction=False "
              "(finite on %d) max relative difference %.3g (%s)"
              % (which, name, len(rows) - 1, compared, worst[0], worst[1]))


main(sys.argv[1])
