# Sourced by tests/bench/run, or run alone (make bench-count): disp-count on
# a record-level CSV of BENCH_ROWS rows (10^7 by default, ~56 bytes a row)
# that tests/bench/records makes with seed BENCH_SEED (1), against the
# floor (wc -l), the pipe baseline (cat | cat) and its peers, each where
# installed: GNU datamash, Miller, R data.table and DuckDB (its node
# package, installed from npm into build/bench/npm, never a dependency of
# the project; BENCH_NPM=0 skips the install).  Then disp-count on a file
# with BENCH_UNITS (10^6) groups.  The files stay in the page cache.
# The pipe goal's two (cat | disp-count, cat | cat) are timed again in
# turn, run for run, as the "pipe, in turn" rows.
#
# Each time is the best of BENCH_RUNS runs (5; hyperfine's minimum where
# installed: on 2 cores a pipe's two ends sometimes share one core, which
# makes a run several times slower, so a few runs are needed to see the
# pipe's real cost), peak memory the largest of the measured program's
# (GNU time's %M; "-"
# without /usr/bin/time), MB = 10^6 bytes, MB/s the CSV's size over the
# time, ratio the tool's time over disp-count's in the same case.  The
# answers are checked: disp-count's in every case against one awk pass over
# the file, every peer's counts by ethnicity against the same, disp-count's
# from a pipe against its own from the file, and the groups file must give
# BENCH_UNITS groups and BENCH_ROWS rows; a mismatch stops the benchmark
# with exit 1.  BENCH_MARKDOWN=1 prints the table as Markdown, for the
# README.
case $0 in
*count.sh)
	set -e
	cd "$(dirname "$0")/../.."
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT ;;
esac
cnt_rows=${BENCH_ROWS:-10000000}
cnt_units=${BENCH_UNITS:-1000000}
cnt_seed=${BENCH_SEED:-1}
cnt_runs=${BENCH_RUNS:-5}
cnt_dc="$PWD/bin/disp-count"
cnt_npm="$PWD/build/bench/npm"
cnt_duckdb_version=1.5.6-r.1
cnt_mem=
[ ! -x /usr/bin/time ] || cnt_mem="/usr/bin/time -a -o $tmp/mem -f %M"
case $cnt_rows$cnt_units$cnt_seed$cnt_runs in
*[!0-9]*) echo "count.sh: BENCH_ROWS, BENCH_UNITS, BENCH_SEED and BENCH_RUNS are numbers" >&2; exit 64 ;;
esac
# At 1000 rows every value of every column occurs (-e outcome=dismissed
# needs one); far fewer would fail by chance.
[ "$cnt_rows" -ge 1000 ] && [ "$cnt_units" -gt 0 ] && [ "$cnt_runs" -gt 0 ] ||
	{ echo "count.sh: BENCH_ROWS is at least 1000, BENCH_UNITS and BENCH_RUNS at least 1" >&2; exit 64; }
for cnt_p in "$cnt_dc" tests/bench/records; do
	[ -x "$cnt_p" ] || { echo "count.sh: $cnt_p is not built: run make bench" >&2; exit 1; }
done

cnt_fail() {
	echo "count.sh: $*" >&2
	exit 1
}

# cnt_timed CMD: runs the sh command CMD 3 times; sets cnt_secs to the best
# wall time and cnt_mb to the largest peak of the program CMD runs under
# $cnt_mem.  CMD sends its output where it wants it.
cnt_timed() {
	: >"$tmp/mem"
	if command -v hyperfine >/dev/null; then
		hyperfine -r "$cnt_runs" --style none --export-csv "$tmp/hf.csv" "$1" \
			>"$tmp/hf.log" 2>&1 || {
			# hyperfine drops the command's messages: once more, to show them.
			cat "$tmp/hf.log" >&2
			sh -c "$1" || :
			cnt_fail "failed: $1"
		}
		# command,mean,stddev,median,user,system,min,max (CMD may hold commas)
		cnt_secs=$(awk -F, 'NR == 2 { print $(NF - 1) }' "$tmp/hf.csv")
	else
		cnt_secs=
		for cnt_i in $(seq "$cnt_runs"); do
			cnt_s=$(date +%s.%N)
			sh -c "$1" || cnt_fail "failed: $1"
			cnt_e=$(date +%s.%N)
			cnt_secs=$(echo "$cnt_s $cnt_e $cnt_secs" |
				awk '{ t = $2 - $1; print ($3 == "" || t < $3) ? t : $3 }')
		done
	fi
	cnt_mb=$(awk '$1 + 0 > max { max = $1 + 0 }
		END { print max ? sprintf("%.1f", max * 1024 / 1e6) : "-" }' "$tmp/mem")
}

# cnt_row CASE TOOL SECS MB: one line of the table; disp-count's row comes
# first in each case and is the base of the ratio.
cnt_row() {
	[ "$1" = "$cnt_case" ] || { cnt_case=$1; cnt_base=$3; }
	awk -v c="$1" -v t="$2" -v s="$3" -v m="$4" -v b="$cnt_base" \
		-v bytes="$cnt_bytes" -v md="${BENCH_MARKDOWN:-0}" 'BEGIN {
		f = "%-40s %-26s %8.3f %8s %8.0f %7.2f\n"
		if (md == 1) {
			f = "| %s | %s | %.3f | %s | %.0f | %.2f |\n"
			gsub(/\|/, "\\|", t)
			i = index(c ", ", ", ")     # the options as code, not ", pipe"
			c = "`" substr(c, 1, i - 1) "`" substr(c, i)
		}
		printf f, c, t, s, m, (s > 0 ? bytes / s / 1e6 : 0), (b > 0 ? s / b : 0) }'
}

