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
/* On x86-64 a run classifies bytes 32 at a time where the processor has
 * AVX2 (asked at run time); CSVSCAN_NO_AVX2 leaves it out (its unit test
 * builds each form). */
#if defined(CSVSCAN_SSE2) && defined(__x86_64__) && defined(__GNUC__) && \
	!defined(CSVSCAN_NO_AVX2)
#define CSVSCAN_AVX2 1
#include <immintrin.h>
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

/*
 * A run's masks of the 64 bytes at b: *dm the delimiters, *lm the LFs,
 * *sm CR, quote and NUL, which a run stops at (but for the CR of a CRLF).
 */
static inline __attribute__((always_inline)) void
run_masks(const char *b, char delim, uint64_t *dm, uint64_t *lm, uint64_t *sm)
{
	uint64_t d0 = 0, l0 = 0, s0 = 0;
#ifdef CSVSCAN_SSE2
	const __m128i d = _mm_set1_epi8(delim), lf = _mm_set1_epi8('\n'),
		      cr = _mm_set1_epi8('\r'), qu = _mm_set1_epi8('"'),
		      nul = _mm_setzero_si128();
	for (int k = 0; k < 4; k++) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(b + 16 * k));
		__m128i o = _mm_or_si128(_mm_cmpeq_epi8(v, cr),
			_mm_or_si128(_mm_cmpeq_epi8(v, qu), _mm_cmpeq_epi8(v, nul)));
		d0 |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, d)) << (16 * k);
		l0 |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, lf)) << (16 * k);
		s0 |= (uint64_t)(unsigned)_mm_movemask_epi8(o) << (16 * k);
	}
#else
	for (int k = 0; k < 64; k++) {
		char c = b[k];
		d0 |= (uint64_t)(c == delim) << k;
		l0 |= (uint64_t)(c == '\n') << k;
		s0 |= (uint64_t)(c == '\r' || c == '"' || c == '\0') << k;
	}
#endif
	*dm = d0;
	*lm = l0;
	*sm = s0;
}

/* Masks of the 64 bytes at b: *dm the delimiters, *sm LF, CR, quote
 * and NUL. */
static inline __attribute__((always_inline)) void
masks(const char *b, char delim, uint64_t *dm, uint64_t *sm)
{
	uint64_t lf, other;
	run_masks(b, delim, dm, &lf, &other);
	*sm = lf | other;
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

/* The bit mask of the bytes equal to c among the 64 at b. */
static uint64_t byte_mask(const char *b, char c)
{
	uint64_t m = 0;
#ifdef CSVSCAN_SSE2
	const __m128i x = _mm_set1_epi8(c);
	for (int k = 0; k < 4; k++) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(b + 16 * k));
		m |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, x)) << (16 * k);
	}
#else
	for (int k = 0; k < 64; k++)
		m |= (uint64_t)(b[k] == c) << k;
#endif
	return m;
}

/*
 * A run indexes up to SEG_BYTES bytes at a time (a segment): the offsets
 * of its delimiters and line ends, in order, in sep[], and of its line
 * ends alone in eol[].  A record is then checked and cut from the index
 * without walking its bytes or its delimiters: the record from sep[js]
 * on, ending at eol[je], has the header's nf fields exactly when the
 * nf-th separator from sep[js] is that line end, and field i runs from
 * separator i - 1 to separator i.
 */
#define SEG_BYTES 4096

typedef struct {
	/* 8 to spare: put_bits8 writes eight at a time */
	uint16_t sep[SEG_BYTES + 8], eol[SEG_BYTES];
	size_t nsep, neol;
} seg_index;

/* The offsets of m's set bits, plus off, appended to out[*k ...]. */
static inline __attribute__((always_inline)) void
put_bits(uint16_t *out, size_t *k, size_t off, uint64_t m)
{
	uint16_t *o = out + *k;
	for (; m; m &= m - 1)
		*o++ = (uint16_t)(off + (size_t)__builtin_ctzll(m));
	*k = (size_t)(o - out);
}

/*
 * Word w of a segment of n bytes at base, from its masks (*d delimiters,
 * *l LFs, sm CR, quote and NUL): its bits past n cleared, each CRLF's LF
 * moved to its CR, ready for the index (*d | *l its separators, *l its
 * line ends).  Returns 0, or 1 with *lim set when a quote, NUL, lone CR
 * or a CR ending the word is in it: the segment ends there (no bit at or
 * past it is left).
 */
static inline __attribute__((always_inline)) int
seg_word(const char *base, size_t n, size_t w, uint64_t *d, uint64_t *l,
	 uint64_t sm, size_t *lim)
{
	int stopped = 0;
	if (64 * w + 64 > n) {
		uint64_t in = ((uint64_t)1 << (n - 64 * w)) - 1;
		*d &= in;
		*l &= in;
		sm &= in;
	}
	if (sm) {
		uint64_t crlf = byte_mask(base + 64 * w, '\r') & *l >> 1;
		uint64_t stop = sm & ~crlf;
		*l = (*l & ~(crlf << 1)) | crlf;
		if (stop) {
			uint64_t below = ((uint64_t)1 << __builtin_ctzll(stop)) - 1;
			*d &= below;
			*l &= below;
			*lim = 64 * w + (size_t)__builtin_ctzll(stop);
			stopped = 1;
		}
	}
	return stopped;
}

