#!/bin/sh
# scripts/disp-count-parallel, tested (TAP): locally and over ssh to a real
# sshd that this test starts on 127.0.0.1, on a private port, with its own
# host key, authorized key and configuration in a temporary directory, and
# stops afterwards.  The merged counts must equal disp-count over all the
# files at once, byte for byte; a shard that fails, is killed, comes back
# short or is counted twice, and a host that cannot be reached, must each
# fail the run with no counts written.  When GNU parallel is missing, or
# sshd cannot be started, the cases say "# SKIP" and why; they never pass.
#
# B is the build prefix, as for the rest of the suite.
set -u
root=$(pwd)
bin=$root/${B:-}bin
PATH=$bin:$PATH
export PATH LC_ALL=C
script=$root/scripts/disp-count-parallel
tmp=$(mktemp -d "${TMPDIR:-/tmp}/disp-parallel-test.XXXXXX") || exit 1
sshd_pid=
cleanup() {
	[ -z "$sshd_pid" ] || { kill "$sshd_pid" 2>/dev/null; wait "$sshd_pid" 2>/dev/null; }
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
n=0 failed=0

ok() {   # ok COND-STATUS NAME [WHY...]
	n=$((n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $n - parallel: $2"
	else
		echo "not ok $n - parallel: $2"
		shift 2
		for w; do echo "#   $w"; done
		failed=$((failed + 1))
	fi
}
skip() { n=$((n + 1)); echo "ok $n - parallel: $1 # SKIP $2"; }

# Records like merge-split.sh's (empty and quoted group values, a flag, a
# second flag, a weight), cut into four shards of uneven size, each with the
# header, and a fifth with the header only.
cd "$tmp" || exit 1
awk 'BEGIN { srand(15); print "region,grp,flag,hit,w";
	split("North|South||\"East, far\"|\"Q\"\"uote\"", R, "|");
	split("A|B|a|ab||B ", G, "|");
	for (i = 0; i < 2000; i++)
		printf "%s,%s,%s,%d,%d\n", R[int(rand() * 5) + 1], G[int(rand() * 6) + 1],
			rand() < 0.3 ? "yes" : "no", rand() < 0.5, int(rand() * 4) }' >all.csv
head -n 1 all.csv >head.csv
i=0
for range in 2,101 102,801 802,1500 1501,2001; do
	i=$((i + 1))
	{ cat head.csv; sed -n "${range}p" all.csv; } >shard$i.csv
done
cp head.csv shard5.csv
shards="shard1.csv shard2.csv shard3.csv shard4.csv shard5.csv"
rows=$(($(wc -l <all.csv) - 1))

# The generator itself: the shards hold every row once.
got=$(cat $shards | grep -v -c '^region,')
ok $([ "$got" -eq "$rows" ] && [ "$rows" -eq 2000 ]; echo $?) \
	"the shards hold the 2000 generated rows" "rows $rows, in shards $got"

have_parallel=1
command -v parallel >/dev/null 2>&1 || have_parallel=

# same NAME DISP-COUNT-OPTIONS...: the script over the shards equals
# disp-count over them all at once.  SCRIPT_OPTS go to the script only.
same() {
	name=$1
	shift
	disp-count "$@" $shards >want 2>want.err
	"$script" ${SCRIPT_OPTS:-} "$@" $shards >got 2>got.err
	s=$?
	ok $([ $s -eq 0 ] && cmp -s want got && [ -s want ]; echo $?) "$name" \
		"exit $s" "$(cat got.err)" "$(diff want got | head -5)"
}

# fails NAME STATUS PATTERN SCRIPT-ARGS...: the run exits STATUS, writes no
# counts, and says PATTERN on stderr.
fails() {
	name=$1 want=$2 pat=$3
	shift 3
	"$script" "$@" >got 2>got.err
	s=$?
	ok $([ $s -eq "$want" ] && [ ! -s got ] && grep -q -- "$pat" got.err; echo $?) \
		"$name" "exit $s, want $want" "stdout: $(head -c 200 got)" \
		"stderr: $(cat got.err)"
}

# DISP_COUNT wrappers that misbehave for shard2.csv: killed, or counts cut
# short (its ledger intact, so only the merge can tell).
real=$bin/disp-count
cat >killer <<EOF
#!/bin/sh
for last; do :; done
case \$last in *shard2.csv) kill -9 \$\$ ;; esac
exec "$real" "\$@"
EOF
cat >shorter <<EOF
#!/bin/sh
for last; do :; done
case \$last in *shard2.csv) "$real" "\$@" | sed '\$d'; exit 0 ;; esac
exec "$real" "\$@"
EOF
# ...and one that notes where it ran, to show a shard went over ssh.
cat >where <<EOF
#!/bin/sh
echo "\${SSH_CONNECTION:-local}" >>"$tmp/where.log"
exec "$real" "\$@"
EOF
chmod +x killer shorter where

