"""Fast decoding of the large messages (a push's batch and its answer, a pull's page) with msgspec.

protocol.py's pydantic models stay the contract (and the server's OpenAPI document). The
structs here mirror them field for field (tests/sync/test_wire.py holds the two equal) and
decode about twice as fast; a pushed record stays raw JSON text until contract.records.clean_wire
checks it against its entity's columns. They are stricter than pydantic's lax mode, never
looser: whatever they refuse is decoded again by the pydantic model, which either accepts
it (and it is converted) or names the error.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Any, Literal

import msgspec
from pydantic import ValidationError

from . import protocol
from .protocol import MAX_BATCH, PROTOCOL, SCHEMA, Status

Version = Annotated[int, msgspec.Meta(ge=1, le=1000)]


class Payload(msgspec.Struct, kw_only=True):
    record: msgspec.Raw  # a JSON object; checked by contract.records.clean_wire
    base: dict[str, Any] | None = None


class Mutation(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    mutation_id: Annotated[str, msgspec.Meta(min_length=1, max_length=64)]
    entity: Annotated[str, msgspec.Meta(min_length=1, max_length=32)]
    row_id: Annotated[str, msgspec.Meta(min_length=1, max_length=64)]
    op: Literal["upsert", "delete"]
    base_version: Annotated[int, msgspec.Meta(ge=0)] = 0
    payload: Payload


class PushRequest(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    protocol: Version = PROTOCOL
    schema_version: Version = SCHEMA
    mutations: Annotated[list[Mutation], msgspec.Meta(max_length=MAX_BATCH)]


class MutationResult(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    mutation_id: str
    status: Status
    server_version: int = 0
    error: str | None = None
    fields: list[str] = msgspec.field(default_factory=list)
    member_id: str | None = None
    record: dict[str, Any] | None = None


class PushResponse(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    results: list[MutationResult]
    server_time: dt.datetime


class Change(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    entity: str
    id: str
    station_id: str
    version: int
    deleted: bool
    data: dict[str, Any]


class PullResponse(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    changes: list[Change]
    next_cursor: int
    has_more: bool
    server_time: dt.datetime


_PUSH = msgspec.json.Decoder(PushRequest)
_PAGE = msgspec.json.Decoder(PullResponse)
_RESULTS = msgspec.json.Decoder(PushResponse)


def push_from_model(model: protocol.PushRequest) -> PushRequest:
    """The struct form of a push validated by pydantic (tests, files, the fallback). The
    records are written as ASCII JSON, so a lone surrogate stays an escape that clean_wire
    sends to the checks that name it."""
    return PushRequest(
        protocol=model.protocol,
        schema_version=model.schema_version,
        mutations=[
            Mutation(
                mutation_id=m.mutation_id,
                entity=m.entity,
                row_id=m.row_id,
                op=m.op,
                base_version=m.base_version,
                payload=Payload(
                    record=msgspec.Raw(json.dumps(m.payload.record).encode()),
                    base=m.payload.base,
                ),
            )
            for m in model.mutations
        ],
    )


def decode_push(body: bytes) -> PushRequest:
    """A push body; raises pydantic's ValidationError (with the fields) where it is invalid,
    TooDeep where it nests deeper than a push ever does."""
    try:
        request = _PUSH.decode(body)
    except (msgspec.MsgspecError, ValueError, RecursionError):
        pass
    else:
        if all(memoryview(m.payload.record)[:1] == b"{" for m in request.mutations):
            return request
    if protocol.too_deep(body):  # the slower parsers below recurse once per level
        raise protocol.TooDeep("请求嵌套层次过深")
    try:
        model = protocol.PushRequest.model_validate_json(body)
    except ValidationError as exc:
        # pydantic's parser refuses JSON the standard one reads (a lone surrogate escape):
        # read that way, the one record holding it is refused alone, not the whole batch
        if all(e["type"] != "json_invalid" for e in exc.errors()):
            raise
        try:
            data = json.loads(body)
        except ValueError:
            raise exc from None
        model = protocol.PushRequest.model_validate(data)
    return push_from_model(model)


def decode_page(body: bytes) -> PullResponse:
    """A pull page; raises pydantic's ValidationError where the server's answer is invalid."""
    try:
        return _PAGE.decode(body)
    except (msgspec.MsgspecError, ValueError):
        return page_from_model(protocol.PullResponse.model_validate_json(body))


def decode_results(body: bytes) -> PushResponse:
    """A push's answer; raises pydantic's ValidationError where the server's is invalid."""
    try:
        return _RESULTS.decode(body)
    except (msgspec.MsgspecError, ValueError):
        model = protocol.PushResponse.model_validate_json(body)
    return msgspec.convert(model.model_dump(), PushResponse)


def page_from_model(model: protocol.PullResponse) -> PullResponse:
    return msgspec.convert(model.model_dump(), PullResponse)
