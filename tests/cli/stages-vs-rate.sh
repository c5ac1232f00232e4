#!/bin/sh
# disp-stages against disp-rate on the same 2x2 tables (tests/cli/disp-stages.t):
# for each stage, the table of its count and its base's count per group,
# built from the input counts here (not from disp-stages' output), goes
# through disp-rate with the same methods; its rate, rate_lo, rate_hi, rr,
# rr_lo, rr_hi and p must be disp-stages' columns of the same names, byte
# for byte at 17 digits, and disp-rate on the count over the first stage's
# must give cum_rate, cum_rr, cum_rr_lo, cum_rr_hi and cum_p.  Prints one
# line per stage.
#
# Usage: stages-vs-rate.sh FILE REF STAGES [METHOD OPTION]...
#   (the group column is the first; STAGES as --stages, COL/BASE allowed)
f=$1 ref=$2 stages=$3
shift 3
tmp=${TMPDIR:-/tmp}/disp-svr.$$
trap 'rm -f "$tmp".*' EXIT
disp-stages -r "$ref" -s "$stages" --digits 17 "$@" "$f" >"$tmp.st" || exit 1
# STAGE BASE pairs, the base being the stage before unless COL/BASE.
echo "$stages" | tr ',' '\n' | awk -F/ 'NR == 1 { first = $1 }
	NR > 1 { print $1, (NF > 1 ? $2 : prev), first } { prev = $1 }' >"$tmp.pairs"
while read -r s b first; do
	for what in stage cum; do
		[ "$what" = stage ] && d=$b || d=$first
		awk -F, -v s="$s" -v d="$d" 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i;
			print $1 ",events,total"; next }
			{ print $1 "," $c[s] "," $c[d] }' "$f" |
			disp-rate -r "$ref" --digits 17 "$@" | cut -d, -f1,4-6,8-11 >"$tmp.rate"
		# cum: the rate and the comparisons (the rate interval has no
		# cumulative twin).
		if [ "$what" = stage ]; then cols=1,6-8,10-13; else cols=1,14-18; fi
		[ "$what" = stage ] || { cut -d, -f1,2,5- "$tmp.rate" >"$tmp.r2" &&
			mv "$tmp.r2" "$tmp.rate"; }
		awk -F, -v s="$s" 'NR == 1 || $2 == s' "$tmp.st" | cut -d, -f"$cols" >"$tmp.got"
		tail -n +2 "$tmp.rate" >"$tmp.want"
		tail -n +2 "$tmp.got" >"$tmp.have"
		if cmp -s "$tmp.want" "$tmp.have"; then
			echo "$s ($what, base $d): same as disp-rate"
		else
			echo "$s ($what, base $d): differs from disp-rate"
			diff "$tmp.want" "$tmp.have"
		fi
	done
done <"$tmp.pairs"
