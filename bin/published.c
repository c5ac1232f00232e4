/*
 * published.c - reading a published figure (see published.h).
 *
 * The string is lowered to ASCII lower case and read left to right: an
 * optional "p" and qualifier, filler words, one number or word (or two,
 * as a range), a unit, and trailing filler ("as likely", "more likely").
 * Anything left over is an error: a figure is never half read.
 */
#include "published.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* Qualifier words, longest first where one is the start of another. */
static const struct { const char *w; pub_qual q; } QUALS[] = {
	{"just over", PUB_JUST_OVER}, {"just under", PUB_JUST_UNDER},
	{"no more than", PUB_LE}, {"no fewer than", PUB_GE}, {"no less than", PUB_GE},
	{"more than", PUB_GT}, {"fewer than", PUB_LT}, {"less than", PUB_LT},
	{"at least", PUB_GE}, {"at most", PUB_LE}, {"up to", PUB_LE},
	{"over", PUB_GT}, {"above", PUB_GT}, {"under", PUB_LT}, {"below", PUB_LT},
	{"nearly", PUB_NEARLY}, {"almost", PUB_NEARLY},
	{"about", PUB_ABOUT}, {"around", PUB_ABOUT}, {"approximately", PUB_ABOUT},
	{"roughly", PUB_ABOUT},
	{"<=", PUB_LE}, {">=", PUB_GE}, {"\xE2\x89\xA4", PUB_LE}, {"\xE2\x89\xA5", PUB_GE},
	{"<", PUB_LT}, {">", PUB_GT}, {"=", PUB_EQ}};

/* Words that carry no number. */
static const char *const FILLER[] = {"only", "just", "some", "as likely",
	"more likely", "less likely", "likely", "as"};

/* Number words and fraction words. */
static const char *const NUMWORD[] = {"zero", "one", "two", "three", "four",
	"five", "six", "seven", "eight", "nine", "ten"};
static const struct { const char *w; uint64_t num, den; } FRACWORD[] = {
	{"twice", 2, 1}, {"half", 1, 2}, {"a half", 1, 2}, {"one half", 1, 2},
	{"a third", 1, 3}, {"one third", 1, 3}, {"one-third", 1, 3},
	{"two-thirds", 2, 3}, {"two thirds", 2, 3},
	{"a quarter", 1, 4}, {"one quarter", 1, 4}, {"one-quarter", 1, 4},
	{"three quarters", 3, 4}, {"three-quarters", 3, 4},
	{"a fifth", 1, 5}, {"one fifth", 1, 5}, {"a tenth", 1, 10}, {"one tenth", 1, 10}};

struct cur {
	char buf[256];
	const char *p;
};

static void skip_space(struct cur *c)
{
	while (*c->p == ' ')
		c->p++;
}

/* Consumes word w if the text starts with it as a whole word. */
static int take(struct cur *c, const char *w)
{
	size_t n = strlen(w);
	if (strncmp(c->p, w, n) != 0)
		return 0;
	char next = c->p[n];
	if (isalpha((unsigned char)w[n - 1]) && isalpha((unsigned char)next))
		return 0;
	c->p += n;
	skip_space(c);
	return 1;
}

static void fillers(struct cur *c)
{
	for (int again = 1; again;) {
		again = 0;
		for (size_t i = 0; i < sizeof FILLER / sizeof *FILLER; i++)
			if (take(c, FILLER[i]))
				again = 1;
	}
}

/*
 * A decimal number as publications write it: a sign, digits with optional
 * thousands separators ("1,809": a comma then exactly three digits), a
 * fraction, an exponent.  Returns 0 or -1.
 */
