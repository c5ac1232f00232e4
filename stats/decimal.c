/*
 * decimal.c - exact rationals against published decimals (see decimal.h).
 *
 * A rational num/den is expanded at the decimal's precision by long
 * division: C = (num/den) 10^scale = Q + f with Q an integer and f in
 * [0, 1), and only f's place against 0 and 1/2 matters for rounding.
 */
#include "decimal.h"

#include <math.h>

/* Denominators stay below this, so that 10 r (r < den) cannot overflow. */
#define DEN_MAX ((dsp_u128)1 << 123)
/* Q past this is "huge": above any published digits. */
#define Q_SAT ((dsp_u128)1 << 125)

static dsp_u128 gcd(dsp_u128 a, dsp_u128 b)
{
	while (b) {
		dsp_u128 t = a % b;
		a = b, b = t;
	}
	return a;
}

static const dsp_rational UNDEFINED = {0, 0, 0};

dsp_rational dsp_q(dsp_u128 a, dsp_u128 b, int neg)
{
	if (b == 0)
		return (dsp_rational){a != 0, 0, neg && a != 0};
	dsp_u128 g = gcd(a, b);
	a /= g, b /= g;
	if (b >= DEN_MAX)
		return UNDEFINED;
	return (dsp_rational){a, b, neg && a != 0};
}

dsp_rational dsp_q_mul(dsp_rational p, dsp_u128 f)
{
	if (!dsp_q_defined(p))
		return UNDEFINED;
	if (p.den == 0)
		return f ? p : UNDEFINED;   /* inf times 0 is undefined */
	dsp_u128 g = gcd(f, p.den), n;
	if (__builtin_mul_overflow(p.num, f / g, &n))
		return UNDEFINED;
	return dsp_q(n, p.den / g, p.neg);
}

int dsp_q_defined(dsp_rational q)
{
	return q.den != 0 || q.num != 0;
}

double dsp_q_double(dsp_rational q)
{
	if (!dsp_q_defined(q))
		return NAN;
	double v = q.den == 0 ? INFINITY : (double)q.num / (double)q.den;
	/* Large parts lose digits in (double) conversion; divide first. */
	if (q.den && (q.num >> 100 || q.den >> 100))
		v = (double)(q.num / q.den) + (double)(q.num % q.den) / (double)q.den;
	return q.neg ? -v : v;
}

/* The expansion of a magnitude at 10^scale: Q (saturated), and f's class:
 * 0 when f = 0, 1 below 1/2, 2 at 1/2, 3 above. */
struct expansion {
	dsp_u128 q;
	int huge, frac;
};

static dsp_u128 pow10u(int k)
{
	dsp_u128 p = 1;
	while (k-- > 0)
		p *= 10;
	return p;
}

static struct expansion expand(dsp_u128 num, dsp_u128 den, int scale)
{
	struct expansion e = {num / den, 0, 0};
	dsp_u128 r = num % den;
	if (scale >= 0) {
		for (int i = 0; i < scale; i++) {
			if (e.q >= Q_SAT / 10)
				e.huge = 1;
			r *= 10;
			e.q = e.huge ? e.q : e.q * 10 + r / den;
			r %= den;
		}
		e.frac = r == 0 ? 0 : 2 * r < den ? 1 : 2 * r == den ? 2 : 3;
		return e;
	}
	/* scale < 0: C = (I + r/den) / 10^k. */
	int k = -scale;
	dsp_u128 m = e.q;
	if (k >= 39) {             /* 10^k > 2^128: every I is below it */
		e.q = 0;
		e.frac = m == 0 && r == 0 ? 0 : 1;
		return e;
	}
	dsp_u128 p = pow10u(k), half = p / 2;
	e.q = m / p;
	m %= p;
	e.frac = m == 0 && r == 0 ? 0 : m < half ? 1 : m == half ? (r == 0 ? 2 : 3) : 3;
	return e;
}

