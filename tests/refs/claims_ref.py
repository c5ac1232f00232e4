#!/usr/bin/python3
"""Independent reference for disp-check (issue 11): the verdict rule of
SPEC-disp-check.md and the `needed` ranges, from the definitions, in exact
rational arithmetic (fractions.Fraction), written without reference to any
C code.  Standard library only, except scipy for the beta/binomial
quantiles of two single-proportion intervals (exact, midp) and the
minimum-likelihood Fisher test on large tables (small ones are exact
rationals here).

  python3 tests/refs/claims_ref.py check [FILE...]
      recompute the verdict of every row of every claims file (default:
      every fixtures/claims/*.csv that is not a counts file) and compare
      it with `expect` (and, where present, expect_needed_lo/hi);
      a claims file NAME.csv is read with the counts table NAME-counts.csv
      when that file exists (as `disp-check -c NAME-counts.csv NAME.csv`).
      Prints one line per disagreement; exit 1 if any.
  python3 tests/refs/claims_ref.py generate [OUT]
      write fixtures/claims/generated.csv (fixed seed; deterministic).
  python3 tests/refs/claims_ref.py explain KIND VALUE X/N [X2/N2]
      one claim, as the immediate form: the verdict, the rule per
      rounding, and the needed events.
  python3 tests/refs/claims_ref.py selftest
      the parser, the rounding rules and the needed search against brute
      force on small totals.

Readings of the spec that it leaves open (each said in the report and
fixtures/claims/README.md): a published zero carries no sign (so "0" holds
for a small negative quantity); a ci holds by a rule when that rule gives
both published ends; an infinite quantity (rr with x2 = 0) fails every
"=" claim and passes ">"-type qualifiers; 0/0 is unverifiable; `needed`
searches 0 <= x <= n (and x <= X for share) with every other count fixed,
X too.
"""
import csv
import glob
import math
import os
import random
import re
import sys
from fractions import Fraction as F
from statistics import NormalDist

# --------------------------------------------------------------------------
# Values as publications write them

QUALS = [  # longest first where one is a prefix of another
    ("no more than", "<="), ("no fewer than", ">="), ("no less than", ">="),
    ("less than", "<"), ("fewer than", "<"), ("just under", "just under"),
    ("just over", "just over"), ("under", "<"), ("below", "<"),
    ("up to", "<="), ("at most", "<="), ("more than", ">"), ("over", ">"),
    ("above", ">"), ("at least", ">="), ("nearly", "nearly"),
    ("almost", "nearly"), ("about", "about"), ("around", "about"),
    ("approximately", "about"), ("roughly", "about"),
]
OPS = {"<=": "<=", ">=": ">=", "<": "<", ">": ">", "=": "=",
       "\u2264": "<=", "\u2265": ">="}
QUAL_COLUMN = dict(QUALS)
QUAL_COLUMN.update({k: v for k, v in OPS.items()})
QUAL_COLUMN[""] = "="

NUMWORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10}
WORDS = {"twice": F(2), "half": F(1, 2), "a third": F(1, 3),
         "one third": F(1, 3), "two-thirds": F(2, 3), "two thirds": F(2, 3),
         "a quarter": F(1, 4), "one quarter": F(1, 4),
         "three quarters": F(3, 4)}
for _w, _v in NUMWORDS.items():
    if _v >= 3:
        WORDS[_w + " times"] = F(_v)

NUM = r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?"


class Malformed(Exception):
    pass


class Num:
    """A number as written: exact value, precision (10^(e-d))."""

    def __init__(self, text):
        t = text.replace(",", "")
        m = re.fullmatch(r"([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?", t)
        if not m or (m.group(2) == "" and not m.group(3)):
            raise Malformed("not a number: %r" % text)
        sign, ip, fp, ex = m.group(1), m.group(2), m.group(3) or "", m.group(4)
        d = len(fp)
        e = int(ex) if ex else 0
        mant = F(int((ip or "0") + fp), 10 ** d)
        self.value = mant * F(10) ** e * (-1 if sign == "-" else 1)
        self.prec = F(10) ** (e - d)
        self.text = text
        self.neg = sign == "-"

    def __repr__(self):
        return "Num(%s, prec %s)" % (self.value, self.prec)


UNIT_SUFFIX = [  # (regex, unit)
    (r"\s*percentage points?$", "pts"), (r"\s*per ?cent$", "pct"),
    (r"\s*percent$", "pct"), (r"\s*%$", "pct"), (r"\s*points?$", "pts"),
    (r"\s*pp$", "pts"), (r"\s*times$", "times"), (r"\s*x$", "times"),
]


def split_unit(s):
    for rx, u in UNIT_SUFFIX:
        m = re.search(rx, s)
        if m and m.start() > 0:
            return s[:m.start()].strip(), u
    return s.strip(), None


