"""Money written with a sign or code before the amount."""

# Currency signs and codes written before an amount ("$59", "US$ 59", "£5m", "VND2-3 million"), as a
# regular-expression alternation: read where a glued "m" or "k" is a money scale (``digits``) and
# where an amount is restated in parentheses (``check.numbers``).
CURRENCY_BEFORE = r"US\$|[£$€¥₫₹]|\b(?:USD|EUR|GBP|JPY|CNY|INR|AUD|CAD|CHF|VND|AED|SAR|QAR|KWD|BHD|OMR|EGP|JOD|Rs)(?![^\W\d_])"