local_cases() {
	same "an event flag and weights, by two columns" -g region,grp -e flag -w w
	same "-f: two flag columns" -g grp -f flag,hit
	same "-e COL=VALUE" -g region -e grp=B
	SCRIPT_OPTS="-j 1" same "one shard at a time (-j 1)" -g grp -e hit
	same "--pretty" -g region -e flag --pretty

	"$script" --ledger all.ledger -g grp -e flag $shards >/dev/null 2>&1
	sum=$(awk -F, 'NR > 1 { r += $2; c += $3 } END { print NR - 1, r, c }' all.ledger)
	ok $([ "$sum" = "5 $rows $rows" ]; echo $?) "--ledger keeps one line per shard, rows adding up" \
		"lines, rows, counted: $sum"

	printf 'region,grp,flag,hit,w\nNorth,A,maybe,0,1\n' >bad.csv
	fails "a shard with a bad row fails the run (65)" 65 "bad.csv:2: column 'flag'" \
		-g grp -e flag shard1.csv bad.csv shard3.csv
	fails "a missing FILE fails the run (66)" 66 "nonexistent.csv" -g grp shard1.csv nonexistent.csv
	DISP_COUNT=$tmp/killer fails "a killed shard fails the run (70)" 70 \
		"shard 2 (shard2.csv, on :): .*killed by signal 9" -g grp -e flag $shards
	DISP_COUNT=$tmp/shorter fails "a shard whose counts come back short fails the merge (1)" 1 \
		"a shard's counts are missing or short" -g grp -e flag $shards
	fails "a shard counted twice fails the merge (1)" 1 "a shard counted twice" \
		-g grp shard1.csv shard2.csv shard1.csv
	fails "-e COL=VALUE that no shard has (65)" 65 "no row has that value in any shard" \
		-g grp -e grp=nowhere $shards
	fails "stdin is no shard (64)" 64 "stdin cannot be a shard" -g grp -
}

if [ -n "$have_parallel" ]; then
	local_cases
else
	for c in 1 2 3 4 5 6 7 8 9 10 11 12 13; do skip "local case $c" "GNU parallel is not installed"; done
fi

# Without GNU parallel on the PATH: exit 69, with the package to install.
mkdir nopath
for t in sh sed mktemp; do ln -s "$(command -v $t)" nopath/$t; done
PATH=$tmp/nopath "$script" -g grp shard1.csv >got 2>got.err
s=$?
ok $([ $s -eq 69 ] && grep -q 'apt-get install parallel' got.err; echo $?) \
	"no GNU parallel: exit 69" "exit $s" "$(cat got.err)"