def parse_value(raw, qual_col=""):
    """-> dict(qual, form, ...).  form: 'num' (num, unit), 'word' (w, scale
    unit), 'range' (lo, hi, unit), 'in' (num N, M), 'perk' (num, K)."""
    s = raw.strip().lower().replace("\u2013", "-").replace("\u2212", "-")
    s = re.sub(r"\s+", " ", s)
    q = None
    # leading p, p-value operators
    m = re.match(r"^p\s*(<=|>=|<|>|=|\u2264|\u2265)\s*", s)
    if m:
        q = OPS[m.group(1)]
        s = s[m.end():]
    else:
        m = re.match(r"^(<=|>=|<|>|=|\u2264|\u2265)\s*", s)
        if m:
            q = OPS[m.group(1)]
            s = s[m.end():]
    # filler words that carry no number (leading or trailing)
    changed = True
    while changed:
        changed = False
        for fw in ("only ", "some "):
            if s.startswith(fw):
                s, changed = s[len(fw):], True
        if s.startswith("just ") and not re.match(r"just (over|under)\b", s):
            s, changed = s[5:], True
        for fw in (" as likely", " more likely", " less likely"):
            if s.endswith(fw):
                s, changed = s[:-len(fw)], True
    if q is None:
        for w, op in QUALS:
            if s.startswith(w + " "):
                q = op
                s = s[len(w) + 1:]
                break
    qc = (qual_col or "").strip().lower()
    if qc:
        if qc not in QUAL_COLUMN:
            raise Malformed("unknown qualifier %r" % qual_col)
        qq = QUAL_COLUMN[qc]
        if q is not None and q != qq:
            raise Malformed("qualifier column %r and value %r disagree" % (qual_col, raw))
        q = qq
    q = q or "="
    s = s.strip()
    out = {"qual": q, "raw": raw}
    # words
    if s in WORDS:
        out.update(form="word", w=WORDS[s])
        return out
    m = re.fullmatch(r"(one|two|three|four|five|six|seven|eight|nine|ten) (?:in|out of) "
                     r"(one|two|three|four|five|six|seven|eight|nine|ten)", s)
    if m:
        out.update(form="word_in", w=F(NUMWORDS[m.group(1)]), M=F(NUMWORDS[m.group(2)]))
        return out
    # N in M
    m = re.fullmatch(r"(%s) (?:in|out of) (%s)" % (NUM, NUM), s)
    if m:
        out.update(form="in", num=Num(m.group(1)), M=Num(m.group(2)).value)
        return out
    # V per K (but not "per cent")
    m = re.fullmatch(r"(%s) per (%s)" % (NUM, NUM), s)
    if m:
        out.update(form="perk", num=Num(m.group(1)), K=Num(m.group(2)).value)
        return out
    # ranges
    rng = None
    m = re.fullmatch(r"\((.+?),\s+(.+?)\)", s)
    if m:
        rng = (m.group(1), m.group(2))
    if rng is None:
        m = re.fullmatch(r"between (.+?) and (.+)", s)
        if m:
            rng = (m.group(1), m.group(2))
    if rng is None:
        m = re.fullmatch(r"(.+?) to (.+)", s)
        if m:
            rng = (m.group(1), m.group(2))
    if rng is None:
        m = re.fullmatch(r"(%s\s*%%?)\s*-\s*(%s.*)" % (NUM, NUM), s)
        if m and m.group(1).strip() not in ("", "+", "-"):
            rng = (m.group(1), m.group(2))
    if rng is not None:
        a, ua = split_unit(rng[0])
        b, ub = split_unit(rng[1])
        if ua and ub and ua != ub:
            raise Malformed("range ends in different units: %r" % raw)
        if q != "=":
            raise Malformed("a qualifier with a range is not defined: %r" % raw)
        out.update(form="range", lo=Num(a), hi=Num(b), unit=ub or ua)
        return out
    body, unit = split_unit(s)
    if body in WORDS:
        out.update(form="word", w=WORDS[body], unit=unit)
        return out
    out.update(form="num", num=Num(body), unit=unit)
    return out


# --------------------------------------------------------------------------
# Rounding rules (on magnitudes, exact)

def r_half_up(c, p):
    t = c / p
    return math.floor(t + F(1, 2)) * p


def r_half_even(c, p):
    t = c / p
    f = math.floor(t)
    r = t - f
    if r > F(1, 2) or (r == F(1, 2) and f % 2 == 1):
        f += 1
    return f * p


def r_trunc(c, p):
    return math.floor(c / p) * p


RULES = (("half_up", r_half_up), ("half_even", r_half_even), ("trunc", r_trunc))


def signed(rule, c, p):
    return rule(c, p) if c >= 0 else -rule(-c, p)


def eq_rule(rule, c, v, p):
    """The rule gives the published v (magnitudes; signs must agree; a
    published zero carries no sign)."""
    if c == math.inf or c == -math.inf:
        return False
    if v != 0 and (c > 0) != (v > 0):
        return False
    return rule(abs(c), p) == abs(v)


def verdict_of(rules_ok):
    if rules_ok["half_up"] or rules_ok["half_even"]:
        return "consistent"
    if rules_ok["trunc"]:
        return "consistent_truncated"
    return "inconsistent"


def qual_holds(q, c, X):
    if isinstance(c, float) and math.isinf(c):
        return q in (">", ">=") if c > 0 else q in ("<", "<=")
    if q == "<":
        return c < X
    if q == "<=":
        return c <= X
    if q == ">":
        return c > X
    if q == ">=":
        return c >= X
    if q == "nearly":
        return F(9, 10) * X <= c < X
    if q == "about":
        return abs(c - X) <= F(1, 10) * X
    if q == "just over":
        return X < c <= F(21, 20) * X
    if q == "just under":
        return F(19, 20) * X <= c < X
    raise Malformed(q)


# --------------------------------------------------------------------------
# Kinds: the exact quantity as a fraction q, and the scale of the value

PCT_NATURAL = {"pct", "pct_more", "pct_less", "diff", "share"}
RATIO_KINDS = {"rr", "or", "ratio_of_shares"}
KINDS = PCT_NATURAL | RATIO_KINDS | {"rate", "per", "p", "ci"}


class Undefined(Exception):
    pass


def needs(kind):
    return {"pct": "x n", "rate": "x n", "per": "x n", "share": "x X",
            "rr": "x n x2 n2", "or": "x n x2 n2", "pct_more": "x n x2 n2",
            "pct_less": "x n x2 n2", "diff": "x n x2 n2",
            "ratio_of_shares": "x n X N", "p": "x n x2 n2",
            "ci": None}[kind].split()


def frac_q(kind, c):
    """The kind's quantity as a plain fraction/ratio; c: dict of counts."""
    x, n = c.get("x"), c.get("n")
    if kind in ("pct", "rate", "per"):
        if n == 0:
            raise Undefined("total 0")
        return F(x, n)
    if kind == "share":
        if c["X"] == 0:
            raise Undefined("all events 0")
        return F(x, c["X"])
    if kind == "ratio_of_shares":
        X, N = c["X"], c["N"]
        if X == 0 or N == 0 or n == 0:
            raise Undefined("zero share")
        return F(x, X) / F(n, N)
    x2, n2 = c["x2"], c["n2"]
    if n == 0 or n2 == 0:
        raise Undefined("total 0")
    if kind == "diff":
        return F(x, n) - F(x2, n2)
    if kind == "or":
        if x == n or x2 == 0:
            if x2 == n2 or x == 0:
                raise Undefined("0/0 odds ratio")
            return math.inf
        if x2 == n2:
            return F(0)
        return F(x, n - x) / F(x2, n2 - x2)
    # rr family
    if x2 == 0:
        if x == 0:
            raise Undefined("0/0 relative rate")
        rr = math.inf
    else:
        rr = F(x, n) / F(x2, n2)
    if kind == "rr":
        return rr
    if kind == "pct_more":
        return rr - 1 if rr != math.inf else math.inf
    if kind == "pct_less":
        return 1 - rr if rr != math.inf else -math.inf
    raise Malformed(kind)