static int number(struct cur *c, dsp_decimal *d)
{
	const char *p = c->p;
	int neg = 0, any = 0, frac = 0, scale = 0;
	uint64_t v = 0;
	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	else if (strncmp(p, "\xE2\x88\x92", 3) == 0)   /* the minus sign */
		neg = 1, p += 3;
	for (;; p++) {
		if (isdigit((unsigned char)*p)) {
			if (v > (UINT64_MAX - 9) / 10)
				return -1;   /* more digits than any published figure */
			v = v * 10 + (uint64_t)(*p - '0');
			scale += frac;
			any = 1;
		} else if (*p == ',' && any && !frac && isdigit((unsigned char)p[1]) &&
			   isdigit((unsigned char)p[2]) && isdigit((unsigned char)p[3]) &&
			   !isdigit((unsigned char)p[4])) {
			continue;    /* a thousands separator */
		} else if (*p == '.' && !frac && isdigit((unsigned char)p[1])) {
			frac = 1;
		} else {
			break;
		}
	}
	if (!any)
		return -1;
	if ((*p == 'e') && (isdigit((unsigned char)p[1]) ||
			    ((p[1] == '-' || p[1] == '+') && isdigit((unsigned char)p[2])))) {
		int eneg = p[1] == '-', e = 0;
		p += 1 + (p[1] == '-' || p[1] == '+');
		while (isdigit((unsigned char)*p) && e < 10000)
			e = e * 10 + (*p++ - '0');
		scale += eneg ? e : -e;
	}
	/* No published figure is shown to 10^-1000 or rounded to 10^1000;
	 * beyond that a computed value times 10^scale leaves long double's
	 * range, where comparing it at that precision means nothing. */
	if (scale > 1000 || scale < -1000)
		return -1;
	*d = (dsp_decimal){v, scale, neg};
	c->p = p;
	skip_space(c);
	return 0;
}

/* A number word, "one" .. "ten". */
static int numword(struct cur *c, uint64_t *v)
{
	for (size_t i = 0; i < sizeof NUMWORD / sizeof *NUMWORD; i++)
		if (take(c, NUMWORD[i])) {
			*v = i;
			return 0;
		}
	return -1;
}

/* A whole number written in digits or as a word (for "N in M", "per K"). */
static int whole(struct cur *c, uint64_t *v)
{
	dsp_decimal d;
	const char *save = c->p;
	if (number(c, &d) == 0 && d.scale <= 0 && !d.neg) {
		*v = d.digits;
		for (int i = d.scale; i < 0; i++)
			*v *= 10;
		return 0;
	}
	c->p = save;
	return numword(c, v);
}

static void unit(struct cur *c, pub_value *v)
{
	if (take(c, "%") || take(c, "per cent") || take(c, "percent"))
		v->unit = PUB_PERCENT;
	else if (take(c, "percentage points") || take(c, "percentage point") ||
		 take(c, "points") || take(c, "point") || take(c, "pp"))
		v->unit = PUB_POINTS;
	else if (take(c, "times") || take(c, "x"))
		v->unit = PUB_TIMES;
}

/* One figure: a word, "N in M", or a number with its unit. */
static const char *figure(struct cur *c, pub_value *v, int k)
{
	for (size_t i = 0; i < sizeof FRACWORD / sizeof *FRACWORD; i++)
		if (take(c, FRACWORD[i].w)) {
			v->word = 1, v->wnum = FRACWORD[i].num, v->wden = FRACWORD[i].den;
			snprintf(v->wtext, sizeof v->wtext, "%s", FRACWORD[i].w);
			return NULL;
		}
	uint64_t w;
	const char *save = c->p;
	if (numword(c, &w) == 0) {
		if (take(c, "times")) {         /* "three times" */
			v->word = 1, v->wnum = w, v->wden = 1;
			snprintf(v->wtext, sizeof v->wtext, "%s times", NUMWORD[w]);
			return NULL;
		}
		if (take(c, "in") || take(c, "out of")) {   /* "one in five" */
			uint64_t m;
			if (whole(c, &m) || m == 0)
				return "a count after 'in'";
			v->d[k] = (dsp_decimal){w, 0, 0};
			v->unit = PUB_IN, v->per = m;
			return NULL;
		}
		c->p = save;
		return "a number";
	}
	if (number(c, &v->d[k]))
		return "a number";
	if (take(c, "in") || take(c, "out of")) {
		uint64_t m;
		if (v->d[k].scale != 0 || whole(c, &m) || m == 0)
			return "a whole count on each side of 'in'";
		v->unit = PUB_IN, v->per = m;
		return NULL;
	}
	unit(c, v);
	if (take(c, "per")) {
		uint64_t m;
		if (whole(c, &m) || m == 0)
			return "a count after 'per'";
		v->unit = PUB_PER, v->per = m;
	}
	return NULL;
}