# --- over ssh ---------------------------------------------------------
# A private sshd: host key, client key, authorized_keys and both configs
# in the temporary directory; the first free port of a few tried.
start_sshd() {
	sshd=/usr/sbin/sshd
	[ -x "$sshd" ] || { why="sshd is not installed (Debian: openssh-server)"; return 1; }
	command -v ssh >/dev/null && command -v ssh-keygen >/dev/null ||
		{ why="ssh is not installed (Debian: openssh-client)"; return 1; }
	mkdir -p "$tmp/ssh" && chmod 700 "$tmp/ssh" || return 1
	ssh-keygen -q -t ed25519 -N '' -f "$tmp/ssh/host_key" || { why="ssh-keygen failed"; return 1; }
	ssh-keygen -q -t ed25519 -N '' -f "$tmp/ssh/user_key" || { why="ssh-keygen failed"; return 1; }
	cp "$tmp/ssh/user_key.pub" "$tmp/ssh/authorized_keys"
	# sshd run as root wants its privilege separation directory, which
	# the Debian service makes at boot.
	if [ "$(id -u)" -eq 0 ] && [ ! -d /run/sshd ]; then
		mkdir -p /run/sshd && chmod 755 /run/sshd
	fi
	user=$(id -un)
	for port in $(awk -v s=$$ 'BEGIN { srand(s); for (i = 0; i < 5; i++)
		print 20000 + int(rand() * 40000) }'); do
		cat >"$tmp/ssh/sshd_config" <<EOF
Port $port
ListenAddress 127.0.0.1
HostKey $tmp/ssh/host_key
AuthorizedKeysFile $tmp/ssh/authorized_keys
PidFile $tmp/ssh/sshd.pid
AllowUsers $user
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
LogLevel ERROR
EOF
		cat >"$tmp/ssh/ssh_config" <<EOF
Host 127.0.0.1
	Port $port
	User $user
	IdentityFile $tmp/ssh/user_key
	IdentitiesOnly yes
	UserKnownHostsFile $tmp/ssh/known_hosts
	StrictHostKeyChecking accept-new
	BatchMode yes
	ConnectTimeout 5
	LogLevel ERROR
EOF
		"$sshd" -f "$tmp/ssh/sshd_config" -D -e 2>"$tmp/ssh/sshd.log" &
		sshd_pid=$!
		i=0
		while [ $i -lt 50 ]; do
			if ssh -F "$tmp/ssh/ssh_config" 127.0.0.1 true 2>/dev/null; then
				return 0
			fi
			kill -0 "$sshd_pid" 2>/dev/null || break
			sleep 0.2
			i=$((i + 1))
		done
		kill "$sshd_pid" 2>/dev/null
		wait "$sshd_pid" 2>/dev/null
		sshd_pid=
	done
	why="sshd did not start: $(tr '\n' ' ' <"$tmp/ssh/sshd.log" | cut -c1-200)"
	return 1
}

ssh_cases() {
	export PARALLEL_SSH="ssh -F $tmp/ssh/ssh_config"
	# The hosts' disp-count: this build's, by its absolute path.
	export DISP_COUNT="$real"
	: >where.log
	DISP_COUNT=$tmp/where SCRIPT_OPTS="-S 127.0.0.1 -j 2" \
		same "over ssh: equals disp-count over all the files" -g region,grp -e flag -w w
	remote=$(grep -c '^127\.0\.0\.1 ' where.log)
	ok $([ "$remote" -eq 5 ]; echo $?) "over ssh: every shard ran through sshd" \
		"$remote of 5 ran over ssh: $(cat where.log)"
	SCRIPT_OPTS="-S 127.0.0.1 -S :" same "over ssh and here at once, with -f" -g grp -f flag,hit
	DISP_COUNT=$tmp/killer fails "over ssh: a killed shard fails the run (70)" 70 \
		"shard 2 (.*shard2.csv, on 127.0.0.1)" -S 127.0.0.1 -g grp $shards
	fails "over ssh: a bad row fails the run (65)" 65 "column 'flag'" \
		-S 127.0.0.1 -g grp -e flag shard1.csv bad.csv
	# A second host that refuses connections: its shards fail with ssh's
	# 255, so the run fails.
	printf 'Host 127.0.0.2\n\tPort %s\n\tBatchMode yes\n\tConnectTimeout 5\n' "$port" \
		>>"$tmp/ssh/ssh_config"
	fails "over ssh: a host that cannot be reached fails the run (70)" 70 \
		"no counts written" -S 1/127.0.0.2 -j 1 -g grp $shards
}

if [ -z "$have_parallel" ]; then
	for c in 1 2 3 4 5 6; do skip "ssh case $c" "GNU parallel is not installed"; done
elif ! start_sshd; then
	for c in 1 2 3 4 5 6; do skip "ssh case $c" "$why"; done
else
	ssh_cases
fi

echo "1..$n"
[ "$failed" -eq 0 ]
