/*
 * test_kit.c - the shared kit of bin/: numeric cells and counts, display
 * escaping and width, the keyed hash table (and that inputs crafted
 * against the old unkeyed one do it no harm), the writer's quoting, and
 * errors and warnings through their one exit.
 */
#include "tap.h"
#include "err.h"
#include "hash.h"
#include "num.h"
#include "text.h"
#include "writer.h"

#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void numeric_cells(void)
{
	static const struct { const char *s; int kind; double want; } cells[] = {
		{"inf", NUM_OK, INFINITY}, {"-inf", NUM_OK, -INFINITY},
		{"0.70", NUM_OK, 0.7}, {"1e-5", NUM_OK, 1e-5}, {"-3", NUM_OK, -3},
		{"12", NUM_OK, 12}, {"1e-400", NUM_OK, 0}, {"", NUM_EMPTY, NAN},
		{"1e400", NUM_BAD, NAN}, {" 1", NUM_BAD, NAN}, {"1 ", NUM_BAD, NAN},
		{"0x10", NUM_BAD, NAN}, {"infinity", NUM_BAD, NAN}, {"NaN", NUM_BAD, NAN},
		{"Inf", NUM_BAD, NAN}, {"1,5", NUM_BAD, NAN}, {"e5", NUM_BAD, NAN},
		{"-", NUM_BAD, NAN}, {"--1", NUM_BAD, NAN}};
	for (size_t i = 0; i < sizeof cells / sizeof *cells; i++) {
		double x;
		int k = num_cell(cells[i].s, &x);
		tap_ok(k == cells[i].kind && (k == NUM_OK ? x == cells[i].want : isnan(x)),
		       "num_cell('%s') is %s", cells[i].s,
		       cells[i].kind == NUM_OK ? "a number" : cells[i].kind == NUM_EMPTY ?
		       "empty" : "bad");
	}
	double x;
	tap_ok(num_cell("nan", &x) == NUM_OK && isnan(x), "num_cell('nan') is NaN");

	/* What the writer writes, the reader reads back: every double at 17
	 * digits (random bit patterns, subnormals, the extremes), and at any
	 * digits the cell re-formats to itself. */
	uint64_t s = 88172645463325252u;
	int bad17 = 0, badd = 0;
	for (int i = 0; i < 200000; i++) {
		s ^= s << 13, s ^= s >> 7, s ^= s << 17;
		double v;
		memcpy(&v, &s, sizeof v);
		if (i % 4 == 1)
			v = (double)(s >> 11) / 9007199254740992.0;  /* in [0, 1) */
		if (i == 2) v = DBL_MIN / 3;
		if (i == 3) v = DBL_MAX;
		if (i == 4) v = -0.0;
		char buf[NUM_MAX], again[NUM_MAX];
		double back;
		num_fmt(buf, v, 17);
		bad17 += num_cell(buf, &back) != NUM_OK ||
			 !(isnan(v) ? isnan(back) : back == v) || strcmp(buf, "-0") == 0;
		int d = 1 + i % 17;
		num_fmt(buf, v, d);
		num_cell(buf, &back);
		badd += strcmp(num_fmt(again, back, d), buf) != 0;
	}
	tap_ok(bad17 == 0, "200000 doubles read back exactly at 17 digits (%d differ)", bad17);
	tap_ok(badd == 0, "a cell at N digits re-formats to itself (%d differ)", badd);
}

static void counts(void)
{
	static const struct { const char *s; const char *why; } bad[] = {
		{"1,809", "thousands separators"}, {"12.0", "decimal point"},
		{"-3", "negative"}, {"", "empty"}, {" 12", "spaces"},
		{"12a", NULL}, {"9007199254740993", "2^53"}};
	int64_t v;
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		const char *why = num_count(bad[i].s, INT64_C(1) << 53, &v);
		tap_ok(why && (!bad[i].why || strstr(why, bad[i].why)),
		       "count '%s' is rejected (%s)", bad[i].s, why ? why : "accepted");
	}
	tap_ok(!num_count("9007199254740992", INT64_C(1) << 53, &v) && v == INT64_C(1) << 53,
	       "2^53 is a count");
	tap_ok(!num_count("0", INT64_MAX, &v) && v == 0, "0 is a count");
	tap_ok(num_count("9223372036854775808", INT64_MAX, &v) != NULL, "2^63 is too large");
}

