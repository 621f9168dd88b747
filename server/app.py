"""The district server's HTTP interface (FastAPI). Stateless: all state is in the database.

Bodies may be gzip-compressed both ways. Any malformed input ends as a 4xx with a Chinese
message; database contention ends as a 503 the client retries, never as a 500.
"""

from __future__ import annotations

import contextlib
import gc
import gzip
import logging
import os
from collections.abc import Callable, Coroutine
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, HTTPException, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from pydantic import BaseModel, ValidationError
from pydantic_core import from_json
from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from contract import protocol, wire
from contract.protocol import (
    MIN_PROTOCOL,
    PROTOCOL,
    SCHEMA,
    EnrolRequest,
    EnrolResponse,
    PullRequest,
    PullResponse,
    PushResponse,
    ServerInfo,
    TooDeep,
    body_cap,
    gunzip_limited,
    too_deep,
)

from . import auth as auth_mod
from .db import make_engine
from .limits import BodyCap
from .pull import pull_page
from .push import StationAuth, apply_push
from .readmodel.activity import note_request as note_activity
from .rows import now

log = logging.getLogger("stationdesk.server")


class ErrorReply(BaseModel):
    """Every refusal: a Chinese sentence the station shows as it is."""

    detail: str


class FieldError(BaseModel):
    loc: list[str | int]
    msg: str


class InvalidReply(ErrorReply):
    """422: the request did not match the protocol; at most 20 field errors."""

    errors: list[FieldError] = []


_ERROR_TEXT = {
    400: "请求体不是有效的 gzip 数据",
    401: "缺少或无效的访问令牌（登记：登记码无效、已使用或已过期）",
    403: "本服务站的访问已被区总工会停用",
    409: "登记码与本机服务站不符，或服务站已由另一台电脑登记",
    413: "请求体过大",
    426: "协议或数据结构版本不受支持，需要升级",
    503: "服务器繁忙，请稍后重试（带 Retry-After）",
}


def _errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for the refusals a route can give, so the document says what is sent."""
    out: dict[int | str, dict[str, Any]] = {
        code: {"model": ErrorReply, "description": _ERROR_TEXT[code]} for code in codes
    }
    out[422] = {"model": InvalidReply, "description": "请求格式不正确"}
    return out


STATION_ERRORS = _errors(400, 401, 403, 413, 426, 503)


class GzipRoute(APIRoute):
    """Accept gzip request bodies, with a size cap so a zip bomb is a 413 and not a crash.

    A route whose body is one pydantic model has it validated straight from the JSON bytes
    (one pass in pydantic's Rust core), and FastAPI receives the finished model, which it
    passes through without validating again. Parsing to Python objects first and validating
    those took twice as long: for a 2,000-record push, most of the request's parsing time."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()
        model = _body_model(self)
        reads_body = bool(self.dependant.body_params)

        async def route(request: Request) -> Response:
            if "gzip" in request.headers.get("content-encoding", ""):
                body = await request.body()
                try:
                    request._body = gunzip_limited(body, body_cap(request.url.path))
                except ValueError:
                    return JSONResponse({"detail": "请求体过大"}, status_code=413)
                except Exception:  # noqa: BLE001 - any corrupt gzip is the client's fault
                    return JSONResponse({"detail": "请求体不是有效的 gzip 数据"}, status_code=400)
            if model is not None and too_deep(await request.body()):  # small: cheap to scan
                return JSONResponse({"detail": "请求嵌套层次过深"}, status_code=422)
            if reads_body and request.headers.get("content-type", "").startswith(
                "application/json"
            ):
                raw = await request.body()
                if model is not None:
                    try:
                        request._json = model.model_validate_json(raw)
                    except ValidationError as exc:
                        errors = exc.errors()
                        if all(e["type"] != "json_invalid" for e in errors):
                            raise RequestValidationError(
                                [{**e, "loc": ("body", *e["loc"])} for e in errors]
                            ) from None
                        # pydantic's parser refuses JSON the standard one reads (a lone
                        # surrogate escape): FastAPI's json.loads path takes it, and the one
                        # record holding it is refused alone, not the whole batch
                else:
                    # a body it cannot read is left to FastAPI, which answers 422
                    with contextlib.suppress(ValueError):
                        request._json = from_json(raw)
            return await handler(request)

        return route


async def pushed_body(request: Request) -> wire.PushRequest:
    """A push's body, decoded by contract/wire.py (its records stay raw JSON until
    push.checked_record checks each against its entity). Declared in the OpenAPI document as
    protocol.PushRequest (see _document_push_body); an invalid body is a 422 naming fields."""
    kind = request.headers.get("content-type", "")
    body = await request.body()
    try:
        if kind and "json" not in kind.split(";")[0]:
            protocol.PushRequest.model_validate(body)  # raises: FastAPI's answer to non-JSON
        return wire.decode_push(body)
    except TooDeep:
        raise HTTPException(422, "请求嵌套层次过深") from None
    except ValidationError as exc:
        raise RequestValidationError(
            [{**e, "loc": ("body", *e["loc"])} for e in exc.errors()]
        ) from None


PUSH_BODY = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PushRequest"}}},
    }
}