int pub_qualifier(const char *s, pub_qual *q)
{
	struct cur c;
	size_t i = 0;
	for (; s[i] && i < sizeof c.buf - 1; i++)
		c.buf[i] = (char)tolower((unsigned char)s[i]);
	c.buf[i] = '\0';
	c.p = c.buf;
	skip_space(&c);
	*q = PUB_EQ;
	if (!*c.p)
		return 0;
	for (size_t k = 0; k < sizeof QUALS / sizeof *QUALS; k++)
		if (take(&c, QUALS[k].w)) {
			*q = QUALS[k].q;
			return *c.p ? -1 : 0;
		}
	return -1;
}

const char *pub_parse(const char *s, pub_value *v)
{
	struct cur c;
	size_t i = 0, o = 0;
	*v = (pub_value){0};
	if (strlen(s) >= sizeof c.buf)
		return "too long";
	/* Lower case; runs of spaces, tabs and no-break spaces as one. */
	for (; s[i]; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch == '\t' || ch == '\n' || ch == '\r')
			ch = ' ';
		if (ch == 0xC2 && (unsigned char)s[i + 1] == 0xA0)
			ch = ' ', i++;
		if (ch == ' ' && (o == 0 || c.buf[o - 1] == ' '))
			continue;
		c.buf[o++] = (char)tolower(ch);
	}
	while (o > 0 && c.buf[o - 1] == ' ')
		o--;
	c.buf[o] = '\0';
	c.p = c.buf;
	if (!*c.p)
		return "empty";
	/* "p < 0.05", "p=.03": a p-value's own letter. */
	if (c.p[0] == 'p' && c.p[1] && (c.p[1] == ' ' || strchr("<>=\xE2", c.p[1]))) {
		c.p++;
		skip_space(&c);
	}
	/* A qualifier and filler in either order ("only just over",
	 * "just over": the qualifier is tried first, so "just" alone is
	 * filler only when no qualifier starts with it). */
	for (int got = 0, more = 1; more;) {
		const char *at = c.p;
		for (size_t k = 0; !got && k < sizeof QUALS / sizeof *QUALS; k++)
			if (take(&c, QUALS[k].w))
				v->qual = QUALS[k].q, got = 1;
		fillers(&c);
		more = c.p != at;
	}
	int paren = take(&c, "(") || take(&c, "[");
	int between = take(&c, "between");
	const char *why = figure(&c, v, 0);
	if (why)
		return why;
	v->n = 1;
	/* A second figure: "55-60%", "55% to 60%", "(1.43, 2.30)", "between
	 * 55 and 60%". */
	if (!v->word && v->unit != PUB_IN &&
	    (take(&c, "to") || (between && take(&c, "and")) ||
	     ((paren || (*c.p == ',' && c.p[1] == ' ')) && take(&c, ",")) ||
	     (paren && take(&c, ";")) || take(&c, "\xE2\x80\x93") || take(&c, "-"))) {
		pub_unit first = v->unit;
		uint64_t per = v->per;
		v->unit = PUB_BARE;
		why = figure(&c, v, 1);
		if (why || v->word)
			return why ? why : "a number after the first";
		if (v->unit == PUB_BARE)
			v->unit = first, v->per = per;
		else if (first != PUB_BARE && (first != v->unit || per != v->per))
			return "the same unit at both ends";
		v->n = 2;
	}
	if (paren && !take(&c, ")") && !take(&c, "]"))
		return "a closing bracket";
	fillers(&c);
	if (*c.p)
		return "the end of the figure";
	return NULL;
}

const char *pub_qual_name(pub_qual q)
{
	static const char *const NAME[] = {"", "fewer than", "at most", "more than",
		"at least", "nearly", "about", "just over", "just under"};
	return NAME[q];
}
