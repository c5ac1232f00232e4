#!/usr/bin/perl
# Runs the bad-input corpus (tests/bad/cases: its head says the format):
# each input through each filter named on its line, comparing the exit
# status and stderr, and, for a failure, that stdout is empty (no partial
# table for the next filter).  Prints TAP.  B is the build prefix.
use strict;
use warnings;
use Cwd qw(getcwd);
use File::Temp qw(tempdir);

my $root = getcwd();
$ENV{PATH} = "$root/" . ($ENV{B} // '') . "bin:$ENV{PATH}";
$ENV{LC_ALL} = 'C';
my $tmp = tempdir('disp-bad.XXXXXX', TMPDIR => 1, CLEANUP => 1);
my (%cmd, @cases);

open(my $fh, '<:raw', 'tests/bad/cases') or die "tests/bad/cases: $!\n";
while (my $l = <$fh>) {
	chomp $l;
	next if $l =~ /^\s*(#.*)?$/;
	if ($l =~ /^cmd (\S+) = (.*)$/) {
		$cmd{$1} = $2;
	} elsif ($l =~ /^keep (\S+) \| ([^|]+) \| (.*)$/) {
		push @cases, {file => $1, names => $2, keep => $3};
	} elsif ($l =~ /^(\S+) \| ([^|]+) \| (\d+) \|\s?(.*)$/) {
		push @cases, {file => $1, names => $2, exit => $3, err => $4};
	} else {
		die "tests/bad/cases:$.: unexpected line: $l\n";
	}
}

sub slurp {
	my ($f) = @_;
	open(my $h, '<:raw', $f) or return '';
	local $/;
	my $s = <$h>;
	return $s // '';
}

my ($n, $failed) = (0, 0);
for my $c (@cases) {
	my $file = "tests/bad/$c->{file}";
	die "$file: missing\n" unless -e $file;
	for my $name (split ' ', $c->{names}) {
		my $line = $cmd{$name} // die "tests/bad/cases: no cmd $name\n";
		system('rm', '-rf', "$tmp/report");
		(my $sh = $line) =~ s/\bFILE\b/$file/g;
		$sh =~ s/\bTMP\b/$tmp/g;
		system('sh', '-c', "$sh </dev/null >$tmp/out 2>$tmp/err");
		my $code = $? & 127 ? 128 + ($? & 127) : $? >> 8;
		my ($out, $err) = (slurp("$tmp/out"), slurp("$tmp/err"));
		my @why;
		if (defined $c->{keep}) {
			(my $want = $c->{keep}) =~ s/\\x([0-9A-Fa-f]{2})/chr hex $1/ge;
			my $got = $name =~ /^report/ ? slurp("$tmp/report/rates.csv") : $out;
			push @why, "exit $code" if $code;
			push @why, "the output does not hold the name's bytes"
				if index($got, $want) < 0;
		} else {
			(my $prog = $line) =~ s/ .*//;
			(my $want = $c->{err}) =~ s/\bPROG\b/$prog/g;
			$want =~ s/\bFILE\b/$file/g;
			$want =~ s/\bTMP\b/$tmp/g;
			$want .= "\n" if length $want;
			push @why, "exit $code, want $c->{exit}" if $code != $c->{exit};
			push @why, "stderr differs:\n#   want: $want#   got:  $err"
				if $err ne $want;
			push @why, "a failure wrote " . length($out) . " bytes to stdout"
				if $code != 0 && $code != 1 && length $out;
		}
		$n++;
		my $what = defined $c->{keep} ? 'keeps the name' : "exit $c->{exit}";
		print @why ? 'not ok' : 'ok', " $n - bad: $c->{file} $name: $what\n";
		next unless @why;
		$failed++;
		print "#   cmd: $sh\n";
		print "#   $_\n" for @why;
	}
}
print "1..$n\n";
exit($failed ? 1 : 0);