cnt_skip() {
	[ "${BENCH_MARKDOWN:-0}" = 1 ] && printf '| `%s` | %s | skipped: %s | | | |\n' "$1" "$2" "$3" ||
		printf '%-40s %-26s skipped: %s\n' "$1" "$2" "$3"
}

# cnt_measure CASE TOOL CMD: times CMD (which writes the tool's answer to
# $tmp/out) and prints its row.
cnt_measure() {
	cnt_timed "$3"
	cnt_row "$1" "$2" "$cnt_secs" "$cnt_mb"
}

# cnt_agree TOOL WANT AWK: the tool's answer in $tmp/out, turned by the awk
# program AWK into "group,total,events" lines, must be the file WANT.
cnt_agree() {
	awk -F, "$3" "$tmp/out" | LC_ALL=C sort >"$tmp/got"
	cmp -s "$2" "$tmp/got" || {
		echo "count.sh: $1 disagrees with awk's count (< awk, > $1):" >&2
		diff "$2" "$tmp/got" >&2 || :
		exit 1
	}
}

# The answers of every case, from one pass of awk over the file: by
# ethnicity (rows, flags), by ethnicity and sex (rows, flags), by ethnicity
# (rows, dismissals) and weighted (weights, weights of the flagged).
cnt_want() {
	awk -F, -v d="$tmp" 'NR > 1 {
		n[$2]++; f[$2] += $7; d1[$2] += $6 == "dismissed"
		w[$2] += $8; fw[$2] += $7 * $8
		k = $2 "," $3; n2[k]++; f2[k] += $7 }
	END {
		for (k in n) {
			printf "%s,%.0f,%.0f\n", k, n[k], f[k] >(d "/want.e")
			printf "%s,%.0f,%.0f\n", k, n[k], d1[k] >(d "/want.d")
			printf "%s,%.0f,%.0f\n", k, w[k], fw[k] >(d "/want.w")
		}
		for (k in n2)
			printf "%s,%.0f,%.0f\n", k, n2[k], f2[k] >(d "/want.es")
	}' "$cnt_f"
	for cnt_w in e d w es; do
		LC_ALL=C sort "$tmp/want.$cnt_w" >"$tmp/want" && mv "$tmp/want" "$tmp/want.$cnt_w"
	done
}

# cnt_same WHAT: $tmp/out must be $tmp/ref byte for byte.
cnt_same() {
	cmp -s "$tmp/ref" "$tmp/out" || {
		echo "count.sh: disp-count $1 differs from it on the file:" >&2
		diff "$tmp/ref" "$tmp/out" >&2 || :
		exit 1
	}
}

# The DuckDB package, installed once into the build tree.
cnt_duckdb() {
	[ -d "$cnt_npm/node_modules/@duckdb/node-api" ] && return 0
	command -v node >/dev/null || { cnt_why="node not installed"; return 1; }
	command -v npm >/dev/null || { cnt_why="npm not installed"; return 1; }
	[ "${BENCH_NPM:-1}" != 0 ] || { cnt_why="BENCH_NPM=0"; return 1; }
	mkdir -p "$cnt_npm"
	timeout 600 npm install --prefix "$cnt_npm" --no-save --no-package-lock \
		--no-audit --no-fund "@duckdb/node-api@$cnt_duckdb_version" >"$tmp/npm.log" 2>&1 ||
		{ cnt_why="npm install @duckdb/node-api failed: $(tail -n 1 "$tmp/npm.log")"; return 1; }
}

cnt_f="$tmp/records.csv"
tests/bench/records -n "$cnt_rows" -s "$cnt_seed" >"$cnt_f"
cat "$cnt_f" >/dev/null
cnt_bytes=$(wc -c <"$cnt_f" | tr -d ' ')
cnt_want
cnt_case=
cnt_versions=
echo
echo "Counting $cnt_rows rows ($(awk -v b="$cnt_bytes" 'BEGIN { printf "%.0f", b / 1e6 }') MB, seed $cnt_seed)," \
	"$(nproc) cores, $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -n 1)," \
	"$(command -v hyperfine >/dev/null && echo "hyperfine minimum of $cnt_runs" || echo "best of $cnt_runs")"