static void display(void)
{
	char out[64];
	text_escape(out, "a\nb\tc\x1b[31m\\", 11);
	tap_ok(strcmp(out, "a\\nb\\tc\\x1B[31m\\\\") == 0, "controls escaped: %s", out);
	text_escape(out, "Black\xE2\x80\x93" "Caribbean", 17);
	tap_ok(strcmp(out, "Black\xE2\x80\x93" "Caribbean") == 0, "UTF-8 passes through");
	text_escape(out, "\xC0\xAF|\xED\xA0\x80|\xFF", 8);
	tap_ok(strcmp(out, "\\xC0\\xAF|\\xED\\xA0\\x80|\\xFF") == 0,
	       "overlong, surrogate and invalid bytes escaped: %s", out);
	tap_ok(text_width("Black\xE2\x80\x93" "Caribbean", 17) == 15, "en dash is one column");
	tap_ok(text_width("e\xCC\x81", 3) == 1, "a combining accent takes no column");
	tap_ok(text_width("\xE9\xBB\x91\xE4\xBA\xBA", 6) == 4, "CJK characters take two");
}

/*
 * FNV-1a keeps its low bits apart from its high ones (multiplication
 * carries upward only), so blocks can be chosen that collide in the low 16
 * bits whatever the high bits: 16 positions with two 4-letter blocks each
 * give 2^16 keys that fell into one bucket of disp-count's old power-of-two
 * table.
 */
static uint64_t fnv_low16(uint64_t h, const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		h = (h ^ s[i]) * 1099511628211u;
	return h & 0xFFFF;
}

/* Block number b as four letters. */
static void block(int b, unsigned char out[4])
{
	static const char L[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
	for (int i = 0; i < 4; i++, b /= 52)
		out[i] = (unsigned char)L[b % 52];
}

static void flooding(void)
{
	enum { POS = 16, NKEY = 1 << POS, BLK = 4 };
	unsigned char pair[POS][2][BLK];
	uint64_t h = 1469598103934665603u;
	static int seen[1 << 16];
	for (int p = 0; p < POS; p++) {
		memset(seen, 0xff, sizeof seen);   /* -1: no block reaches it */
		for (int b = 0;; b++) {   /* a collision comes within ~2^9 */
			unsigned char blk[BLK];
			block(b, blk);
			uint64_t o = fnv_low16(h, blk, BLK);
			if (seen[o] >= 0) {
				block(seen[o], pair[p][0]);
				memcpy(pair[p][1], blk, BLK);
				h = o;
				break;
			}
			seen[o] = b;
		}
	}
	unsigned char (*keys)[BLK * POS] = malloc(NKEY * sizeof *keys);
	int same = 1;
	ht *t = ht_new();
	for (int k = 0; k < NKEY; k++) {
		for (int p = 0; p < POS; p++)
			memcpy(keys[k] + BLK * p, pair[p][(k >> p) & 1], BLK);
		same &= fnv_low16(1469598103934665603u, keys[k], BLK * POS) ==
			fnv_low16(1469598103934665603u, keys[0], BLK * POS);
		if (ht_find(t, keys[k], BLK * POS) == HT_NONE)
			ht_put(t, keys[k], BLK * POS, (size_t)k);
	}
	tap_ok(same, "the %d crafted keys share FNV-1a's low 16 bits (one old bucket)", NKEY);
	size_t found = 0;
	for (int k = 0; k < NKEY; k++)
		found += ht_find(t, keys[k], BLK * POS) == (size_t)k;
	tap_ok(found == NKEY, "every crafted key is found (%zu)", found);
	tap_ok(ht_probe_max(t) < 64, "the longest probe under SipHash is %zu slots (< 64)",
	       ht_probe_max(t));
	ht_free(t);
	free(keys);

	/* SipHash-1-3 under the zero key, against CPython's bytes hash with
	 * PYTHONHASHSEED=0 (siphash13 there too, zero key). */
	static const struct { const char *s; uint64_t h; } v[] = {
		{"a", 4644417185603328019u}, {"abc", 13851880170939887858u},
		{"abcdefg", 7904145750247929094u}, {"abcdefgh", 4574395652268504554u},
		{"abcdefghi", 17913969820989044453u},
		{"hello world, a longer key of 40 bytes!!", 12223591623610317257u}};
	const uint64_t zero[2] = {0, 0};
	for (size_t i = 0; i < sizeof v / sizeof *v; i++)
		tap_ok(ht_siphash13(zero, v[i].s, strlen(v[i].s)) == v[i].h,
		       "SipHash-1-3('%s') as CPython", v[i].s);
}

/* Runs the writer into a temporary file and returns what it wrote. */
static char written[256];
static const char *write_one(const char *const *cells, size_t ncol, int pretty)
{
	FILE *fp = tmpfile();
	wr_col cols[4] = {{"g", WR_TEXT}, {"n", WR_NUM}, {"x", WR_TEXT}, {"y", WR_NUM}};
	wr_opts o = {',', pretty, 6};
	wr_table *w = wr_begin(fp, &o, cols, ncol);
	for (size_t i = 0; i < ncol; i++)
		wr_str(w, cells[i]);
	wr_end_row(w);
	wr_finish(w);
	rewind(fp);
	size_t n = fread(written, 1, sizeof written - 1, fp);
	written[n] = '\0';
	fclose(fp);
	return written;
}

static void writer(void)
{
	const char *a[] = {"\xEF\xBB\xBF" "a", "1"};
	tap_ok(strcmp(write_one(a, 2, 0), "g,n\n\"\xEF\xBB\xBF" "a\",1\n") == 0,
	       "a field that starts with a byte-order mark is quoted");
	const char *b[] = {""};
	tap_ok(strcmp(write_one(b, 1, 0), "g\n\"\"\n") == 0, "a lone empty field is \"\"");
	const char *c[] = {"x,y", "say \"hi\"", "two\nlines", ""};
	tap_ok(strcmp(write_one(c, 4, 0), "g,n,x,y\n\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\",\n") == 0,
	       "delimiters, quotes and newlines are quoted");
	const char *d[] = {("Black\xE2\x80\x93" "Caribbean"), "12", "a\nb", ""};
	tap_ok(strcmp(write_one(d, 4, 1),
		      "g                 n  x     y\n"
		      "Black\xE2\x80\x93" "Caribbean  12  a\\nb\n") == 0,
	       "pretty: aligned by display width, escaped, no trailing spaces");
}

/* Under AddressSanitizer a huge malloc must fail as malloc does, not abort. */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
	return "allocator_may_return_null=1";
}