def scale_of(kind, unit, per_col):
    if unit == "pct":
        if kind in RATIO_KINDS:
            raise Malformed("%% on a ratio kind (%s) is not defined" % kind)
        return F(100)
    if unit == "pts":
        if kind != "diff":
            raise Malformed("points on %s" % kind)
        return F(100)
    if unit == "times":
        if kind not in RATIO_KINDS:
            raise Malformed("times on %s" % kind)
        return F(1)
    if kind in PCT_NATURAL:
        return F(100)
    if kind == "per":
        if per_col is None:
            raise Malformed("per claim without K")
        return per_col
    return F(1)


def mul(s, q):
    if isinstance(q, float):
        return q if s > 0 else -q
    return s * q


# --------------------------------------------------------------------------
# Intervals and tests (doubles, for p and ci)

def zq(level):
    return NormalDist().inv_cdf(1 - (1 - float(level)) / 2)


def ci_wilson(x, n, z):
    p = x / n
    c = (p + z * z / (2 * n)) / (1 + z * z / n)
    h = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (0.0 if x == 0 else c - h, 1.0 if x == n else c + h)


def ci_wald(x, n, z):
    p = x / n
    h = z * math.sqrt(p * (1 - p) / n)
    return max(0.0, p - h), min(1.0, p + h)


def ci_wilson_cc(x, n, z):
    p = x / n
    q = 1 - p
    lo = 0.0 if x == 0 else (2 * n * p + z * z - 1 - z * math.sqrt(z * z - 2 - 1 / n + 4 * p * (n * q + 1))) / (2 * (n + z * z))
    hi = 1.0 if x == n else (2 * n * p + z * z + 1 + z * math.sqrt(z * z + 2 - 1 / n + 4 * p * (n * q - 1))) / (2 * (n + z * z))
    return max(0.0, lo), min(1.0, hi)


def ci_exact(x, n, z, alpha):
    from scipy.stats import beta
    lo = 0.0 if x == 0 else beta.ppf(alpha / 2, x, n - x + 1)
    hi = 1.0 if x == n else beta.isf(alpha / 2, x + 1, n - x)
    return float(lo), float(hi)


def ci_midp(x, n, z, alpha):
    from scipy.stats import binom
    from scipy.optimize import brentq

    def upper_tail(p):  # P(X > x) + P(X = x)/2
        return binom.sf(x, n, p) + binom.pmf(x, n, p) / 2

    lo = 0.0 if x == 0 else brentq(lambda p: upper_tail(p) - alpha / 2, 1e-15, 1 - 1e-15, xtol=1e-15)
    hi = 1.0 if x == n else brentq(lambda p: upper_tail(p) - (1 - alpha / 2), 1e-15, 1 - 1e-15, xtol=1e-15)
    return lo, hi


def ci_agresti_coull(x, n, z):
    nt = n + z * z
    pt = (x + z * z / 2) / nt
    h = z * math.sqrt(pt * (1 - pt) / nt)
    return max(0.0, pt - h), min(1.0, pt + h)


def rr_katz(x1, n1, x2, n2, z):
    r = (x1 / n1) / (x2 / n2)
    se = math.sqrt(1 / x1 - 1 / n1 + 1 / x2 - 1 / n2)
    return r * math.exp(-z * se), r * math.exp(z * se)


def rr_adjlog(x1, n1, x2, n2, z):
    return rr_katz(x1 + .5, n1 + .5, x2 + .5, n2 + .5, z)


def rr_bailey(x1, n1, x2, n2, z):
    p1, p2 = x1 / n1, x2 / n2
    q1, q2 = 1 - p1, 1 - p2
    r = p1 / p2
    root = math.sqrt(q1 / x1 + q2 / x2 - z * z * q1 * q2 / (9 * x1 * x2)) / 3
    den = 1 - z * z * q2 / (9 * x2)
    return r * ((1 - z * root) / den) ** 3, r * ((1 + z * root) / den) ** 3


def rr_score(x1, n1, x2, n2, z, mn=False):
    """Koopman's score interval (mn: the Miettinen-Nurminen N/(N-1))."""
    N = n1 + n2
    p1h, p2h = x1 / n1, x2 / n2

    def T(phi):
        a = N * phi
        b = -(phi * (n1 + x2) + x1 + n2)
        c = x1 + x2
        disc = max(b * b - 4 * a * c, 0.0)
        p2 = (-b - math.sqrt(disc)) / (2 * a)
        p1 = phi * p2
        v = p1 * (1 - p1) / n1 + phi * phi * p2 * (1 - p2) / n2
        if mn:
            v *= N / (N - 1)
        return (p1h - phi * p2h) ** 2 / v if v > 0 else math.inf

    r = p1h / p2h
    z2 = z * z

    lo_b = r
    while T(lo_b) < z2:
        lo_b /= 2
    hi_b = r
    while T(hi_b) < z2:
        hi_b *= 2
    return _bis(T, z2, lo_b, r), _bis(T, z2, r, hi_b)


def _bis(T, z2, a, b):
    """The root of T = z2 between a and b (one side of the estimate)."""
    la, lb = math.log(a), math.log(b)
    fa = T(a) - z2
    for _ in range(200):
        m = (la + lb) / 2
        fm = T(math.exp(m)) - z2
        if (fm < 0) == (fa < 0):
            la, fa = m, fm
        else:
            lb = m
    return math.exp((la + lb) / 2)


def or_woolf(x1, n1, x2, n2, z, add=0.0):
    a, b, c, d = x1 + add, n1 - x1 + add, x2 + add, n2 - x2 + add
    o = a * d / (b * c)
    se = math.sqrt(1 / a + 1 / b + 1 / c + 1 / d)
    return o * math.exp(-z * se), o * math.exp(z * se)


def rd_newcombe(x1, n1, x2, n2, z):
    p1, p2 = x1 / n1, x2 / n2
    l1, u1 = ci_wilson(x1, n1, z)
    l2, u2 = ci_wilson(x2, n2, z)
    d = p1 - p2
    return d - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2), d + math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)


def rd_wald(x1, n1, x2, n2, z):
    p1, p2 = x1 / n1, x2 / n2
    h = z * math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2)
    return p1 - p2 - h, p1 - p2 + h


