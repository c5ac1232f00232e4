# Sourced by tests/bench/run: Barnard and Boschloo on balanced tables (10^4
# and 10^5 per arm) and an unbalanced one (10^5 against 1), where their cost
# used to grow as n1^2 (5/10^5 vs 0/1 took over 60 s).  scipy gets LIMIT
# seconds for its three timed calls, 0 meaning it is not run: its
# barnard_exact takes about 3 s at 10^5 vs 1, 25 s at 1,000 per arm and
# grows as n^2 beyond (some 40 minutes at 10^4), its boschloo_exact over
# 40 s at 10^5 vs 1 and 231 s at 1,000 per arm.  Where scipy does not run
# or finish, its column says so.

# case_limited NAME OPTION METHOD PEER X1 N1 X2 N2 REPS_OURS REPS_PEER LIMIT
case_limited() {
	o=$(ours "$2" "$3" "$5" "$6" "$7" "$8" "$9")
	if [ "${11}" -gt 0 ] &&
	   p=$(timeout "${11}" $py tests/bench/peers.py "$4" "$5" "$6" "$7" "$8" "${10}"); then
		printf '%-22s %-34s %10.3g %10.3g %8.1f\n' "$1" "$5/$6 vs $7/$8" "$o" "$p" \
			"$(echo "$p $o" | awk '{ print $1 / $2 }')"
	else
		[ "${11}" -gt 0 ] && w="not in ${11}s" || w="not run"
		printf '%-22s %-34s %10.3g %10s %8s\n' "$1" "$5/$6 vs $7/$8" "$o" "$w" "-"
	fi
}

case_limited "barnard 10^4/arm" --test barnard barnard 5000 10000 4900 10000 5 1 0
case_limited "boschloo 10^4/arm" --test boschloo boschloo 5000 10000 4900 10000 5 1 0
case_limited "barnard 10^5 vs 1" --test barnard barnard 5 100000 0 1 5 1 60
case_limited "boschloo 10^5 vs 1" --test boschloo boschloo 5 100000 0 1 5 1 60
case_limited "barnard 10^5/arm" --test barnard barnard 50000 100000 49000 100000 2 1 0
case_limited "boschloo 10^5/arm" --test boschloo boschloo 50000 100000 49000 100000 2 1 0
