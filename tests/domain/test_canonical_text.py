"""The canonical text of a record is json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
byte for byte: stored records, their audit hashes and the packets' QR codes depend on it. canonical_text() writes
it with orjson where orjson writes exactly that, and with json.dumps everywhere else."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intake_app.domain import interchange
from intake_app.domain.interchange import canonical_text, to_dict

from ..factories import make_incident

any_text = st.text(st.characters(blacklist_categories=()))  # control characters and lone surrogates too
coordinate = st.one_of(st.none(), st.floats(), st.floats(41.6, 42.1), st.floats(-87.95, -87.5), st.just(-0.0))


def reference(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


@settings(max_examples=400, deadline=None)
@given(narrative=any_text, name=any_text, plate=any_text, latitude=coordinate, longitude=coordinate,
       file_size=st.one_of(st.none(), st.integers(), st.integers(min_value=2**63)))
def test_the_canonical_text_is_json_dumps_byte_for_byte(narrative, name, plate, latitude, longitude, file_size):
    record = to_dict(make_incident(agents=1, footage=1))
    record["narrative"], record["agents"][0]["name"] = narrative, name
    record["agents"][0]["vehicle"] = {"plate": plate, "plate_state": "IL", "make": "", "model": "", "color": ""}
    record["location"]["latitude"], record["location"]["longitude"] = latitude, longitude
    record["footage"][0]["file_size"] = file_size

    assert canonical_text(record) == reference(record)


def test_an_ordinary_record_is_written_by_the_fast_writer(monkeypatch):
    written = []
    real = interchange.orjson.dumps
    monkeypatch.setattr(interchange.orjson, "dumps", lambda *a, **kw: written.append(1) or real(*a, **kw))
    record = to_dict(make_incident(agents=2, footage=3))

    assert canonical_text(record) == reference(record)
    assert written == [1]


def test_a_value_json_cannot_write_is_refused_as_before():
    record = to_dict(make_incident())
    record["created_at"] = make_incident().occurred_at  # a datetime object where its text belongs

    with pytest.raises(TypeError):
        canonical_text(record)