/* Signed comparison of (neg, magnitude; huge) with d. */
static int signed_cmp(int neg, dsp_u128 mag, int huge, dsp_decimal d)
{
	int zero = mag == 0 && !huge, dzero = d.digits == 0;
	if (zero && dzero)
		return 0;
	int sa = zero ? 0 : neg ? -1 : 1, sb = dzero ? 0 : d.neg ? -1 : 1;
	if (sa != sb)
		return sa < sb ? -1 : 1;
	int c = huge || mag > d.digits ? 1 : mag < d.digits ? -1 : 0;
	return sa < 0 ? -c : c;
}

static dsp_u128 rounded(struct expansion e, int rule)
{
	if (rule == DSP_HALF_UP)
		return e.q + (e.frac >= 2);
	if (rule == DSP_HALF_EVEN)
		return e.q + (e.frac == 3 || (e.frac == 2 && (e.q & 1)));
	return e.q;
}

int dsp_q_round_cmp(dsp_rational q, dsp_decimal d, int rule)
{
	if (!dsp_q_defined(q))
		return 2;
	if (q.den == 0)
		return q.neg ? -1 : 1;
	struct expansion e = expand(q.num, q.den, d.scale);
	return signed_cmp(q.neg, rounded(e, rule), e.huge, d);
}

int dsp_q_cmp(dsp_rational q, dsp_decimal d)
{
	if (!dsp_q_defined(q))
		return 2;
	if (q.den == 0)
		return q.neg ? -1 : 1;
	struct expansion e = expand(q.num, q.den, d.scale);
	int c = signed_cmp(q.neg, e.q, e.huge, d);
	/* Equal integer parts: a fractional remainder puts q further from
	 * zero than d. */
	if (c == 0 && e.frac != 0)
		return q.neg ? -1 : 1;
	return c;
}

/* A real number's expansion, in long double. */
static int x_expand(double x, int scale, struct expansion *e)
{
	if (isnan(x))
		return 0;
	*e = (struct expansion){0, 0, 0};
	if (x == 0)
		return 1;   /* at any scale: 10^scale may be inf, and 0 inf nan */
	long double c = fabsl((long double)x) * powl(10.0L, (long double)scale);
	if (isinf(c) || c >= 1e37L) {
		e->huge = 1;
		return 1;
	}
	long double q = floorl(c), f = c - q;
	e->q = (dsp_u128)q;
	e->frac = f == 0 ? 0 : f < 0.5L ? 1 : f == 0.5L ? 2 : 3;
	return 1;
}

int dsp_x_round_cmp(double x, dsp_decimal d, int rule)
{
	struct expansion e;
	if (!x_expand(x, d.scale, &e))
		return 2;
	return signed_cmp(x < 0, e.huge ? 0 : rounded(e, rule), e.huge, d);
}

int dsp_x_cmp(double x, dsp_decimal d)
{
	struct expansion e;
	if (!x_expand(x, d.scale, &e))
		return 2;
	int c = signed_cmp(x < 0, e.q, e.huge, d);
	if (c == 0 && e.frac != 0)
		return x < 0 ? -1 : 1;
	return c;
}

static int to_decimal(int neg, struct expansion e, int scale, int rule,
		      dsp_decimal *out)
{
	dsp_u128 r = rounded(e, rule);
	if (e.huge || r > UINT64_MAX)
		return -1;
	*out = (dsp_decimal){(uint64_t)r, scale, neg && r != 0};
	return 0;
}

int dsp_q_round(dsp_rational q, int scale, int rule, dsp_decimal *out)
{
	if (!dsp_q_defined(q) || q.den == 0)
		return -1;
	return to_decimal(q.neg, expand(q.num, q.den, scale), scale, rule, out);
}

int dsp_x_round(double x, int scale, int rule, dsp_decimal *out)
{
	struct expansion e;
	if (!x_expand(x, scale, &e))
		return -1;
	return to_decimal(x < 0, e, scale, rule, out);
}

double dsp_decimal_double(dsp_decimal d)
{
	double v = (double)d.digits * pow(10.0, -d.scale);
	return d.neg ? -v : v;
}