static jmp_buf back;
static int code;
static void catch(int c)
{
	code = c;
	longjmp(back, 1);
}

/* Runs f with stderr in a temporary file; returns the exit code it took
 * (-1 if none) and what it wrote in msg. */
static char msg[512];
static int run(void (*f)(void))
{
	fflush(stderr);
	int saved = dup(2);
	FILE *tmp = tmpfile();
	dup2(fileno(tmp), 2);
	code = -1;
	err_exit_hook = catch;
	if (setjmp(back) == 0)
		f();
	err_exit_hook = NULL;
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	rewind(tmp);
	size_t n = fread(msg, 1, sizeof msg - 1, tmp);
	msg[n] = '\0';
	fclose(tmp);
	return code;
}

static void huge(void) { free(xmalloc(SIZE_MAX / 2)); }
static void warn(void) { err_warn("%s did not converge", "x"); }
static void data(void) { err_data("f.csv", 3, "g\n", "bad", "a\x1b[2J"); }

static void errors(void)
{
	err_init("test-kit");
	/* (AddressSanitizer may add a warning of its own before ours.) */
	tap_ok(run(huge) == EX_NOMEM && strstr(msg, "test-kit: out of memory\n"),
	       "out of memory is exit %d with its own message", EX_NOMEM);
	tap_ok(run(warn) == -1 && strcmp(msg, "test-kit: warning: x did not converge\n") == 0,
	       "a warning goes through err_warn and does not exit");
	tap_ok(run(data) == EX_DATA &&
	       strcmp(msg, "test-kit: f.csv:3: column 'g\\n': bad: 'a\\x1B[2J'\n") == 0,
	       "bad data is exit 65, with control characters escaped");
}

int main(void)
{
	numeric_cells();
	counts();
	display();
	flooding();
	writer();
	errors();
	return tap_done();
}