def interval(method, c, level):
    fam, _, name = method.strip().partition(" ")
    fam, name = fam.strip(), name.strip()
    z = zq(level)
    alpha = 1 - float(level)
    x, n = c["x"], c["n"]
    if fam == "--ci":
        f = {"wilson": lambda: ci_wilson(x, n, z), "wald": lambda: ci_wald(x, n, z),
             "wilson-cc": lambda: ci_wilson_cc(x, n, z),
             "exact": lambda: ci_exact(x, n, z, alpha),
             "midp": lambda: ci_midp(x, n, z, alpha),
             "agresti-coull": lambda: ci_agresti_coull(x, n, z)}.get(name)
        return f() if f else None, "rate"
    x2, n2 = c["x2"], c["n2"]
    if fam == "--ratio":
        f = {"katz": rr_katz, "adj-log": rr_adjlog, "bailey": rr_bailey,
             "koopman": rr_score,
             "mn": lambda a, b, cc, d, z: rr_score(a, b, cc, d, z, mn=True)}.get(name)
        return (f(x, n, x2, n2, z) if f else None), "ratio"
    if fam == "--odds":
        f = {"woolf": or_woolf,
             "gart": lambda a, b, cc, d, z: or_woolf(a, b, cc, d, z, .5)}.get(name)
        return (f(x, n, x2, n2, z) if f else None), "ratio"
    if fam == "--diff":
        f = {"newcombe": rd_newcombe, "wald": rd_wald}.get(name)
        return (f(x, n, x2, n2, z) if f else None), "rate"
    raise Malformed("method %r" % method)


def lchoose(a, b):
    return math.lgamma(a + 1) - math.lgamma(b + 1) - math.lgamma(a - b + 1)


def fisher_p(x1, n1, x2, n2):
    """Two-sided by minimum likelihood: tables with the margins whose
    probability is <= the observed one times (1 + 1e-7)."""
    m = x1 + x2
    N = n1 + n2
    lo, hi = max(0, m - n2), min(m, n1)
    if min(m, N - m, n1, n2) <= 200:
        pr = [F(math.comb(n1, k) * math.comb(n2, m - k), math.comb(N, m)) for k in range(lo, hi + 1)]
        obs = pr[x1 - lo]
        return float(sum(p for p in pr if p <= obs * F(10 ** 7 + 1, 10 ** 7)))
    from scipy.stats import fisher_exact
    return float(fisher_exact([[x1, n1 - x1], [x2, n2 - x2]])[1])


def chi2_p(x1, n1, x2, n2, yates=False):
    a, b, c, d = x1, n1 - x1, x2, n2 - x2
    N = a + b + c + d
    den = (a + b) * (c + d) * (a + c) * (b + d)
    if den == 0:
        return 1.0
    diff = abs(a * d - b * c)
    if yates:
        diff = max(0.0, diff - N / 2)
    x2s = N * diff * diff / den
    return math.erfc(math.sqrt(x2s / 2))


def test_p(method, c):
    m = (method or "fisher").strip()
    if m.startswith("--test "):
        m = m[7:].strip()
    x, n, x2, n2 = c["x"], c["n"], c["x2"], c["n2"]
    if m == "fisher":
        return fisher_p(x, n, x2, n2)
    if m == "chi2":
        return chi2_p(x, n, x2, n2)
    if m == "chi2-yates":
        return chi2_p(x, n, x2, n2, True)
    raise Malformed("test %r not in the reference" % m)


# --------------------------------------------------------------------------
# One claim

def as_int(s):
    s = (s or "").strip()
    if s == "":
        return None
    if not re.fullmatch(r"\d+", s):
        raise Malformed("count %r" % s)
    return int(s)


def counts_of(row, table):
    """Row cells win over the counts table."""
    c = {}
    g, r = (row.get("group") or "").strip(), (row.get("ref") or "").strip()
    if table:
        if g in table["rows"]:
            c["x"], c["n"] = table["rows"][g]
        if r in table["rows"]:
            c["x2"], c["n2"] = table["rows"][r]
        c["X"], c["N"] = table["X"], table["N"]
    for col, key in (("events", "x"), ("total", "n"), ("ref_events", "x2"),
                     ("ref_total", "n2"), ("all_events", "X"), ("all_total", "N")):
        v = as_int(row.get(col))
        if v is not None:
            c[key] = v
    return c


def level_of(row):
    lv = (row.get("level") or "").strip()
    return F(lv) if lv else F(95, 100)


