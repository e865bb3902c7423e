"""However a witness spaces, dashes or cases a plate, it finds the same key (property-based)."""

from hypothesis import given
from hypothesis import strategies as st

from intake_app.domain.identifiers import normalise_plate

PLATE = st.text(alphabet="ABCDEFGHJKMNPRSTUVWXYZ0123456789", min_size=2, max_size=8)


@given(PLATE, st.lists(st.sampled_from([" ", "-", ""]), min_size=8, max_size=8), st.booleans())
def test_spacing_dashes_and_case_never_change_the_key(plate, separators, lower):
    typed = "".join(ch + sep for ch, sep in zip(plate, separators, strict=False))
    typed = typed.lower() if lower else typed
    assert normalise_plate(typed) == normalise_plate(plate)


@given(PLATE)
def test_reading_o_for_zero_or_l_for_one_never_changes_the_key(plate):
    misread = plate.replace("0", "O").replace("1", "l")
    assert normalise_plate(misread) == normalise_plate(plate)
