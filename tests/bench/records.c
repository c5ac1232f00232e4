/*
 * records.c - a seeded generator of a record-level CSV for the counting
 * benchmark (tests/bench/count.sh): one row per case, like a police
 * misconduct or stop-and-search extract, with skewed shares (most rows
 * White, a few "Not stated"), about 55 bytes a row.  With -u it adds a
 * `unit` column with UNITS distinct values, every one of them present once
 * ROWS >= UNITS, to show that disp-count's memory grows with the groups.
 *
 * The same seed gives the same bytes on every platform: the generator is
 * SplitMix64 (Steele, Lea & Flood, "Fast splittable pseudorandom number
 * generators", OOPSLA 2014) and every choice is integer arithmetic.
 *
 * Usage: records [-n ROWS] [-s SEED] [-u UNITS] > FILE
 * Columns: id,ethnicity,sex,rank,year,outcome,flag,weight[,unit]
 * Exit: 0, 64 usage, 74 write error.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A value and its share in parts per 10,000 of its table. */
struct choice {
	const char *text;
	unsigned share;
};

/* Shares roughly like a misconduct extract in England and Wales. */
static const struct choice ethnicity[] = {
	{"White", 8100}, {"Asian", 700}, {"Black", 500}, {"Mixed", 350},
	{"Other", 200}, {"Not stated", 150}, {NULL, 0}
};
/* Each ethnicity's chance of flag = 1, parts per 10,000 (in the order
 * above): unequal, so that the counts show a disparity. */
static const unsigned flag_share[] = {1000, 1300, 1800, 1500, 1200, 900};
static const struct choice sex[] = {
	{"Male", 6900}, {"Female", 3000}, {"Unknown", 100}, {NULL, 0}
};
static const struct choice rank[] = {
	{"Constable", 7500}, {"Sergeant", 1500}, {"Inspector", 600},
	{"Chief Inspector", 200}, {"Superintendent", 150},
	{"Chief Superintendent", 50}, {NULL, 0}
};
static const struct choice outcome[] = {
	{"no further action", 4500}, {"management action", 2500},
	{"written warning", 1200}, {"final written warning", 800},
	{"no case to answer", 600}, {"dismissed", 400}, {NULL, 0}
};
/* How many people a record covers: a small integer for -w. */
static const struct choice weight[] = {
	{"1", 7000}, {"2", 2000}, {"3", 700}, {"4", 200}, {"5", 100}, {NULL, 0}
};
enum { FIRST_YEAR = 2015, YEARS = 10 };

static uint64_t splitmix64(uint64_t *state)
{
	uint64_t z = (*state += UINT64_C(0x9e3779b97f4a7c15));
	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

/* The index of the entry that a 16-bit draw R falls in: entry i takes the
 * draws from sum(shares before i) * 65536 / 10000 on, exactly. */
static size_t pick(const struct choice *c, unsigned r)
{
	uint32_t cum = 0;
	size_t i;
	for (i = 0; c[i + 1].text; i++) {
		cum += c[i].share;
		if ((uint32_t)r * 10000u < cum * 65536u)
			break;
	}
	return i;
}

static char buf[1 << 20];
static size_t used;

static void flush(void)
{
	if (fwrite(buf, 1, used, stdout) != used) {
		fprintf(stderr, "records: write error: %s\n", strerror(errno));
		exit(74);
	}
	used = 0;
}

static void put(const char *s)
{
	size_t n = strlen(s);
	memcpy(buf + used, s, n);
	used += n;
}

static void put_u64(uint64_t x)
{
	char d[20];
	int n = 0;
	do
		d[n++] = (char)('0' + x % 10);
	while (x /= 10);
	while (n)
		buf[used++] = d[--n];
}

static void usage(void)
{
	fputs("usage: records [-n ROWS] [-s SEED] [-u UNITS]\n", stderr);
	exit(64);
}

/* A decimal number from MIN to UINT64_MAX, nothing else. */
static uint64_t number(const char *s, uint64_t min)
{
	char *end;
	errno = 0;
	uintmax_t x = strtoumax(s, &end, 10);
	if (*s < '0' || *s > '9' || *end || errno || x < min || x > UINT64_MAX) {
		fprintf(stderr, "records: not a number of at least %" PRIu64 ": '%s'\n", min, s);
		usage();
	}
	return (uint64_t)x;
}

static uint64_t gcd(uint64_t a, uint64_t b)
{
	while (b) {
		uint64_t t = a % b;
		a = b;
		b = t;
	}
	return a;
}

int main(int argc, char **argv)
{
	uint64_t rows = 10000000, seed = 1, units = 0;
	int c;
	while ((c = getopt(argc, argv, "n:s:u:")) != -1)
		switch (c) {
		case 'n': rows = number(optarg, 0); break;
		case 's': seed = number(optarg, 0); break;
		case 'u': units = number(optarg, 1); break;
		default: usage();
		}
	if (optind != argc)
		usage();

	uint64_t state = seed;
	/* Row i's unit is (i * stride + shift) mod units: a stride coprime to
	 * units makes each run of `units` rows meet every unit once, in an
	 * order that is not the file's. */
	uint64_t stride = 1, shift = 0;
	if (units) {
		stride = (splitmix64(&state) % units) | 1;
		while (gcd(stride, units) != 1)
			stride++;
		shift = splitmix64(&state) % units;
	}

	put("id,ethnicity,sex,rank,year,outcome,flag,weight");
	put(units ? ",unit\n" : "\n");
	for (uint64_t i = 0; i < rows; i++) {
		if (used > sizeof buf - 256)
			flush();
		uint64_t a = splitmix64(&state), b = splitmix64(&state);
		size_t e = pick(ethnicity, (unsigned)(a & 0xffff));
		put_u64(i + 1);
		buf[used++] = ',';
		put(ethnicity[e].text);
		buf[used++] = ',';
		put(sex[pick(sex, (unsigned)((a >> 16) & 0xffff))].text);
		buf[used++] = ',';
		put(rank[pick(rank, (unsigned)((a >> 32) & 0xffff))].text);
		buf[used++] = ',';
		put_u64(FIRST_YEAR + (b & 0xffff) * YEARS / 65536);
		buf[used++] = ',';
		put(outcome[pick(outcome, (unsigned)(a >> 48))].text);
		buf[used++] = ',';
		buf[used++] = ((b >> 16) & 0xffff) * 10000 < flag_share[e] * UINT64_C(65536) ? '1' : '0';
		buf[used++] = ',';
		put(weight[pick(weight, (unsigned)((b >> 32) & 0xffff))].text);
		if (units) {
			put(",u");
			/* Multiplied modulo units without overflow: both < 2^32
			 * whenever units is. */
			put_u64(units <= UINT32_MAX ? ((i % units) * stride + shift) % units
					: (i + shift) % units);
		}
		buf[used++] = '\n';
	}
	flush();
	if (fflush(stdout) || ferror(stdout) || fclose(stdout)) {
		fprintf(stderr, "records: write error: %s\n", strerror(errno));
		return 74;
	}
	return 0;
}
