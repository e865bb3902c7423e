"""The store copies a record on every save (domain.records.deep_copy): the copy must equal the original and
share nothing that can be changed in place, or an edit to the wizard's record would change the saved one."""

from dataclasses import fields, is_dataclass

from hypothesis import given, settings

from intake_app.domain.records import deep_copy

from ..factories import make_incident
from .test_interchange import incidents


def _mutable_parts(value, path="record"):
    """(path, object) for every dataclass and list inside a record."""
    if isinstance(value, list):
        yield path, value
        for i, item in enumerate(value):
            yield from _mutable_parts(item, f"{path}[{i}]")
    elif is_dataclass(value):
        yield path, value
        for f in fields(value):
            yield from _mutable_parts(getattr(value, f.name), f"{path}.{f.name}")


@settings(max_examples=100, deadline=None)
@given(incidents)
def test_a_copied_record_equals_the_original_and_shares_no_mutable_part(incident):
    copied = deep_copy(incident)
    assert copied == incident
    originals = {id(obj) for _, obj in _mutable_parts(incident)}
    shared = [path for path, obj in _mutable_parts(copied) if id(obj) in originals]
    assert shared == []


def test_editing_the_copy_leaves_the_original_as_it_was():
    original = make_incident(agents=2, footage=2)
    copied = deep_copy(original)
    copied.agents[0].vehicle.plate = "CHANGED"
    copied.violations[0].agent_ids.append("someone else")
    copied.footage.pop()
    assert original.agents[0].vehicle.plate != "CHANGED"
    assert "someone else" not in original.violations[0].agent_ids
    assert len(original.footage) == 2
