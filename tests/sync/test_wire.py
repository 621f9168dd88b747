"""The msgspec decoders (contract/wire.py, records.clean_wire) against the pydantic
contract and clean_record: same fields, same answers, the fast path never looser."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from contract import protocol, wire
from contract.records import RecordError, clean_record, clean_wire
from desktop.models import Member, ReliefDistribution, Visit
from desktop.services.uow import record_payload

from .harness import make_id_number

PAIRS = [
    (wire.PushRequest, protocol.PushRequest),
    (wire.Mutation, protocol.Mutation),
    (wire.Payload, protocol.Payload),
    (wire.MutationResult, protocol.MutationResult),
    (wire.PushResponse, protocol.PushResponse),
    (wire.Change, protocol.Change),
    (wire.PullResponse, protocol.PullResponse),
]


@pytest.mark.parametrize(("struct", "model"), PAIRS, ids=lambda k: k.__name__)
def test_structs_mirror_the_protocol_models(struct: Any, model: Any) -> None:
    info = msgspec.inspect.type_info(struct)
    assert [f.name for f in info.fields] == list(model.model_fields)
    assert {f.name for f in info.fields if f.required} == {
        name for name, f in model.model_fields.items() if f.is_required()
    }


DAY = dt.date(2026, 11, 5)


def _records() -> dict[str, dict[str, Any]]:
    return {
        "member": record_payload(
            Member(station_id="s", name="张三", id_number=make_id_number(7), phone="13800000000")
        ),
        "relief": record_payload(
            ReliefDistribution(
                station_id="s",
                member_id="m",
                program_id="p",
                cash_fen=100,
                issued_on=DAY,
                period="2026-11",
                handler_id="h",
                goods=[{"item": "大米", "qty": 1}],
            )
        ),
        "visit": record_payload(
            Visit(station_id="s", visit_type="home", visited_on=DAY, staff_id="s")
        ),
    }


RECORDS = _records()
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**60), max_value=2**60),
    st.floats(allow_nan=False),
    st.text(max_size=8),
    st.sampled_from(
        ["2026-11-05", "2026-11-05T10:00:00+00:00", "2026-13-01", "\x00", "a\ud800", "\U0001f600"]
    ),
    st.just("x" * 20001),
)
VALUES = st.recursive(
    SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner)
)


def _outcome(fn: Any, *args: Any) -> Any:
    try:
        return fn(*args)
    except RecordError:
        return RecordError


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    entity=st.sampled_from(sorted(RECORDS)),
    changes=st.dictionaries(
        st.sampled_from(sorted({k for r in RECORDS.values() for k in r} | {"pinyin_full", "zz"})),
        VALUES,
        max_size=4,
    ),
    dropped=st.lists(st.sampled_from(["id", "station_id", "name", "version"]), max_size=2),
    ascii_only=st.booleans(),
)
def test_raw_records_get_the_same_answer_as_clean_record(
    entity: str, changes: dict[str, Any], dropped: list[str], ascii_only: bool
) -> None:
    record = {**RECORDS[entity], **changes}
    for name in dropped:
        record.pop(name, None)
    text = json.dumps(record, ensure_ascii=ascii_only)
    try:
        raw = text.encode()
    except UnicodeEncodeError:  # a lone surrogate can only travel as an escape
        raw = json.dumps(record).encode()
    expected = _outcome(clean_record, entity, json.loads(raw))
    assert _outcome(clean_wire, entity, msgspec.Raw(raw)) == expected


def test_a_raw_record_that_is_not_an_object_or_not_json_is_refused() -> None:
    for raw in (b"[1]", b'{"id": "\xff"}'):
        with pytest.raises(RecordError):
            clean_wire("member", msgspec.Raw(raw))


def _push_body(**mutation: Any) -> bytes:
    base = {
        "mutation_id": "m1",
        "entity": "visit",
        "row_id": "r1",
        "op": "upsert",
        "payload": {"record": {"id": "r1"}},
    }
    return json.dumps({"mutations": [{**base, **mutation}]}).encode()


def test_decode_push_accepts_what_pydantic_accepts_and_refuses_what_it_refuses() -> None:
    fast = wire.decode_push(_push_body())
    assert fast.mutations[0].row_id == "r1" and fast.protocol == protocol.PROTOCOL
    lax = wire.decode_push(_push_body(base_version="3"))  # pydantic's lax mode: converted
    assert lax.mutations[0].base_version == 3
    escaped = wire.decode_push(_push_body(payload={"record": {"id": "r1", "notes": "\ud800"}}))
    assert bytes(escaped.mutations[0].payload.record).startswith(b"{")
    for bad in (
        _push_body(extra=1),
        _push_body(op="merge"),
        _push_body(payload={"record": [1]}),
        _push_body(mutation_id=""),
        b"{",
    ):
        with pytest.raises(ValidationError):
            wire.decode_push(bad)


def test_decode_page_matches_the_model() -> None:
    body = json.dumps(
        {
            "changes": [
                {
                    "entity": "member",
                    "id": "a",
                    "station_id": "s",
                    "version": 2,
                    "deleted": False,
                    "data": {"name": "李四"},
                }
            ],
            "next_cursor": 9,
            "has_more": False,
            "server_time": "2026-11-22T10:00:00+00:00",
        }
    ).encode()
    page = wire.decode_page(body)
    model = protocol.PullResponse.model_validate_json(body)
    assert msgspec.to_builtins(page) == json.loads(model.model_dump_json())
    lax = wire.decode_page(body.replace(b'"version": 2', b'"version": "2"'))
    assert lax.changes[0].version == 2
    with pytest.raises(ValidationError):
        wire.decode_page(body.replace(b'"has_more": false', b'"has_more": "maybe"'))
