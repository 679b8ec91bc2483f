"""The ledger's encoding is RFC 8785: the official JCS vectors and the ``rfc8785`` package agree.

The vectors in ``data/jcs`` are the JSON Canonicalization Scheme's own (see its SOURCE). The
ledger accepts only the part of JSON whose canonical form is exact: the vectors written with
fractions or exponents are refused, with a reason, rather than matched.
"""

import json
from pathlib import Path

import pytest
import rfc8785
from hypothesis import given, settings
from hypothesis import strategies as st

from ledger import canonical

JCS = Path(__file__).with_name("data") / "jcs"
MATCHED = ["arrays.json", "french.json", "unicode.json", "weird.json"]
REFUSED = ["structures.json", "values.json"]  # 56.0; 333333333.33333329, 1E30, 4.50, ...


def test_every_official_vector_is_either_matched_or_refused():
    assert sorted(MATCHED + REFUSED) == sorted(p.name for p in (JCS / "input").iterdir())


@pytest.mark.parametrize("name", MATCHED)
def test_the_official_vectors_encode_byte_for_byte(name):
    value = json.loads((JCS / "input" / name).read_text(encoding="utf-8"))
    assert canonical.dumps(value) == (JCS / "output" / name).read_bytes()


@pytest.mark.parametrize("name", REFUSED)
def test_vectors_with_fractions_are_refused_with_a_reason(name):
    value = json.loads((JCS / "input" / name).read_text(encoding="utf-8"))
    with pytest.raises(canonical.NotCanonical, match="floating-point"):
        canonical.dumps(value)
    # The package writes them as the RFC says; the ledger hashes no number written as a double.
    assert rfc8785.dumps(value) == (JCS / "output" / name).read_bytes()


def test_keys_sort_by_utf16_code_units_not_code_points():
    # U+FB33 is below U+1F602 as a code point, above it as UTF-16 (0xD83D 0xDE02).
    value = {"\ufb33": 1, "\U0001f602": 2, "a": 3}
    assert canonical.dumps(value) == '{"a":3,"\U0001f602":2,"\ufb33":1}'.encode()
    assert canonical.dumps(value) == rfc8785.dumps(value)


@pytest.mark.parametrize("value, reason", [
    (0.5, "floating-point"),
    (1.0, "floating-point"),
    (float("nan"), "floating-point"),
    (2**53, r"2\*\*53"),
    (-(2**53), r"2\*\*53"),
    ({"items": [1, 2, {"n": 10**20}]}, r"items\[2\]\.n"),
    ({1: "one"}, "not a string"),
    ("lone \ud800 surrogate", "surrogate"),
    (b"bytes", "bytes"),
])
def test_values_without_an_exact_canonical_form_are_refused(value, reason):
    with pytest.raises(canonical.NotCanonical, match=reason):
        canonical.dumps(value)


def test_the_largest_exact_integers_are_written_plainly():
    top = 2**53 - 1
    assert canonical.dumps([top, -top]) == f"[{top},{-top}]".encode()
    assert canonical.dumps([top, -top]) == rfc8785.dumps([top, -top])


def test_a_transaction_with_a_float_attribute_is_refused_before_it_is_hashed():
    with pytest.raises(canonical.NotCanonical, match=r"attrs\.weight"):
        canonical.encode(prev=canonical.GENESIS, seq=1, at="2026-03-01T08:30:00.000000Z",
                         kind="award", operator="admin", approver=None, memo="", reverses=None,
                         attrs={"weight": 2.5}, postings=[("a", -1), ("b", 1)])


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53 - 1), 2**53 - 1) | st.text(),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(), inner, max_size=5),
    max_leaves=25,
)


@settings(max_examples=200, deadline=None)
@given(json_values)
def test_generated_values_encode_exactly_as_the_rfc8785_package(value):
    assert canonical.dumps(value) == rfc8785.dumps(value)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.text(alphabet=st.characters(min_codepoint=0xD7F0, max_codepoint=0x1F700,
                                                      exclude_categories=("Cs",))),
                       st.integers(-5, 5), min_size=2, max_size=8))
def test_keys_from_both_sides_of_the_surrogate_range_sort_as_the_package_does(value):
    assert canonical.dumps(value) == rfc8785.dumps(value)


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(st.text(max_size=8), json_values, max_size=4),
       st.lists(st.tuples(st.text(max_size=12), st.integers(-(2**53 - 1), 2**53 - 1)), min_size=2,
                max_size=4))
def test_a_whole_transaction_is_the_package_s_encoding_of_its_document(attrs, postings):
    fields = dict(prev="ab" * 32, seq=7, at="2026-03-01T08:30:00.000000Z", kind="award",
                  operator="王芳", approver=None, memo="义务劳动", reverses=None)
    document = dict(fields, v=canonical.VERSION, attrs=attrs, postings=[list(p) for p in postings])
    assert canonical.encode(**fields, attrs=attrs, postings=postings) == rfc8785.dumps(document)