class Claim:
    def __init__(self, row, table=None):
        self.row = row
        self.kind = row["kind"].strip()
        if self.kind not in KINDS:
            raise Malformed("kind %r" % self.kind)
        self.v = parse_value(row["value"], row.get("qualifier", ""))
        per = (row.get("per") or "").strip()
        self.per_col = Num(per).value if per else None
        self.counts = counts_of(row, table)
        self.level = level_of(row)

    # -- the quantity in the value's unit, as a function of the group's x
    def scale(self):
        v = self.v
        if v["form"] == "in":
            return v["M"]
        if v["form"] == "word_in":
            return v["M"]
        if v["form"] == "perk":
            return v["K"]
        if v["form"] == "word":
            if self.kind in RATIO_KINDS or self.kind == "rate":
                return F(1)
            if self.kind in ("pct", "share"):
                # UNCLEAR in the spec: a word on a percent-unit kind;
                # read as the fraction ("two-thirds" of the group).
                return F(1)
            raise Malformed("a word on %s is not defined" % self.kind)
        return scale_of(self.kind, v.get("unit"), self.per_col)

    def quantity(self, x=None):
        c = dict(self.counts)
        if x is not None:
            # all events include the group's own: with the other groups'
            # events as given, they move with x (the lead's reading)
            if "X" in c and "x" in c:
                c["X"] = c["X"] - c["x"] + x
            c["x"] = x
        return mul(self.scale(), frac_q(self.kind, c))

    def missing(self):
        if self.kind == "ci":
            fam = self.ci_method().split()[0]
            need = ["x", "n"] if fam == "--ci" else ["x", "n", "x2", "n2"]
        else:
            need = needs(self.kind)
        return [k for k in need if k not in self.counts]

    # -- does the published value hold for quantity c, per rule
    def rules(self, c):
        v = self.v
        q = v["qual"]
        f = v["form"]
        if f in ("in", "word_in"):
            # N in M: M x/n against N at whole-number precision; "1 in M"
            # with no qualifier is one in every M: n/x rounds to M.
            N = v["num"].value if f == "in" else v["w"]
            M = v["M"]
            if q != "=":
                ok = qual_holds(q, c, N)
                return {"half_up": ok, "half_even": ok, "trunc": ok}, False
            if N == 1:
                if c == 0:
                    return {"half_up": False, "half_even": False, "trunc": False}, True
                rc = M / c
                return {name: eq_rule(rule, rc, M, F(1)) for name, rule in RULES}, True
            return {name: eq_rule(rule, c, N, F(1)) for name, rule in RULES}, True
        if f in ("word", "word_in"):
            w = v["w"]
            if q != "=":
                ok = qual_holds(q, c, w)
            else:
                ok = (not isinstance(c, float)) and abs(c - w) <= w / 20
            return {"half_up": ok, "half_even": ok, "trunc": ok}, q == "="
        if f == "range":
            lo, hi = v["lo"], v["hi"]
            res = {}
            for name, rule in RULES:
                if isinstance(c, float):
                    res[name] = False
                    continue
                res[name] = signed(rule, c, lo.prec) >= lo.value and signed(rule, c, hi.prec) <= hi.value
            return res, True
        num = v["num"]
        if q != "=":
            ok = qual_holds(q, c, num.value)
            return {"half_up": ok, "half_even": ok, "trunc": ok}, False
        return {name: eq_rule(rule, c, num.value, num.prec) for name, rule in RULES}, True

    def holds_any(self, c, only=None):
        r, _ = self.rules(c)
        if only:
            return r[only]
        return any(r.values())

    def verdict(self):
        """-> (verdict, detail)."""
        miss = self.missing()
        if miss:
            return "unverifiable", "missing " + " ".join(miss)
        if self.kind == "p":
            p = test_p(self.row.get("method"), self.counts)
            return self._verdict_float(p), "p=%.12g" % p
        if self.kind == "ci":
            return self._verdict_ci()
        try:
            c = self.quantity()
        except Undefined as e:
            # 0/0: the counts are there but give no value at all, so no
            # published figure follows from them.
            return "inconsistent", str(e)
        r, rounding = self.rules(c)
        if not rounding:
            return ("consistent" if r["half_up"] else "inconsistent"), "c=%s" % show(c)
        return verdict_of(r), "c=%s %s" % (show(c), r)

    def _verdict_float(self, p):
        c = F(p)  # the double, exactly
        r, rounding = self.rules(c)
        if not rounding:
            return "consistent" if r["half_up"] else "inconsistent"
        return verdict_of(r)

    def ci_method(self):
        """The row's method; by default --ratio koopman, or (a reading:
        the spec is silent) --ci wilson when the row has no reference."""
        m = (self.row.get("method") or "").strip()
        if m:
            return m
        if "x2" not in self.counts and "n2" not in self.counts:
            return "--ci wilson"
        return "--ratio koopman"

    def _verdict_ci(self):
        v = self.v
        if v["form"] != "range":
            raise Malformed("ci value must be an interval")
        method = self.ci_method()
        iv, what = interval(method, self.counts, self.level)
        if iv is None:
            raise Malformed("method %r not in the reference" % method)
        s = 100 if v.get("unit") == "pct" else 1
        lo_c, hi_c = F(iv[0] * s), F(iv[1] * s)
        res = {}
        for name, rule in RULES:
            res[name] = (eq_rule(rule, lo_c, v["lo"].value, v["lo"].prec)
                         and eq_rule(rule, hi_c, v["hi"].value, v["hi"].prec))
        return verdict_of(res), "ci=(%.10g, %.10g) %s" % (iv[0] * s, iv[1] * s, res)

    # -- needed: the group's events that make the claim hold (any rule)
    def xmax(self):
        """x runs over [0, n]; a share without a total, over [0, all
        events] when the group's events are unknown (all events fixed),
        else up to 2^53 (all events move with x)."""
        c = self.counts
        hi = c.get("n")
        if self.kind == "share" and hi is None:
            hi = 2 ** 53 if "x" in c else c["X"]
        return hi

    def needed(self, only=None):
        """(lo, hi) of x in [0, xmax] for which some rule (or the rule
        `only`) holds, or None.
        Binary search on the monotone quantity, the holding set convex."""
        if self.kind in ("p", "ci"):
            return None
        c = self.counts
        if "n" not in c and self.kind != "share":
            return None
        if any(k not in c for k in needs(self.kind) if k != "x"):
            return None
        xm = self.xmax()
        centre = self.centre()

        def cls(x):  # -1 below the set, 0 in it, +1 above
            try:
                q = self.quantity(x)
            except Undefined:
                return None
            if self.holds_any(q, only):
                return 0
            return -1 if q < centre else 1

        def qv(x):
            return self.quantity(x)

        try:
            inc = qv(xm) >= qv(0)
        except Undefined:
            inc = True
        # normalise to increasing: g(i) = cls at x(i)
        def g(i):
            x = i if inc else xm - i
            r = cls(x)
            return -1 if r is None else r
        # first i with g >= 0
        lo_i, hi_i = 0, xm + 1
        while lo_i < hi_i:
            mid = (lo_i + hi_i) // 2
            if g(mid) >= 0:
                hi_i = mid
            else:
                lo_i = mid + 1
        first = lo_i
        lo_i, hi_i = -1, xm
        while lo_i < hi_i:  # last i with g <= 0
            mid = (lo_i + hi_i + 1) // 2
            if g(mid) <= 0:
                lo_i = mid
            else:
                hi_i = mid - 1
        last = lo_i
        if first > last or first > xm or g(first) != 0:
            return None
        a, b = (first, last) if inc else (xm - last, xm - first)
        return a, b

    def centre(self):
        v = self.v
        q = v["qual"]
        if v["form"] in ("word", "word_in"):
            X = v["w"]
        elif v["form"] == "range":
            return (v["lo"].value + v["hi"].value) / 2
        else:
            X = v["num"].value
        if q in ("=", "about"):
            return X
        if q in ("<", "<="):
            return X - abs(X) - 1
        if q in (">", ">="):
            return X + abs(X) + 1
        if q == "nearly":
            return F(19, 20) * X
        if q == "just over":
            return F(41, 40) * X
        if q == "just under":
            return F(39, 40) * X
        raise Malformed(q)


def show(c):
    if isinstance(c, float):
        return repr(c)
    return "%s (%.10g)" % (c, float(c))


# --------------------------------------------------------------------------
# Files

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CLAIMS = os.path.join(ROOT, "fixtures", "claims")


def read_counts(path):
    with open(path, newline="") as f:
        rd = csv.DictReader(f)
        gcol = rd.fieldnames[0]
        rows = {}
        for r in rd:
            rows[r[gcol].strip()] = (int(r["events"]), int(r["total"]))
    return {"rows": rows, "X": sum(a for a, _ in rows.values()),
            "N": sum(b for _, b in rows.values())}