/*
 * The index of the n bytes at base (0 < n <= SEG_BYTES).  Returns how
 * many bytes records may use: n, or less when a quote, NUL, lone CR or a
 * CR ending a word comes first, where the run must leave the record to
 * csvscan_record.
 */
static size_t segment(const char *base, size_t n, char delim, seg_index *ix)
{
	size_t nw = (n + 63) / 64, lim = n;
	ix->nsep = ix->neol = 0;
	for (size_t w = 0; w < nw; w++) {
		uint64_t d, l, sm;
		run_masks(base + 64 * w, delim, &d, &l, &sm);
		int stopped = seg_word(base, n, w, &d, &l, sm, &lim);
		put_bits(ix->sep, &ix->nsep, 64 * w, d | l);
		put_bits(ix->eol, &ix->neol, 64 * w, l);
		if (stopped)
			break;
	}
	return lim;
}

#ifdef CSVSCAN_AVX2
#define SEG_TARGET __attribute__((target("avx2,bmi,popcnt")))

/* put_bits() for dense words: eight offsets at a time whether or not
 * that many bits are left (tzcnt of 0 is 64; out has 8 to spare), so
 * that the loop branches once per eight, not once per bit. */
SEG_TARGET static inline void
put_bits8(uint16_t *out, size_t *k, size_t off, uint64_t m)
{
	uint16_t *o = out + *k;
	*k += (size_t)_mm_popcnt_u64(m);
#define PUT1(i) (o[i] = (uint16_t)(off + _tzcnt_u64(m)), m = _blsr_u64(m))
	while (m) {
		PUT1(0), PUT1(1), PUT1(2), PUT1(3);
		PUT1(4), PUT1(5), PUT1(6), PUT1(7);
		o += 8;
	}
#undef PUT1
}

/* segment(), 32 bytes at a time (AVX2, BMI1 and POPCNT). */
SEG_TARGET static size_t
segment_avx2(const char *base, size_t n, char delim, seg_index *ix)
{
	const __m256i dl = _mm256_set1_epi8(delim), lf = _mm256_set1_epi8('\n'),
		      cr = _mm256_set1_epi8('\r'), qu = _mm256_set1_epi8('"'),
		      nul = _mm256_setzero_si256();
	size_t nw = (n + 63) / 64, lim = n;
	ix->nsep = ix->neol = 0;
	for (size_t w = 0; w < nw; w++) {
		uint64_t d = 0, l = 0, sm = 0;
		for (int k = 0; k < 2; k++) {
			__m256i v = _mm256_loadu_si256(
				(const __m256i *)(const void *)(base + 64 * w + 32 * k));
			__m256i o = _mm256_or_si256(_mm256_cmpeq_epi8(v, cr),
				_mm256_or_si256(_mm256_cmpeq_epi8(v, qu), _mm256_cmpeq_epi8(v, nul)));
			d |= (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, dl)) << (32 * k);
			l |= (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, lf)) << (32 * k);
			sm |= (uint64_t)(uint32_t)_mm256_movemask_epi8(o) << (32 * k);
		}
		int stopped = seg_word(base, n, w, &d, &l, sm, &lim);
		put_bits8(ix->sep, &ix->nsep, 64 * w, d | l);
		put_bits(ix->eol, &ix->neol, 64 * w, l);
		if (stopped)
			break;
	}
	return lim;
}
#endif

const char *csvscan_run(const char *p, const char *end, const char *stop,
			char delim, size_t nf, const size_t *want, size_t nwant,
			csvscan_field *f, int (*fn)(void *ctx, const csvscan_field *f),
			void *ctx, long *lines)
{
	seg_index ix;
	size_t all[64];
	if (nf == 0 || nf > 64)
		return p;   /* one record at a time */
	if (!want) {
		for (size_t i = 0; i < nf; i++)
			all[i] = i;
		want = all;
		nwant = nf;
	}
#ifdef CSVSCAN_AVX2
	int avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi") &&
		   __builtin_cpu_supports("popcnt");
#endif
	const char *base = p;
	while (base < end) {
		size_t n = (size_t)(end - base);
		if (n > SEG_BYTES)
			n = SEG_BYTES;
#ifdef CSVSCAN_AVX2
		size_t lim = avx2 ? segment_avx2(base, n, delim, &ix) : segment(base, n, delim, &ix);
#else
		size_t lim = segment(base, n, delim, &ix);
#endif
		/* r: the record's offset; js, je: its first separator's and its
		 * line end's places in the index. */
		size_t r = 0, js = 0;
		for (size_t je = 0;; je++) {
			const char *rec = base + r;
			if (rec >= stop || *rec == '\n' || *rec == '\r')
				return rec;
			if (je == ix.neol) {
				/* Its line end is not in the segment: a new
				 * one from this record, unless a byte to stop
				 * at or the end of the buffer came first. */
				if (lim < n || base + n == end || r == 0)
					return rec;
				base = rec;
				break;
			}
			size_t e = ix.eol[je];
			if (js + nf > ix.nsep || ix.sep[js + nf - 1] != e)
				return rec;   /* another field count */
			const uint16_t *s = ix.sep + js;
			for (size_t j = 0; j < nwant; j++) {
				size_t i = want[j], a = i ? s[i - 1] + 1u : r;
				f[i] = (csvscan_field){base + a, s[i] - a, 0};
			}
			if (!fn(ctx, f))
				return rec;
			++*lines;
			js += nf;
			r = e + (base[e] == '\r' ? 2 : 1);
		}
	}
	return base;
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
