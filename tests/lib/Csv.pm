# Csv.pm - RFC 4180 CSV for the test scripts: the fields of one line (no
# newlines inside fields), or every record of a whole text.
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

# The records of a whole text separated by $delim (default ','), as array
# references: quoted fields may hold the delimiter, "" and line ends; a
# record ends at LF, CRLF or CR; blank lines and a leading byte-order mark
# are skipped.  Malformed text (a stray quote) gives undef: the caller
# wants well-formed fixtures only.
sub records {
	my ($text, $delim) = @_;
	my $d = quotemeta($delim // ',');
	my $field = qr/\G(?:"((?:[^"]|"")*)"|([^"\r\n$d]*))($d|\r\n|\r|\n|\z)/;
	$text =~ s/\A\xEF\xBB\xBF//;
	my (@recs, @f);
	pos($text) = 0;
	while (pos($text) < length $text) {
		next if !@f && $text =~ /\G(?:\r\n|\r|\n)/gc;   # a blank line
		return undef unless $text =~ /$field/gc;
		my ($v, $end) = (defined $1 ? $1 : $2, $3);
		$v =~ s/""/"/g if defined $1;
		push @f, $v;
		my $more = $end ne '' && $end !~ /^[\r\n]/;   # a delimiter
		next if $more && pos($text) < length $text;
		push @f, '' if $more;   # a delimiter at the very end
		push @recs, [@f];
		@f = ();
	}
	return \@recs;
}

1;