def check_file(path, out):
    base = path[:-4]
    cpath = base + "-counts.csv"
    table = read_counts(cpath) if os.path.exists(cpath) else None
    bad = 0
    n = 0
    with open(path, newline="") as f:
        rd = csv.DictReader(f)
        for line, row in enumerate(rd, start=2):
            n += 1
            exp = (row.get("expect") or "").strip()
            try:
                cl = Claim(row, table)
                got, detail = cl.verdict()
            except Malformed as e:
                got, detail = "malformed", str(e)
            if got != exp:
                bad += 1
                out.write("%s:%d: %s: expect %s, reference %s (%s)\n"
                          % (os.path.relpath(path, ROOT), line, row.get("id"), exp, got, detail))
                continue
            if "expect_needed_lo" in row:
                nd = cl.needed()
                want = (row["expect_needed_lo"], row["expect_needed_hi"])
                gotn = ("", "") if nd is None else (str(nd[0]), str(nd[1]))
                if gotn != want:
                    bad += 1
                    out.write("%s:%d: %s: expect needed %s-%s, reference %s-%s\n"
                              % (os.path.relpath(path, ROOT), line, row.get("id"), want[0], want[1], gotn[0], gotn[1]))
    return n, bad


def cmd_check(files):
    if not files:
        files = sorted(p for p in glob.glob(os.path.join(CLAIMS, "*.csv"))
                       if not p.endswith("-counts.csv"))
    total = bad = 0
    for p in files:
        n, b = check_file(p, sys.stdout)
        print("# %s: %d claims, %d disagreements" % (os.path.relpath(p, ROOT), n, b))
        total += n
        bad += b
    print("%d passed, %d failed" % (total - bad, bad))
    return 1 if bad else 0


# --------------------------------------------------------------------------
# The generated file

GEN_COLS = ["id", "kind", "value", "qualifier", "events", "total", "ref_events",
            "ref_total", "all_events", "all_total", "per", "expect",
            "expect_needed_lo", "expect_needed_hi"]


def fmt_dec(v, d, seps=False):
    """Exact decimal string of a Fraction v that has at most d decimals."""
    neg = v < 0
    v = abs(v)
    k = v * 10 ** d
    assert k.denominator == 1, (v, d)
    k = k.numerator
    ip, fp = divmod(k, 10 ** d)
    s = ("{:,}".format(ip) if seps else str(ip))
    if d:
        s += "." + str(fp).rjust(d, "0")
    return ("-" if neg else "") + s


def loguniform(rng, lo, hi):
    return int(round(math.exp(rng.uniform(math.log(lo), math.log(hi)))))


