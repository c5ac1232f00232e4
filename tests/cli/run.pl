#!/usr/bin/perl
# Golden command-line tests.  Each tests/cli/*.t file holds cases:
#
#   === name of the case
#   cmd: disp-rate -r White           (run by sh -c from the repo root,
#                                      with the built bin/ first in PATH)
#   --- stdin                         (optional; default: empty input)
#   group,events,total
#   --- stdout
#   ...
#   --- stderr                        (optional; default: must be empty)
#   --- exit 65                       (optional; default: 0)
#
# A section header may add "escaped": the body's \r \t \n \\ and \xHH are then
# decoded (for CRLF, BOM and TAB input), and "noeol": no newline after the last
# line.  "--- stdout any" skips comparing stdout.  Trailing blank lines of a
# section are dropped (they separate cases).  Prints TAP.
use strict;
use warnings;

use Cwd qw(getcwd);
# Absolute, so that a case may cd elsewhere.
my $bindir = getcwd() . '/' . ($ENV{B} // '') . 'bin';
my $testdir = getcwd() . '/' . ($ENV{B} // '') . 'tests';   # the roundtrip checker
$ENV{PATH} = "$bindir:$testdir:$ENV{PATH}";
$ENV{LC_ALL} = 'C';
my @files = @ARGV ? @ARGV : sort glob('tests/cli/*.t');
my ($n, $failed) = (0, 0);

sub decode {
	my ($s) = @_;
	$s =~ s/\\(x([0-9A-Fa-f]{2})|r|t|n|\\)/
		$2 ? chr(hex $2) : $1 eq 'r' ? "\r" : $1 eq 't' ? "\t" :
		$1 eq 'n' ? "\n" : "\\"/ge;
	return $s;
}

sub run_case {
	my ($file, $c) = @_;
	$n++;
	my $tmp = "/tmp/disp-cli-$$";
	open(my $in, '>:raw', "$tmp.in") or die;
	print $in ($c->{stdin} // '');
	close $in;
	# Braces, so that the redirections hold for a whole pipeline.
	system('sh', '-c', "{ $c->{cmd}\n} <$tmp.in >$tmp.out 2>$tmp.err");
	my $code = $? & 127 ? 128 + ($? & 127) : $? >> 8;
	local $/;
	open(my $o, '<:raw', "$tmp.out") or die; my $out = <$o>; close $o;
	open(my $e, '<:raw', "$tmp.err") or die; my $err = <$e>; close $e;
	unlink "$tmp.in", "$tmp.out", "$tmp.err";
	my @why;
	push @why, "exit $code, want $c->{exit}" if $code != $c->{exit};
	push @why, "stdout differs" if defined $c->{stdout} && $out ne $c->{stdout};
	push @why, "stderr differs" if $err ne ($c->{stderr} // '');
	print @why ? 'not ok' : 'ok', " $n - $file: $c->{name}\n";
	return unless @why;
	$failed++;
	print "#   $_\n" for @why;
	print "#   cmd: $c->{cmd}\n";
	for ([$out, $c->{stdout}, 'stdout'], [$err, $c->{stderr} // '', 'stderr']) {
		my ($got, $want, $what) = @$_;
		next if !defined $want || $got eq $want;
		print "#   --- want $what\n", map("#   $_\n", split /\n/, $want);
		print "#   --- got $what\n", map("#   $_\n", split /\n/, $got);
	}
}

for my $file (@files) {
	open(my $fh, '<:raw', $file) or die "$file: $!\n";
	my (@cases, $c, $sec, @flags);
	my $close = sub {
		return unless $c && $sec;
		my $body = $c->{$sec} // '';
		$body =~ s/\n\n+\z/\n/;  # blank lines between cases are not data
		$body = '' if $body eq "\n";
		$body =~ s/\n\z// if grep { $_ eq 'noeol' } @flags;
		$body = decode($body) if grep { $_ eq 'escaped' } @flags;
		$c->{$sec} = $body;
		undef $sec;
	};
	while (my $l = <$fh>) {
		if ($l =~ /^=== (.*)$/) {
			$close->();
			push @cases, $c = { name => $1, exit => 0 };
		} elsif ($l =~ /^--- (stdin|stdout|stderr)\b\s*(.*)$/) {
			$close->();
			($sec, @flags) = ($1, split ' ', $2);
			if (grep { $_ eq 'any' } @flags) { $c->{any_out} = 1; undef $sec; next }
			$c->{$sec} = '';
		} elsif ($l =~ /^--- exit (\d+)\s*$/) {
			$close->();
			$c->{exit} = $1;
		} elsif ($sec) {
			$c->{$sec} .= $l;
		} elsif ($c && $l =~ /^cmd: (.*)$/) {
			$c->{cmd} = $1;
		} elsif ($l =~ /^\s*(#.*)?$/) {
			next;
		} else {
			die "$file:$.: unexpected line: $l";
		}
	}
	$close->();
	for my $case (@cases) {
		die "$file: case '$case->{name}' has no cmd\n" unless $case->{cmd};
		$case->{stdout} //= '' unless $case->{any_out};
		delete $case->{stdout} if $case->{any_out};
		run_case($file, $case);
	}
}
print "1..$n\n";
exit($failed ? 1 : 0);