[ "${BENCH_MARKDOWN:-0}" = 1 ] && printf '| case | tool | wall s | peak MB | MB/s | ratio |\n|---|---|---|---|---|---|\n' ||
	printf '%-40s %-26s %8s %8s %8s %7s\n' case tool 'wall s' 'peak MB' 'MB/s' ratio

# By ethnicity, a count and a sum, from the file, with every peer.
cnt_c="-g ethnicity -e flag"
cnt_measure "$cnt_c" disp-count "$cnt_mem '$cnt_dc' $cnt_c '$cnt_f' >'$tmp/out'"
cp "$tmp/out" "$tmp/ref"
cnt_agree disp-count "$tmp/want.e" 'NR > 1 { print $1 "," $3 "," $2 }'
# Where disp-count has them: one thread, and the strict reader (libcsv).
cnt_threads=$("$cnt_dc" --help | grep -c -- --threads || :)
cnt_strict=$(grep -c DISP_COUNT_READER bin/disp-count.1 || :)
# cnt_variants CASE IN ARG HOW: those two runs of disp-count $cnt_c, its
# input piped by IN or named by ARG, each checked against the default's
# answer (HOW says how it read, for the message).
cnt_variants() {
	if [ "$cnt_threads" -gt 0 ]; then
		cnt_measure "$1" "disp-count --threads 1" \
			"$2 $cnt_mem '$cnt_dc' --threads 1 $cnt_c $3 >'$tmp/out'"
		cnt_same "--threads 1$4"
	fi
	if [ "$cnt_strict" -gt 0 ]; then
		cnt_measure "$1" "disp-count, strict reader" \
			"$2 DISP_COUNT_READER=strict $cnt_mem '$cnt_dc' $cnt_c $3 >'$tmp/out'"
		cnt_same "with DISP_COUNT_READER=strict$4"
	fi
}
cnt_variants "$cnt_c" "" "'$cnt_f'" ""
cnt_measure "$cnt_c" "wc -l (the floor)" "$cnt_mem wc -l '$cnt_f' >'$tmp/out'"
[ "$(awk '{ print $1 }' "$tmp/out")" -eq "$((cnt_rows + 1))" ] || cnt_fail "wc -l: not $cnt_rows rows"
if command -v datamash >/dev/null; then
	cnt_measure "$cnt_c" "datamash -s -g" \
		"$cnt_mem datamash -t, -s --header-in -g 2 count 2 sum 7 <'$cnt_f' >'$tmp/out'"
	cnt_agree datamash "$tmp/want.e" '{ printf "%s,%.0f,%.0f\n", $1, $2, $3 }'
	cnt_versions="$cnt_versions, datamash $(datamash --version | sed -n '1s/.* //p')"
else
	cnt_skip "$cnt_c" datamash "not installed (make deps-bench)"
fi
if command -v mlr >/dev/null; then
	cnt_measure "$cnt_c" "Miller stats1" \
		"$cnt_mem mlr --icsv --ocsv stats1 -a count,sum -f flag -g ethnicity '$cnt_f' >'$tmp/out'"
	cnt_agree Miller "$tmp/want.e" 'NR > 1 { printf "%s,%.0f,%.0f\n", $1, $2, $3 }'
	cnt_versions="$cnt_versions, $(mlr --version)"
else
	cnt_skip "$cnt_c" Miller "not installed (make deps-bench)"
fi
if command -v Rscript >/dev/null && Rscript -e 'library(data.table)' >/dev/null 2>&1; then
	: >"$tmp/times"
	cnt_measure "$cnt_c" "data.table (Rscript)" \
		"$cnt_mem Rscript tests/bench/datatable.R '$cnt_f' '$tmp/times' >'$tmp/out'"
	cnt_agree data.table "$tmp/want.e" 'NR > 1 { print $1 "," $2 "," $3 }'
	cnt_versions="$cnt_versions, data.table $(Rscript -e 'cat(format(packageVersion("data.table")))')"
	cnt_row "$cnt_c" "data.table (in R)" "$(sort -n "$tmp/times" | head -n 1)" "$cnt_mb"
else
	cnt_skip "$cnt_c" data.table "r-cran-data.table not installed (make deps-bench)"
