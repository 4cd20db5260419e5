"""Numeric fidelity: the numbers of a text in any script, locale and wording, and
the differences between the numbers of a text and of its translation.

    >>> from aligner.numbers import extract_numbers, compare_numbers
    >>> src = extract_numbers("a high position in 4 important indexes", "en")
    >>> tgt = extract_numbers("مكانة عالية في 04 مؤشرات مهمة", "ar")
    >>> [d.message for d in compare_numbers(src, tgt)]
    ['4 written as 04']
"""

from .compare import compare_numbers
from .extract import extract_numbers, values_said
from .languages import named_weekdays
from .model import NumberDiff, NumberMention

__all__ = ["NumberDiff", "NumberMention", "compare_numbers", "extract_numbers", "named_weekdays", "values_said"]
