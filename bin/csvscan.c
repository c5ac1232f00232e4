/*
 * csvscan.c - one CSV record out of a buffer, fast (see csvscan.h).
 */
#include "csvscan.h"

#include <stdint.h>
#include <string.h>

/* CSVSCAN_SCALAR: the portable byte loop even where SSE2 is there (its
 * unit test builds both). */
#if defined(__SSE2__) && !defined(CSVSCAN_SCALAR)
#define CSVSCAN_SSE2 1
#include <emmintrin.h>
#endif

/*
 * The bytes that can end an unquoted field or make the record odd: the
 * delimiter, LF, CR, a quote and NUL.  A window is 64 bytes from base and
 * the bit mask of such bytes in it, so that each byte is classified once
 * however many fields it holds.
 */
typedef struct {
	const char *base;
	uint64_t m;
} window;

/* Masks of the 64 bytes at b: *dm the delimiters, *sm LF, CR, quote
 * and NUL. */
static inline __attribute__((always_inline)) void
masks(const char *b, char delim, uint64_t *dm, uint64_t *sm)
{
	uint64_t d0 = 0, s0 = 0;
#ifdef CSVSCAN_SSE2
	const __m128i d = _mm_set1_epi8(delim), lf = _mm_set1_epi8('\n'),
		      cr = _mm_set1_epi8('\r'), qu = _mm_set1_epi8('"'),
		      nul = _mm_setzero_si128();
	for (int k = 0; k < 4; k++) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(b + 16 * k));
		__m128i o = _mm_or_si128(
			_mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, cr)),
			_mm_or_si128(_mm_cmpeq_epi8(v, qu), _mm_cmpeq_epi8(v, nul)));
		d0 |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, d)) << (16 * k);
		s0 |= (uint64_t)(unsigned)_mm_movemask_epi8(o) << (16 * k);
	}
#else
	for (int k = 0; k < 64; k++) {
		char c = b[k];
		d0 |= (uint64_t)(c == delim) << k;
		s0 |= (uint64_t)(c == '\n' || c == '\r' || c == '"' || c == '\0') << k;
	}
#endif
	*dm = d0;
	*sm = s0;
}

static window classify(const char *q, char delim)
{
	uint64_t dm, sm;
	masks(q, delim, &dm, &sm);
	return (window){q, dm | sm};
}

/* The first such byte at or after q, or end; w is moved along.  Reads up
 * to 63 bytes past end (the buffer's padding). */
static const char *special(window *w, const char *q, const char *end, char delim)
{
	if (q < w->base || q >= w->base + 64)
		*w = classify(q, delim);
	for (;;) {
		uint64_t m = w->m & (~(uint64_t)0 << (q - w->base));
		if (m) {
			q = w->base + __builtin_ctzll(m);
			return q < end ? q : end;
		}
		q = w->base + 64;
		if (q >= end)
			return end;
		*w = classify(q, delim);
	}
}

/* Set bits of m (inline: without -mpopcnt the builtin is a call). */
static inline size_t bits(uint64_t m)
{
#ifdef __POPCNT__
	return (size_t)__builtin_popcountll(m);
#else
	m -= (m >> 1) & UINT64_C(0x5555555555555555);
	m = (m & UINT64_C(0x3333333333333333)) + ((m >> 2) & UINT64_C(0x3333333333333333));
	m = (m + (m >> 4)) & UINT64_C(0x0f0f0f0f0f0f0f0f);
	return (size_t)((m * UINT64_C(0x0101010101010101)) >> 56);
#endif
}

/*
 * The common record: no quote, NUL or lone CR, ending in LF or CRLF
 * within the buffer, with nf fields.  Per 64 bytes one mask of
 * delimiters and one of the other special bytes; the field count is read
 * off the delimiter bits, and only the fields asked for (want, or all) are
 * stored, so a window with none of them costs a few instructions.  0 when
 * the record is not of this kind (the general scan finds out what it is).
 */