fi
if cnt_duckdb; then
	: >"$tmp/times"
	cnt_measure "$cnt_c" "DuckDB (node)" \
		"$cnt_mem node tests/bench/duckdb.cjs '$cnt_npm/node_modules' '$cnt_f' '$tmp/times' >'$tmp/out'"
	cnt_agree DuckDB "$tmp/want.e" 'NR > 1 { print $1 "," $2 "," $3 }'
	cnt_versions="$cnt_versions, @duckdb/node-api $(sed -n 's/^ *"version": "\(.*\)",*$/\1/p' \
		"$cnt_npm/node_modules/@duckdb/node-api/package.json")"
	cnt_row "$cnt_c" "DuckDB (in node)" "$(sort -n "$tmp/times" | head -n 1)" "$cnt_mb"
else
	cnt_skip "$cnt_c" DuckDB "$cnt_why"
fi

# The same from a pipe, against cat | cat.
cnt_measure "$cnt_c, pipe" disp-count "cat '$cnt_f' | $cnt_mem '$cnt_dc' $cnt_c >'$tmp/out'"
cnt_same "from a pipe"
cnt_variants "$cnt_c, pipe" "cat '$cnt_f' |" "" " from a pipe"
cnt_measure "$cnt_c, pipe" "cat | cat (the pipe)" "cat '$cnt_f' | $cnt_mem cat >/dev/null"
# The pipe goal's two again, taken in turn, 2 * BENCH_RUNS times each (the
# cost of this machine's pipes changes within minutes, and the rows above
# are half a minute apart): the best of each.
cnt_best_dc= cnt_best_cat=
for cnt_i in $(seq $((2 * cnt_runs))); do
	for cnt_w in dc cat; do
		cnt_s=$(date +%s.%N)
		if [ $cnt_w = dc ]; then
			cat "$cnt_f" | "$cnt_dc" $cnt_c >"$tmp/out" || cnt_fail "failed: cat | disp-count $cnt_c"
		else
			cat "$cnt_f" | cat >/dev/null
		fi
		cnt_e=$(date +%s.%N)
		eval "cnt_b=\$cnt_best_$cnt_w"
		cnt_b=$(echo "$cnt_s $cnt_e $cnt_b" | awk '{ t = $2 - $1; print ($3 == "" || t < $3) ? t : $3 }')
		eval "cnt_best_$cnt_w=\$cnt_b"
	done
done
cnt_same "from a pipe, in turn with cat | cat"
cnt_row "$cnt_c, pipe, in turn" disp-count "$cnt_best_dc" -
cnt_row "$cnt_c, pipe, in turn" "cat | cat (the pipe)" "$cnt_best_cat" -

# Two group columns, an event by value, weights: disp-count alone, file
# and pipe.
for cnt_c in "-g ethnicity,sex -e flag" "-g ethnicity -e outcome=dismissed" \
	"-g ethnicity -e flag -w weight"; do
	cnt_measure "$cnt_c" disp-count "$cnt_mem '$cnt_dc' $cnt_c '$cnt_f' >'$tmp/out'"
	cp "$tmp/out" "$tmp/ref"
	case $cnt_c in
	*sex*) cnt_agree disp-count "$tmp/want.es" 'NR > 1 { print $1 "," $2 "," $4 "," $3 }' ;;
	*dismissed*) cnt_agree disp-count "$tmp/want.d" 'NR > 1 { print $1 "," $3 "," $2 }' ;;
	*weight*) cnt_agree disp-count "$tmp/want.w" 'NR > 1 { print $1 "," $3 "," $2 }' ;;
	esac
	cnt_measure "$cnt_c, pipe" disp-count "cat '$cnt_f' | $cnt_mem '$cnt_dc' $cnt_c >'$tmp/out'"
	cnt_same "$cnt_c from a pipe"
done

# Memory grows with the groups only: BENCH_UNITS of them.
rm -f "$cnt_f"
cnt_f="$tmp/units.csv"
tests/bench/records -n "$cnt_rows" -s "$cnt_seed" -u "$cnt_units" >"$cnt_f"
cat "$cnt_f" >/dev/null
cnt_bytes=$(wc -c <"$cnt_f" | tr -d ' ')
cnt_c="-g unit -e flag, $cnt_units groups"
cnt_measure "$cnt_c" disp-count "$cnt_mem '$cnt_dc' -g unit -e flag '$cnt_f' >'$tmp/out'"
cnt_g=$(($(wc -l <"$tmp/out") - 1))
cnt_n=$((cnt_rows < cnt_units ? cnt_rows : cnt_units))
[ "$cnt_g" -eq "$cnt_n" ] || cnt_fail "-g unit: $cnt_g groups in the output, not $cnt_n"
cnt_n=$(awk -F, 'NR > 1 { n += $3 } END { printf "%.0f", n }' "$tmp/out")
[ "$cnt_n" -eq "$cnt_rows" ] || cnt_fail "-g unit: $cnt_n rows counted, not $cnt_rows"
rm -f "$cnt_f"
[ -z "$cnt_versions" ] || echo "Peers:${cnt_versions#,}"
