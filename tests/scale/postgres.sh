#!/bin/sh
# Where the records already live in a database, the GROUP BY is done there
# and its counts piped into disp-rate.  Tested (TAP) against a real
# PostgreSQL server that this test starts in a temporary directory (initdb,
# then pg_ctl on a private port, listening on a Unix socket there only, no
# TCP) and stops afterwards: load fixtures/example-stops.csv, COPY the
# GROUP BY's counts out as CSV, and check that they, and what disp-rate and
# disp-strata make of them, are byte for byte what the disp-count pipeline
# gives.  initdb refuses to run as root, so as root the server runs as the
# postgres user (Debian's package makes it).  When the server cannot be
# started, every case says "# SKIP" and why; none passes.
#
# B is the build prefix, as for the rest of the suite.
set -u
root=$(pwd)
PATH=$root/${B:-}bin:$PATH
export PATH LC_ALL=C
fixture=$root/fixtures/example-stops.csv
cases="counts per group from GROUP BY equal disp-count's
disp-rate of the GROUP BY's counts equals disp-count | disp-rate
by two columns: disp-strata of the GROUP BY's counts equals disp-count | disp-strata"
tmp= pgbin= as= port=

skip_all() {
	i=0
	printf '%s\n' "$cases" | while IFS= read -r c; do
		i=$((i + 1))
		echo "ok $i - postgres: $c # SKIP $1"
	done
	echo "1..$(printf '%s\n' "$cases" | wc -l)"
	exit 0
}

stop() {
	if [ -n "$tmp" ] && [ -f "$tmp/data/postmaster.pid" ]; then
		$as "$pgbin/pg_ctl" -D "$tmp/data" -m fast -w stop >/dev/null 2>&1
	fi
	[ -z "$tmp" ] || rm -rf "$tmp"
}
trap stop EXIT
trap 'exit 1' INT TERM

# The server's programs: Debian keeps them out of the PATH, per version.
for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5,5n -r); do
	[ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && { pgbin=$d; break; }
done
if [ -z "$pgbin" ] && command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
	pgbin=$(dirname "$(command -v initdb)")
fi
[ -n "$pgbin" ] || skip_all "the PostgreSQL server is not installed (Debian: postgresql)"
psql=$(command -v psql || echo "$pgbin/psql")
[ -x "$psql" ] || skip_all "psql is not installed (Debian: postgresql-client)"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/disp-pg-test.XXXXXX") || exit 1
if [ "$(id -u)" -eq 0 ]; then
	id postgres >/dev/null 2>&1 ||
		skip_all "running as root, and there is no postgres user to run the server as (initdb refuses root)"
	chown postgres "$tmp" || skip_all "cannot give the temporary directory to postgres"
	command -v runuser >/dev/null ||
		skip_all "running as root without runuser (util-linux) to start the server as postgres"
	as="runuser -u postgres --"
fi
$as "$pgbin/initdb" -D "$tmp/data" -A trust -U postgres -E UTF8 --locale=C --no-sync \
	>"$tmp/initdb.log" 2>&1 ||
	skip_all "initdb failed: $(tail -n 2 "$tmp/initdb.log" | tr '\n' ' ')"
port=$(awk -v s=$$ 'BEGIN { srand(s); print 20000 + int(rand() * 40000) }')
$as "$pgbin/pg_ctl" -D "$tmp/data" -l "$tmp/data/server.log" -w -t 60 \
	-o "-p $port -k $tmp -c listen_addresses=''" start >"$tmp/pg_ctl.log" 2>&1 ||
	skip_all "the server did not start: $(tail -n 2 "$tmp/data/server.log" 2>/dev/null | tr '\n' ' ')"

sql() {
	"$psql" -X -q -v ON_ERROR_STOP=1 -h "$tmp" -p "$port" -U postgres -d postgres "$@"
}
n=0 failed=0
check() {   # check NAME WANT GOT
	n=$((n + 1))
	if cmp -s "$2" "$3" && [ -s "$2" ]; then
		echo "ok $n - postgres: $1"
	else
		echo "not ok $n - postgres: $1"
		diff "$2" "$3" | head -10 | sed 's/^/#   /'
		failed=$((failed + 1))
	fi
}

sql -c "CREATE TABLE stops (id text, ethnicity text, sex text, arrested integer)" &&
	sql -c "COPY stops FROM STDIN WITH (FORMAT csv, HEADER)" <"$fixture" ||
	{ echo "not ok 1 - postgres: loading the fixture failed"; echo "1..1"; exit 1; }

# Groups in bytewise order, as disp-count sorts them.
sql -c 'COPY (SELECT ethnicity, sum(arrested) AS events, count(*) AS total
	FROM stops GROUP BY ethnicity ORDER BY ethnicity COLLATE "C")
	TO STDOUT WITH (FORMAT csv, HEADER)' >"$tmp/pg.csv"
disp-count -g ethnicity -e arrested "$fixture" >"$tmp/dc.csv"
check "$(printf '%s\n' "$cases" | sed -n 1p)" "$tmp/dc.csv" "$tmp/pg.csv"

disp-rate -r White <"$tmp/pg.csv" >"$tmp/pg-rate.csv"
disp-count -g ethnicity -e arrested "$fixture" | disp-rate -r White >"$tmp/dc-rate.csv"
check "$(printf '%s\n' "$cases" | sed -n 2p)" "$tmp/dc-rate.csv" "$tmp/pg-rate.csv"

sql -c 'COPY (SELECT ethnicity, sex, sum(arrested) AS events, count(*) AS total
	FROM stops GROUP BY ethnicity, sex
	ORDER BY ethnicity COLLATE "C", sex COLLATE "C")
	TO STDOUT WITH (FORMAT csv, HEADER)' | disp-strata -s sex -r White >"$tmp/pg-strata.csv"
disp-count -g ethnicity,sex -e arrested "$fixture" | disp-strata -s sex -r White >"$tmp/dc-strata.csv"
check "$(printf '%s\n' "$cases" | sed -n 3p)" "$tmp/dc-strata.csv" "$tmp/pg-strata.csv"

echo "1..$n"
[ "$failed" -eq 0 ]
