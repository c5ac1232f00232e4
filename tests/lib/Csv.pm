# Csv.pm - the fields of one line of RFC 4180 CSV (no newlines inside
# fields), for the test scripts.
package Csv;
use strict;
use warnings;

sub fields {
	my ($line) = @_;
	my @f;
	while ($line =~ /\G(?:"((?:[^"]|"")*)"|([^,]*))(,|$)/g) {
		my ($v, $end) = (defined $1 ? $1 : $2, $3);
		$v =~ s/""/"/g if defined $1;
		push @f, $v;
		last if $end eq '';
	}
	return @f;
}

1;