def _document_push_body(app: FastAPI) -> None:
    """The push route reads its body through pushed_body, so FastAPI does not see the model:
    its schemas are added to the document the way FastAPI writes a body model's."""
    make = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            doc = make()
            found = protocol.PushRequest.model_json_schema(
                ref_template="#/components/schemas/{model}"
            )
            schemas = doc.setdefault("components", {}).setdefault("schemas", {})
            schemas.update(found.pop("$defs", {}))
            schemas["PushRequest"] = found
            app.openapi_schema = doc
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _body_model(route: APIRoute) -> type[BaseModel] | None:
    """The pydantic model of a route whose whole body is that one model, else None."""
    params = route.dependant.body_params
    if len(params) != 1:
        return None
    kind = params[0].field_info.annotation
    return kind if isinstance(kind, type) and issubclass(kind, BaseModel) else None


def _reply(request: Request, body: bytes) -> Response:
    if len(body) > 1024 and "gzip" in request.headers.get("accept-encoding", ""):
        return Response(
            gzip.compress(body, compresslevel=1),
            media_type="application/json",
            headers={"Content-Encoding": "gzip", "Vary": "Accept-Encoding"},
        )
    return Response(body, media_type="application/json")


def _check_versions(protocol: int, schema_version: int) -> None:
    if not MIN_PROTOCOL <= protocol <= PROTOCOL:
        raise HTTPException(
            426,
            f"协议版本 {protocol} 不受支持（服务器支持 {MIN_PROTOCOL}-{PROTOCOL}），请升级工作台",
        )
    if schema_version > SCHEMA:
        raise HTTPException(426, f"数据结构版本 {schema_version} 比服务器新，请先升级区服务器")


def _refuse_nul(*values: str) -> None:
    """NUL in an id is valid JSON, but PostgreSQL cannot even compare it: the query failed and
    the batch came back as a 503 the station retried for ever (tests/sync/test_fuzz_api.py).
    No StationDesk client makes such ids, so the request is refused whole."""
    if any("\x00" in value for value in values):
        raise HTTPException(422, "请求含有非法字符（NUL）")


def current_station(request: Request, authorization: Annotated[str, Header()] = "") -> StationAuth:
    """The station behind the bearer token: its scope, whatever the body claims."""
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer":
        raise HTTPException(401, "缺少访问令牌")
    try:
        return auth_mod.station_for_token(request.app.state.engine, token.strip())
    except auth_mod.AuthError as exc:
        raise HTTPException(exc.status, str(exc)) from None


Station = Annotated[StationAuth, Depends(current_station)]