class Gen:
    def __init__(self, seed=11):
        self.rng = random.Random(seed)
        self.rows = []

    def ref_rate(self):
        """x2/n2 with a small reduced denominator, n2 up to 10^9."""
        rng = self.rng
        b = rng.choice([2, 3, 4, 5, 8, 10, 16, 20, 25, 40, 50, 100, 125, 200, 1000, 1024, 10000])
        a = rng.randint(1, b - 1) if b > 1 else 1
        g = math.gcd(a, b)
        a, b = a // g, b // g
        m = loguniform(rng, 1, max(1, 10 ** 9 // b))
        return a * m, b * m

    def layout(self, kind):
        """unit choice -> (scale h(r) = A r + B as (A, B), unit text fn)."""
        rng = self.rng
        per = ""
        if kind == "pct":
            suf = rng.choice(["%", "%", "%", "", " per cent", " percent"])
            return F(100), F(0), suf, per, None
        if kind == "rate":
            if rng.random() < 0.5:
                return F(1), F(0), "", per, None
            return F(100), F(0), rng.choice(["%", " per cent"]), per, None
        if kind == "per":
            K = rng.choice([100, 1000, 10000, 100000, 1000000])
            if rng.random() < 0.5:
                return F(K), F(0), "", str(K), None
            return F(K), F(0), " per {:,}".format(K), "", None
        if kind == "share":
            return F(100), F(0), rng.choice(["%", "%", ""]), per, None
        x2, n2 = self.ref_rate()
        r2 = F(x2, n2)
        if kind == "rr":
            return 1 / r2, F(0), rng.choice(["", "", " times", "x"]), per, (x2, n2)
        if kind == "pct_more":
            return 100 / r2, F(-100), rng.choice(["%", "%", ""]), per, (x2, n2)
        if kind == "pct_less":
            return -100 / r2, F(100), rng.choice(["%", "%", ""]), per, (x2, n2)
        if kind == "diff":
            return F(100), -100 * r2, rng.choice([" points", "pp", " percentage points", ""]), per, (x2, n2)
        raise ValueError(kind)

    TYPICAL = {"pct": (0, 100), "rate": (0, 100), "per": (0, 10 ** 6), "share": (0, 100),
               "rr": (0, 5), "pct_more": (-100, 400), "pct_less": (-150, 100), "diff": (-100, 100)}

    def one(self, kind, mode):
        rng = self.rng
        A, B, suf, per, ref = self.layout(kind)
        lo_c, hi_c = sorted((B, A + B))  # the quantity over 0 <= x/n <= 1
        tmin, tmax = self.TYPICAL[kind]
        tmin, tmax = max(tmin, lo_c), min(tmax, hi_c)
        d = rng.choice([0, 0, 1, 1, 2, 2, 3])
        p = F(1, 10 ** d)
        X = None
        for _ in range(200):
            t = F(rng.uniform(float(tmin), float(tmax)))
            k = math.floor(abs(t) / p)
            sg = -1 if t < 0 else 1
            if mode in ("tie", "tie1"):
                cs = sg * (k + F(1, 2)) * p
            elif mode in ("edge", "edge1"):
                cs = sg * k * p
            elif mode == "qual":
                X = sg * max(k, 1) * p
                cs = X * rng.choice([F(1), F(1), F(9, 10), F(11, 10), F(21, 20), F(19, 20)])
            else:
                cs = None
            if cs is not None:
                r = (cs - B) / A
                if not (0 <= r <= 1) or r.denominator > 10 ** 9:
                    continue
                m = loguniform(rng, 1, max(1, 10 ** 9 // r.denominator))
                n = r.denominator * m
                x = r.numerator * m
                if mode in ("tie1", "edge1") or (mode == "qual" and rng.random() < 0.4):
                    x += rng.choice([-1, 1])
                    if not (0 <= x <= n):
                        continue
            else:
                n = loguniform(rng, 1, 10 ** 9)
                x = rng.randint(0, n)
            c = A * F(x, n) + B
            break
        else:
            return None
        row = {k: "" for k in GEN_COLS}
        row["kind"] = kind
        if kind == "share":
            Xall = n  # all events; the group's total and all totals <= 10^9
            room = 10 ** 9 - (Xall - x)
            nn = rng.randint(x, max(x, min(room, x + loguniform(rng, 1, 10 ** 9))))
            N = nn + (Xall - x)
            N += rng.randint(0, max(0, min(10 ** 9 - N, loguniform(rng, 1, 10 ** 9))))
            row.update(events=x, total=nn, all_events=Xall, all_total=N)
        else:
            row.update(events=x, total=n)
        if ref:
            row.update(ref_events=ref[0], ref_total=ref[1])
        row["per"] = per
        if mode == "qual":
            qname, op = rng.choice(QUALS + [("<", "<"), (">", ">"), ("<=", "<="), (">=", ">=")])
            if X < 0 and op in ("nearly", "about", "just over", "just under"):
                X = -X  # these windows are written for a positive X
            val = fmt_dec(X, d) + suf
            if rng.random() < 0.5:
                row["qualifier"] = qname
            else:
                row["value"] = qname + " " + val
                return row
            row["value"] = val
            return row
        rule = rng.choice([r_half_up, r_half_even, r_trunc])
        pub = signed(rule, c, p)
        if mode == "random" and rng.random() < 0.3:
            pub += rng.choice([-p, p])
        if mode in ("tie", "tie1") and rng.random() < 0.15:
            pub += rng.choice([-p, p])
        if kind in ("pct_more", "pct_less", "diff") and pub == 0:
            pub = p if c >= 0 else -p  # no published zero on a signed kind
        seps = abs(pub) >= 1000 and rng.random() < 0.5
        row["value"] = fmt_dec(pub, d, seps) + suf
        return row

    def words_rows(self):
        """a few rr claims in words at the 5% edges."""
        out = []
        for w, v in (("twice", F(2)), ("half", F(1, 2)), ("three times", F(3)), ("ten times", F(10))):
            for c in (v * F(19, 20), v * F(21, 20), v * F(189, 200), v * F(211, 200), v):
                x2, n2 = self.ref_rate()
                r = c * F(x2, n2)
                if r > 1:
                    continue
                m = loguniform(self.rng, 1, max(1, 10 ** 9 // r.denominator))
                n = r.denominator * m
                x = r.numerator * m
                row = {k: "" for k in GEN_COLS}
                row.update(kind="rr", value=w + (" as likely" if self.rng.random() < 0.3 else ""),
                           events=x, total=n, ref_events=x2, ref_total=n2)
                out.append(row)
        return out

    def in_rows(self):
        out = []
        for N_, M_ in ((1, 5), (1, 3), (3, 10), (1, 1000), (2, 3), (1, 8)):
            # the rounding edges of M x/n against N, and for "1 in M" (one
            # in every M) those of n/x against M: n/x = M -/+ 1/2, M + 1
            fracs = (F(N_, M_), F(2 * N_ - 1, 2 * M_), F(2 * N_ + 1, 2 * M_), F(N_ + 1, M_))
            if N_ == 1:
                fracs += (F(2, 2 * M_ - 1), F(2, 2 * M_ + 1), F(1, M_ + 1))
            for frac in fracs:
                if frac > 1 or frac < 0:
                    continue
                m = loguniform(self.rng, 1, max(1, 10 ** 9 // frac.denominator))
                n = frac.denominator * m
                for x in (frac.numerator * m, frac.numerator * m - 1, frac.numerator * m + 1):
                    if 0 <= x <= n:
                        row = {k: "" for k in GEN_COLS}
                        row.update(kind=self.rng.choice(["pct", "rate"]),
                                   value="%d %s %s" % (N_, self.rng.choice(["in", "in", "out of"]), "{:,}".format(M_)),
                                   events=x, total=n)
                        out.append(row)
        return out

    def run(self, count=2000):
        kinds = ["pct", "rate", "per", "rr", "pct_more", "pct_less", "diff", "share"]
        modes = ["tie"] * 4 + ["tie1"] * 3 + ["edge"] * 2 + ["edge1"] * 3 + ["random"] * 3 + ["qual"] * 3
        rows = self.words_rows() + self.in_rows()
        while len(rows) < count:
            r = self.one(self.rng.choice(kinds), self.rng.choice(modes))
            if r is not None:
                rows.append(r)
        for i, r in enumerate(rows, 1):
            r["id"] = "g%04d" % i
            cl = Claim({k: str(v) for k, v in r.items()})
            v, _ = cl.verdict()
            r["expect"] = v
            nd = cl.needed()
            r["expect_needed_lo"], r["expect_needed_hi"] = ("", "") if nd is None else nd
        return rows


def cmd_generate(out=None):
    out = out or os.path.join(CLAIMS, "generated.csv")
    rows = Gen().run()
    with open(out, "w", newline="") as f:
        w = csv.DictWriter(f, GEN_COLS, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow(r)
    from collections import Counter
    print("wrote %s: %d claims; %s" % (os.path.relpath(out, ROOT), len(rows),
                                      dict(Counter(r["expect"] for r in rows))))
    return 0


# --------------------------------------------------------------------------
# Immediate form and self-test

def cmd_explain(args):
    kind, value = args[0], args[1]
    row = {"id": "-", "kind": kind, "value": value}
    for s, keys in zip(args[2:], (("events", "total"), ("ref_events", "ref_total"))):
        a, b = s.split("/")
        row[keys[0]], row[keys[1]] = a, b
    cl = Claim(row)
    v, detail = cl.verdict()
    print(v, detail)
    print("needed (any rule):", cl.needed())
    for name, _ in RULES:
        print("needed (%s):" % name, cl.needed(name))
    return 0


def brute_needed(cl):
    xm = cl.xmax()
    ok = []
    for x in range(0, xm + 1):
        try:
            if cl.holds_any(cl.quantity(x)):
                ok.append(x)
        except Undefined:
            pass
    if not ok:
        return None
    assert ok == list(range(ok[0], ok[-1] + 1)), "holding set not contiguous"
    return ok[0], ok[-1]


def cmd_selftest():
    bad = 0

    def t(cond, what):
        nonlocal bad
        if not cond:
            bad += 1
            print("not ok -", what)

    t(Num("1,809").value == 1809 and Num("1,809").prec == 1, "thousands")
    t(Num(".001").value == F(1, 1000) and Num(".001").prec == F(1, 1000), "leading point")
    t(Num("3.5e-214").prec == F(1, 10 ** 215), "exponent precision")
    t(r_half_up(F(25, 2), F(1)) == 13 and r_half_even(F(25, 2), F(1)) == 12 and r_trunc(F(25, 2), F(1)) == 12, "12.5")
    t(r_half_even(F(75, 2), F(1)) == 38, "37.5 half-even")
    for raw, form in (("55-60%", "range"), ("55% to 60%", "range"), ("between 55 and 60%", "range"),
                      ("(1.43, 2.30)", "range"), ("1.43-2.30", "range"), ("1 in 5", "in"),
                      ("one in five", "word_in"), ("3.5 per 1,000", "perk"), ("twice", "word"),
                      ("p<.001", "num"), ("-3.2 points", "num"), ("81% more likely", "num"),
                      ("twice as likely", "word"), ("more than twice", "word"), ("5 per cent", "num"),
                      ("3.5e-214", "num"), ("-5%", "num"), ("6pp", "num"), ("1.82x", "num")):
        try:
            pv = parse_value(raw)
            t(pv["form"] == form, "parse %r -> %s (got %s)" % (raw, form, pv["form"]))
        except Malformed as e:
            t(False, "parse %r: %s" % (raw, e))
    t(parse_value("p<.001")["qual"] == "<", "p< qualifier")
    t(parse_value("more than twice")["qual"] == ">", "more than twice")
    t(parse_value("just over 500")["qual"] == "just over", "just over")
    t(parse_value("just 5%")["qual"] == "=", "just alone is filler")
    # the spec's own examples
    cl = Claim({"kind": "pct", "value": "0.71%", "events": "13", "total": "1809"})
    t(cl.verdict()[0] == "consistent_truncated", "casey 0.71%")
    t(cl.needed() == (13, 13), "casey needed 13")
    # needed against brute force on small totals
    rng = random.Random(5)
    kinds = ["pct", "rate", "per", "rr", "pct_more", "pct_less", "diff", "share"]
    for i in range(3000):
        kind = rng.choice(kinds)
        n = rng.randint(1, 400)
        x = rng.randint(0, n)
        row = {"kind": kind, "events": str(x), "total": str(n)}
        if kind in ("rr", "pct_more", "pct_less", "diff"):
            n2 = rng.randint(1, 400)
            row.update(ref_events=str(rng.randint(1, n2)), ref_total=str(n2))
        if kind == "share":
            row.update(all_events=str(x + rng.randint(0, 300)))
        if kind == "per":
            row["per"] = rng.choice(["100", "1000"])
        d = rng.choice([0, 1, 2])
        try:
            c = Claim(dict(row, value="1")).quantity()
        except Undefined:
            continue
        v = r_half_up(abs(c), F(1, 10 ** d)) * (1 if c >= 0 else -1) + rng.choice([0, 0, F(1, 10 ** d), -F(1, 10 ** d)])
        qual = rng.choice(["", "", "", "<", "nearly", "about", "just over", "just under", ">="])
        if qual in ("nearly", "about", "just over", "just under") and v <= 0:
            qual = ""
        if kind in ("pct_more", "pct_less", "diff") and v == 0:
            continue
        row["value"] = fmt_dec(v, d)
        row["qualifier"] = qual
        cl = Claim(row)
        bn = brute_needed(cl)
        nd = cl.needed()
        t(bn == nd, "needed %r: search %r brute %r" % (row, nd, bn))
    # intervals against the published values
    z = zq(F(95, 100))
    lo, hi = ci_wilson(81, 263, z)
    t(round(lo, 4) == 0.2553 and round(hi, 4) == 0.3662, "wilson 81/263")
    lo, hi = rd_newcombe(56, 70, 48, 80, z)
    t(round(lo, 4) == 0.0524 and round(hi, 4) == 0.3339, "newcombe 56/70-48/80")
    lo, hi = rr_score(189, 11034, 104, 11037, z)
    t(abs(lo - 1.4339038158932405) < 1e-9 and abs(hi - 2.3047128550098765) < 1e-9, "koopman PHS %r %r" % (lo, hi))
    t(abs(fisher_p(3, 4, 1, 4) - 34 / 70) < 1e-15, "tea p")
    # a second implementation of the rounding rules (decimal's quantize at
    # 80 digits) on every plain-number claim of generated.csv
    import decimal
    gen = os.path.join(CLAIMS, "generated.csv")
    checked = 0
    if os.path.exists(gen):
        ctx = decimal.Context(prec=80)
        modes = {"half_up": decimal.ROUND_HALF_UP, "half_even": decimal.ROUND_HALF_EVEN,
                 "trunc": decimal.ROUND_DOWN}
        with open(gen, newline="") as f:
            for row in csv.DictReader(f):
                cl = Claim(row)
                if cl.v["form"] not in ("num", "perk", "in") or cl.v["qual"] != "=":
                    continue
                c = cl.quantity()
                num = cl.v["num"]
                if cl.v["form"] == "in" and num.value == 1:   # one in every M
                    if c == 0:
                        continue
                    c, num = cl.v["M"] / c, Num(str(cl.v["M"]))
                dc = ctx.divide(decimal.Decimal(c.numerator), decimal.Decimal(c.denominator))
                pub = decimal.Decimal(num.value.numerator) / decimal.Decimal(num.value.denominator)
                exp = decimal.Decimal(1).scaleb(-len(str(num.prec.denominator)) + 1)
                ok = {}
                for name, mode in modes.items():
                    r = abs(dc).quantize(exp, rounding=mode, context=ctx)
                    ok[name] = r == abs(pub) and (pub == 0 or (dc > 0) == (pub > 0))
                want = verdict_of(ok)
                t(want == row["expect"], "decimal cross-check %s: %s vs %s" % (row["id"], want, row["expect"]))
                checked += 1
    print("# decimal cross-check: %d claims" % checked)
    # needed of generated.csv against brute force where the total is small
    brute = 0
    if os.path.exists(gen):
        with open(gen, newline="") as f:
            for row in csv.DictReader(f):
                cl = Claim(row)
                if cl.xmax() is not None and cl.xmax() <= 5000:
                    bn = brute_needed(cl)
                    want = ("", "") if bn is None else (str(bn[0]), str(bn[1]))
                    t(want == (row["expect_needed_lo"], row["expect_needed_hi"]),
                      "needed brute force %s: %s" % (row["id"], want))
                    brute += 1
    print("# needed by brute force: %d generated claims" % brute)
    print("selftest: %d failed" % bad)
    return 1 if bad else 0


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    cmd = argv[1]
    if cmd == "check":
        return cmd_check(argv[2:])
    if cmd == "generate":
        return cmd_generate(argv[2] if len(argv) > 2 else None)
    if cmd == "explain":
        return cmd_explain(argv[2:])
    if cmd == "selftest":
        return cmd_selftest()
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