static int simple(const char *q, const char *end, char delim, size_t nf,
		  const size_t *want, size_t nwant, csvscan_field *f,
		  const char **next)
{
	const char *start = q;   /* where field i starts */
	size_t i = 0, j = 0;     /* want[j]: the next field to store */
	size_t w = want ? (nwant ? want[0] : SIZE_MAX) : 0;
	for (const char *b = q; b < end; b += 64) {
		uint64_t dm, sm;
		masks(b, delim, &dm, &sm);
		if (end - b < 64) {
			uint64_t in = ((uint64_t)1 << (end - b)) - 1;
			dm &= in;
			sm &= in;
		}
		int e = sm ? __builtin_ctzll(sm) : 64;
		if (e < 64)
			dm &= ((uint64_t)1 << e) - 1;
		size_t last = i + bits(dm);
		if (last >= nf)
			return 0;   /* more fields than the header */
		/* Fields up to the last one to store in this window, then the
		 * rest of the window at once. */
		for (uint64_t m = dm; m && w < last; m &= m - 1, i++) {
			const char *s = b + __builtin_ctzll(m);
			if (i == w) {
				f[i] = (csvscan_field){start, (size_t)(s - start), 0};
				w = !want ? i + 1 : ++j < nwant ? want[j] : SIZE_MAX;
			}
			start = s + 1;
		}
		if (dm) {
			start = b + 64 - __builtin_clzll(dm);
			i = last;
		}
		if (e == 64)
			continue;
		const char *s = b + e;
		if (*s == '\r' && s + 1 < end && s[1] == '\n')
			*next = s + 2;
		else if (*s == '\n')
			*next = s + 1;
		else
			return 0;
		if (i + 1 != nf)
			return 0;
		f[i] = (csvscan_field){start, (size_t)(s - start), 0};
		return 1;
	}
	return 0;
}

/* Line ends in s[0..n) as the strict reader counts them: every CR, and
 * every LF not right after a CR. */
static long line_ends(const char *s, size_t n)
{
	long k = 0;
	for (size_t i = 0; i < n; i++)
		k += s[i] == '\r' || (s[i] == '\n' && (i == 0 || s[i - 1] != '\r'));
	return k;
}

/* The closing quote of a quoted field whose content starts at s, or NULL
 * when the buffer ends first; *esc is set when it holds "" pairs. */
static const char *closing_quote(const char *s, const char *end, int *esc)
{
	for (;;) {
		const char *c = memchr(s, '"', (size_t)(end - s));
		if (!c || c + 1 == end)
			return c;   /* at end: a closer, or "" split by the end */
		if (c[1] != '"')
			return c;
		*esc = 1;
		s = c + 2;
	}
}

int csvscan_record(const char *p, const char *end, int eof, char delim,
		   size_t nf, const size_t *want, size_t nwant, csvscan_field *f,
		   const char **next, long *lines)
{
	const char *q = p;
	long ln = 0;
	*next = p;
	/* Blank lines carry no record. */
	for (;;) {
		if (q == end) {
			if (!eof)
				return CSVSCAN_MORE;
			*next = end;
			*lines += ln;
			return CSVSCAN_END;
		}
		if (*q == '\n') {
			q++, ln++;
			continue;
		}
		if (*q == '\r') {
			if (q + 1 == end && !eof)
				return CSVSCAN_MORE;
			if (q + 1 < end && q[1] == '\n') {
				q += 2, ln++;
				continue;
			}
		}
		break;
	}
	if (simple(q, end, delim, nf, want, nwant, f, next)) {
		*lines += ln + 1;
		return CSVSCAN_RECORD;
	}
	const char *rec = q;
	size_t i = 0;
	window w = classify(q, delim);
	for (;;) {
		if (i == nf)
			goto odd;   /* more fields than the header */
		const char *s;  /* the byte that ends field i */
		if (*q == '"' && q < end) {
			int esc = 0;
			const char *c = closing_quote(q + 1, end, &esc);
			if (!c || c + 1 == end)
				goto more;  /* (at eof: unterminated, or no line end) */
			if (memchr(q + 1, '\0', (size_t)(c - q - 1)))
				goto odd;   /* the strict reader rejects NUL anywhere */
			f[i] = (csvscan_field){q + 1, (size_t)(c - q - 1), esc};
			ln += line_ends(q + 1, (size_t)(c - q - 1));
			s = c + 1;
			if (*s != delim && *s != '\n' && *s != '\r')
				goto odd;   /* text after the closing quote */
		} else {
			s = special(&w, q, end, delim);
			if (s == end)
				goto more;
			if (*s != delim && *s != '\n' && *s != '\r')
				goto odd;   /* a quote inside the field, or NUL */
			f[i] = (csvscan_field){q, (size_t)(s - q), 0};
		}
		i++;
		if (*s == delim) {
			q = s + 1;
			if (q == end)
				goto more;
			continue;
		}
		if (*s == '\r') {
			if (s + 1 == end)
				goto more;
			if (s[1] != '\n')
				goto odd;   /* a lone CR */
			s++;
		}
		if (i != nf)
			goto odd;
		*next = s + 1;
		*lines += ln + 1;
		return CSVSCAN_RECORD;
	}
more:
	/* A record without its line end at eof is the strict reader's too. */
	if (!eof)
		return CSVSCAN_MORE;
odd:
	*next = rec;
	*lines += line_ends(p, (size_t)(rec - p));
	return CSVSCAN_ODD;
}

size_t csvscan_unescape(const csvscan_field *f, char *dst)
{
	size_t n = 0;
	for (size_t i = 0; i < f->len; i++) {
		dst[n++] = f->p[i];
		if (f->p[i] == '"')
			i++;   /* the second of a pair */
	}
	return n;
}
