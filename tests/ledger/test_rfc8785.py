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


# --- reading: ``parse`` takes exactly the bytes ``dumps`` writes, and nothing else


@settings(max_examples=300, deadline=None)
@given(json_values)
def test_the_canonical_bytes_of_any_value_read_back_as_that_value(value):
    assert canonical.parse(canonical.dumps(value)) == value


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.text(alphabet=st.characters(min_codepoint=0xD7F0, max_codepoint=0x1F700,
                                                      exclude_categories=("Cs",))),
                       st.integers(-5, 5), min_size=2, max_size=8))
def test_keys_beyond_u_ffff_read_back_only_in_utf16_order(value):
    line = canonical.dumps(value)
    assert canonical.parse(line) == value
    by_code_point = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
    if by_code_point != line:
        with pytest.raises(canonical.NotCanonical):
            canonical.parse(by_code_point)


@pytest.mark.parametrize("name", MATCHED)
def test_the_official_outputs_read_back(name):
    output = (JCS / "output" / name).read_bytes()
    assert canonical.dumps(canonical.parse(output)) == output


@pytest.mark.parametrize("line, reason", [
    (b'{"b":1,"a":2}', "not in canonical form"),  # keys out of order
    (b'{"a": 1}', "not in canonical form"),  # a space
    (b'{"a":1.0}', "floating-point"),
    (b'{"a":1e3}', "floating-point"),
    (b'{"a":NaN}', "floating-point"),
    (b'[9007199254740992]', r"2\*\*53"),  # one beyond the largest exact integer
    (b'[-0]', "not in canonical form"),
    (b'"\\u00e9"', "not in canonical form"),  # an escape RFC 8785 does not write
    (b'"\\ud800"', "surrogate"),
    (b'{"a":1,"a":1}', "not in canonical form"),  # a key twice
    (b'{"a":1}\n', "not in canonical form"),
    (b'\xef\xbb\xbf{"a":1}', "not JSON"),  # a byte-order mark
    (b'{"a":', "not JSON"),
    ('{"a":"é"}'.encode("latin-1"), "not JSON"),
])
def test_a_line_that_is_not_exactly_canonical_is_refused(line, reason):
    with pytest.raises(canonical.NotCanonical, match=reason):
        canonical.parse(line)


def test_the_largest_exact_integers_read_back():
    top = 2**53 - 1
    assert canonical.parse(f"[{top},{-top}]".encode()) == [top, -top]
