# Sourced by tests/bench/run: disp-rate on many groups (one row each, the
# default methods), to show the cost is linear in the groups: the table of
# groups is a hash table (it was a list, 36 s at 10^5 groups).  Prints
# groups, seconds, microseconds per group and peak memory (GNU time's
# %M where /usr/bin/time is installed).
echo
printf '%-10s %10s %12s %12s\n' groups seconds 'us/group' 'peak KB'
for k in 10000 100000 1000000; do
	awk -v k="$k" 'BEGIN { print "group,events,total"
		for (i = 1; i <= k; i++) print "g" i "," (i * 7919) % 1000 "," 1000 + i % 5000 }' \
		>"$tmp/groups.csv"
	s=$(date +%s.%N)
	if [ -x /usr/bin/time ]; then
		mem=$(/usr/bin/time -f %M bin/disp-rate -r g1 "$tmp/groups.csv" 2>&1 >/dev/null)
	else
		bin/disp-rate -r g1 "$tmp/groups.csv" >/dev/null; mem=-
	fi
	e=$(date +%s.%N)
	echo "$k $s $e $mem" | awk '{ t = $3 - $2
		printf "%-10s %10.2f %12.2f %12s\n", $1, t, 1e6 * t / $1, $4 }'
done
