"""The k x 2 tables of fixtures/refs/table.csv (disp-test), written to
DIR/table-cases.csv as id,events,totals,scores,exact (space-separated
lists; scores empty when the trend test is not run; exact 1 when the
exact test's reference is to be computed).  Deterministic (seed 20261212).

Families: published tables; small random tables (k = 2..7, totals up to
40: exact by enumeration); medium ones near the null (totals to 2000);
one small group beside two huge ones (exact by mpmath at 10^6..10^9);
large tables (totals to 10^9 and 2^53) for the asymptotic tests, many
nearly proportional (where O - E cancels); groups with total 0 (left
out); one event or one non-event in all; tables with tied probabilities
(equal totals).  Tables with no events or only events (a zero margin)
are not here: every statistic there is 0/0 (see disp-test(1)), and the
unit tests check that."""
import random
import sys

rng = random.Random(20261212)
cases = []


def add(x, n, scores=None, exact=True):
    assert len(x) == len(n) and all(0 <= a <= b for a, b in zip(x, n))
    kept = [(a, b) for a, b in zip(x, n) if b > 0]
    m, N = sum(a for a, _ in kept), sum(b for _, b in kept)
    if len(kept) < 2 or m == 0 or m == N:
        return
    if scores is None:
        scores = list(range(1, len(x) + 1))
    cases.append((x, n, scores, exact))


def loguni(lo, hi):
    import math
    return int(round(math.exp(rng.uniform(math.log(lo), math.log(hi)))))


# Published tables.
# Agresti (2007) An Introduction to Categorical Data Analysis, 2nd ed.,
# Table 2.7: malformation by alcohol consumption, scores 0, 0.5, 1.5, 4, 7.
add([48, 38, 5, 1, 1], [17114, 14502, 793, 127, 38], ["0", "0.5", "1.5", "4", "7"])
# Fleiss (1981) p. 139, R's prop.trend.test example: smokers of patients.
add([83, 90, 129, 70], [86, 93, 136, 82])
# Stop and search 2016/17 (fixtures/stop-search-2016-17.csv): arrests of
# searches by ethnicity; the exact test is beyond any enumeration.
add([11982, 26765, 4657, 2117, 814], [54532, 167229, 28768, 10365, 5259], exact=False)

# Small random tables: every table can be enumerated.
for _ in range(220):
    k = rng.randint(2, 7)
    top = 40 if k <= 4 else 15 if k == 5 else 8
    n = [rng.randint(0 if rng.random() < 0.05 else 1, top) for _ in range(k)]
    x = [rng.randint(0, b) for b in n]
    add(x, n)
# Medium tables near the null, k = 2..4.
for _ in range(120):
    k = rng.randint(2, 4)
    n = [loguni(10, 2000 if k <= 3 else 120) for _ in range(k)]
    p = rng.uniform(0.02, 0.6)
    x = [min(b, max(0, int(round(b * p + rng.gauss(0, 1.5) * (b * p * (1 - p)) ** 0.5))))
         for b in n]
    add(x, n, exact=True)
# Medium tables far from the null (small p-values), k = 2..3.
for _ in range(40):
    k = rng.randint(2, 3)
    n = [loguni(20, 800) for _ in range(k)]
    x = [rng.randint(0, b) for b in n]
    add(x, n)
# One small group beside two huge ones: exact by mpmath.
for big in (10**5, 10**6, 10**8, 10**9):
    for _ in range(2):
        n0 = rng.randint(3, 12)
        n = [n0, big + rng.randint(0, big // 3), big - rng.randint(0, big // 3)]
        p = rng.uniform(0.1, 0.5)
        x = [rng.randint(0, n0)] + [int(round(b * p + rng.gauss(0, 2) * (b * p * (1 - p)) ** 0.5))
                                    for b in n[1:]]
        add(x, n)
# Large tables for the asymptotic tests.
for _ in range(150):
    k = rng.randint(2, 8)
    n = [loguni(1000, 10**9) for _ in range(k)]
    p = rng.uniform(1e-4, 0.9)
    z = rng.uniform(0, 8)
    x = [min(b, max(0, int(round(b * p + rng.gauss(0, 1) * z * (b * p * (1 - p)) ** 0.5))))
         for b in n]
    add(x, n, exact=False)
# Nearly proportional rows at up to 2^53: O - E is a few units of 10^15.
for _ in range(60):
    k = rng.randint(2, 5)
    base = [rng.randint(1, 9) for _ in range(k)]
    scale = rng.choice([10**12, 10**14, 2**49, 2**53 // 9])
    n = [b * scale for b in base]
    num, den = rng.randint(1, 20), 21
    x = [b * scale * num // den + rng.randint(-3, 3) for b in base]
    add(x, n, exact=False)
# Exactly proportional rows: every statistic is exactly 0, p = 1.
add([1, 2, 3], [10, 20, 30])
add([10**12, 2 * 10**12], [3 * 10**12, 6 * 10**12], exact=False)
# Huge counts, not near the null (p underflows or nearly).
add([2**52, 2**51], [2**53, 2**53], exact=False)
add([123456789012345, 123456789012999, 7], [987654321098765, 987654321099999, 9], exact=False)
# A tiny group with all or none of the events beside huge ones (E far
# from O: where log(O/E) must not be formed from O - E).
for big in (10**6, 10**9, 2**53):
    for a in (1, 3, 31):
        add([a, 0], [a, big], exact=False)
        add([0, a], [big, 10 * a], exact=False)
        add([a, 0, big // 7], [a, big, big // 3], exact=False)
# Groups with total 0 (left out), one event, one non-event.
add([3, 0, 5, 0], [10, 0, 12, 4])
add([0, 1, 0, 0], [5, 7, 3, 9])
add([5, 7, 2, 9], [5, 7, 3, 9])
add([1, 0], [1, 1])
add([0, 0, 1], [1, 1, 1])
# Ties: equal totals, so permuted tables are equally probable.
add([2, 5, 8], [10, 10, 10])
add([0, 10, 5, 5], [10, 10, 10, 10])
add([3, 3, 3, 4], [6, 6, 6, 6])
add([1, 2, 3, 4, 5, 6], [6, 6, 6, 6, 6, 6])
# Scores that are not 1..k: negative, unequal, fractional, tied.
for _ in range(30):
    k = rng.randint(3, 6)
    n = [rng.randint(1, 300) for _ in range(k)]
    x = [rng.randint(0, b) for b in n]
    sc = [rng.choice(["-2", "-0.5", "0", "0.25", "1", "1.5", "3", "10", "100"]) for _ in range(k)]
    if len(set(sc)) > 1:
        add(x, n, sc, exact=all(b <= 40 for b in n))

out = open(sys.argv[1] + "/table-cases.csv", "w")
out.write("id,events,totals,scores,exact\n")
for i, (x, n, s, e) in enumerate(cases):
    out.write("%d,%s,%s,%s,%d\n" % (i, " ".join(map(str, x)), " ".join(map(str, n)),
                                     " ".join(map(str, s)), int(e)))
print("table cases: %d" % len(cases), file=sys.stderr)