def create_app(
    url: str | None = None,
    *,
    engine: Engine | None = None,
    before_commit: Callable[[], None] | None = None,
) -> FastAPI:
    """before_commit is a test hook: it runs inside the push transaction, before COMMIT.

    STATIONDESK_CRASH_AT_PUSH=N (tests only) makes the process die (os._exit(17)) at its Nth
    push: inside the transaction before COMMIT, or with "N:after" once the batch has
    committed but before the reply is sent (the station never hears that it was stored).
    """
    engine = engine or make_engine(url)
    crash_at, _, crash_when = os.environ.get("STATIONDESK_CRASH_AT_PUSH", "0").partition(":")
    crash_after = int(crash_at or "0")
    if crash_when not in ("", "before", "after"):
        raise ValueError("STATIONDESK_CRASH_AT_PUSH must be N, N:before or N:after")
    crash_late = crash_when == "after"
    pushes = [0]

    def crash_hook() -> None:
        pushes[0] += 1
        if crash_after and pushes[0] >= crash_after:
            os._exit(17)  # simulate the server dying mid-batch (tests only)

    hook = before_commit or (crash_hook if crash_after and not crash_late else None)
    app = FastAPI(
        title="StationDesk district server",
        version=f"protocol {PROTOCOL}",
        description="区总工会服务器：服务站同步接口",
    )
    app.router.route_class = GzipRoute
    app.add_middleware(BodyCap)  # type: ignore[arg-type]
    app.state.engine = engine

    @app.middleware("http")
    async def server_time(request: Request, call_next: Any) -> Response:
        """Server time on every reply, so a station can tell how far off its clock is."""
        response: Response = await call_next(request)
        response.headers["X-Server-Time"] = now().isoformat()
        return response

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {"loc": list(e.get("loc", ())), "msg": str(e.get("msg", ""))} for e in exc.errors()[:20]
        ]
        return JSONResponse({"detail": "请求格式不正确", "errors": errors}, status_code=422)

    @app.exception_handler(DBAPIError)
    async def _busy(_request: Request, exc: DBAPIError) -> JSONResponse:
        log.warning("database error: %s", exc)
        return JSONResponse(
            {"detail": "服务器繁忙，请稍后重试"}, status_code=503, headers={"Retry-After": "1"}
        )

    @app.get("/v1/info", response_model=ServerInfo)
    def info() -> ServerInfo:
        return ServerInfo(
            protocol=PROTOCOL, min_protocol=MIN_PROTOCOL, schema_version=SCHEMA, server_time=now()
        )

    @app.post(
        "/v1/enrol",
        response_model=EnrolResponse,
        responses=_errors(400, 401, 403, 409, 413, 426, 503),
    )
    def enrol(body: EnrolRequest) -> EnrolResponse:
        _check_versions(body.protocol, body.schema_version)
        _refuse_nul(body.code, body.station_code, body.station_id)
        try:
            return auth_mod.enrol(engine, body)
        except auth_mod.AuthError as exc:
            raise HTTPException(exc.status, str(exc)) from None

    @app.post(
        "/v1/push",
        response_model=PushResponse,
        responses=STATION_ERRORS,
        openapi_extra=PUSH_BODY,
    )
    def push(
        station: Station,
        request: Request,
        body: Annotated[wire.PushRequest, Depends(pushed_body)],
    ) -> Response:
        _check_versions(body.protocol, body.schema_version)
        _refuse_nul(*(f"{m.mutation_id}{m.entity}{m.row_id}" for m in body.mutations))
        for attempt in range(4):
            try:
                result = apply_push(engine, station, body, before_commit=hook)
                break
            except (OperationalError, IntegrityError):
                if attempt == 3:
                    raise
        if crash_after and crash_late:
            crash_hook()  # committed, reply not sent yet
        note_activity(engine, station, "push", request.headers)
        return _reply(request, result.to_json())

    @app.post("/v1/pull", response_model=PullResponse, responses=STATION_ERRORS)
    def pull(body: PullRequest, station: Station, request: Request) -> Response:
        _check_versions(body.protocol, body.schema_version)
        page = pull_page(engine, station, body)
        note_activity(engine, station, "pull", request.headers)
        return _reply(request, page)

    from .audit import router as audit_router

    app.include_router(audit_router(current_station, STATION_ERRORS))

    from .console import create_console

    app.mount("/console", create_console(engine))  # the district's web console (issue 15)

    @app.get("/healthz")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    _document_push_body(app)
    return app


def app_from_env() -> FastAPI:
    """Factory for `uvicorn --factory server.app:app_from_env` (reads DATABASE_URL).

    The objects made at start-up live as long as the process: frozen, the garbage collector
    stops walking them on every full collection (a 2,000-record push allocates enough to
    trigger several; measured about a third off its time)."""
    app = create_app()
    gc.collect()
    gc.freeze()
    return app
