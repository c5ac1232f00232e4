#!/bin/sh
# Runs the EXAMPLES of every man page in bin/, and the README's, as tests,
# printing TAP.  In an EXAMPLES section, a line "$ COMMAND" is run with sh
# from the repo root (the build's bin/ first in PATH) and must exit 0 and
# print something; lines shown after it, up to the next "$ " or ".fi", must
# be its output.  In the README, an indented "    $ COMMAND" and its output,
# indented the same, up to a blank line.
# Absolute, so that an example may cd elsewhere.
PATH="$(pwd)/${B}bin:$PATH"
export PATH LC_ALL=C
n=0 failed=0
tmp=${TMPDIR:-/tmp}/disp-man.$$

# Splits the lines of $tmp.ex into $tmp.cmdK and $tmp.wantK; a command's
# output ends at a line matching the regular expression $1.
split_examples() {
	awk -v out="$tmp" -v stop="$1" '
		/^\$ / { k++; print substr($0, 3) > (out ".cmd" k); want = 1;
			 printf "" > (out ".want" k); next }
		$0 ~ stop { want = 0; next }
		want { print > (out ".want" k) }
		END { print k + 0 > (out ".count") }' "$tmp.ex"
}

# Runs every command split_examples found, as TAP lines naming $1.
run_examples() {
	count=$(cat "$tmp.count")
	i=1
	while [ "$i" -le "$count" ]; do
		n=$((n + 1))
		cmd=$(cat "$tmp.cmd$i")
		sh -c "$cmd" >"$tmp.got" 2>"$tmp.err" </dev/null
		rc=$?
		why=
		[ "$rc" -eq 0 ] || why="exit $rc"
		[ -s "$tmp.got" ] || why="$why no output"
		if [ -s "$tmp.want$i" ] && ! cmp -s "$tmp.want$i" "$tmp.got"; then
			why="$why output differs"
		fi
		if [ -n "$why" ]; then
			failed=$((failed + 1))
			echo "not ok $n - $1 example: $cmd"
			echo "#   $why"
			sed 's/^/#   /' "$tmp.err"
			diff "$tmp.want$i" "$tmp.got" | sed 's/^/#   /' | head -20
		else
			echo "ok $n - $1 example: $cmd"
		fi
		i=$((i + 1))
	done
	rm -f "$tmp".*
}

for page in bin/*.1; do
	# Unescape roff (\- and \e) and keep the EXAMPLES section's lines.
	sed -n '/^\.SH EXAMPLES/,/^\.SH /p' "$page" |
		sed 's/\\-/-/g; s/\\e/\\/g' >"$tmp.ex"
	split_examples '^[.](fi|SH|PP)'
	run_examples "$page"
done
sed -n 's/^    //p; /^$/p' README.md >"$tmp.ex"
split_examples '^$'
run_examples README.md
echo "1..$n"
[ "$failed" -eq 0 ]
