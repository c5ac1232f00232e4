/*
 * stats-times.c - the CPU each method of fuzz_stats.c takes: for every
 * method, REPS inputs (default 100) of seeded random bytes after its
 * "#NAME" line, through the harness and its checks; prints the mean and
 * the largest milliseconds an input, and the name.  It decided which
 * methods fuzz_stats_exact takes (costly[] in fuzz_stats.c), and a check
 * failing here aborts as in the fuzzer.  Built with make, not run by it.
 */
#define FUZZ_STATS_EXACT (-1)
#include "fuzz_stats.c"

int main(int argc, char **argv)
{
	int reps = argc > 1 ? atoi(argv[1]) : 100;
	uint64_t x = 88172645463325252u;   /* xorshift64: the same bytes every run */
	init();
	for (size_t i = 0; i < nentries; i++) {
		uint8_t buf[sizeof entries[i].name + 202];
		size_t len = strlen(entries[i].name), n = len + 2 + 200;
		buf[0] = '#';
		memcpy(buf + 1, entries[i].name, len);
		buf[len + 1] = '\n';
		double worst = 0, sum = 0;
		for (int r = 0; r < reps; r++) {
			for (size_t j = len + 2; j < n; j++) {
				x ^= x << 13, x ^= x >> 7, x ^= x << 17;
				buf[j] = (uint8_t)x;
			}
			double t = cpu_now();
			LLVMFuzzerTestOneInput(buf, n);
			t = cpu_now() - t;
			sum += t;
			worst = t > worst ? t : worst;
		}
		printf("%10.3f %10.3f  %s\n", 1e3 * sum / reps, 1e3 * worst, entries[i].name);
		fflush(stdout);
	}
	return 0;
}
