"""SyncClient: push the outbox, then pull the station's scope, over HTTP with retries.

Qt-free and synchronous: the UI runs it on its worker thread and gets a callback per batch.
Every step is safe to repeat, so a retry after any failure (before or after the server
committed) converges: the server answers an already-seen mutation as `duplicate`, and a page
is applied together with its cursor.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

import httpx
from sqlalchemy import Engine

from contract import wire
from contract.protocol import (
    CLOCK_WARN_SECONDS,
    PROTOCOL,
    SCHEMA,
    STATION_TIME_HEADER,
    STATION_WAITING_HEADER,
    gzip_bytes,
)

from ..services.errors import UserFacingError
from . import local
from .headers import client_headers

RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
# The first push batch and the first pull page are small, so that neither side waits long for
# the other to start. Pull pages then double up to page_size: the station applies each page
# while the server reads the next.
FIRST_PAGE = 500


class SyncError(UserFacingError):
    """Sync could not finish; the message (Chinese) says why and what to do."""


@dataclass
class Progress:
    """One finished batch: phase is "push" or "pull"."""

    phase: str
    done: int
    batch: int
    requests: int


@dataclass
class SyncStats:
    pushed: int = 0
    pulled: int = 0
    push_requests: int = 0
    pull_requests: int = 0
    statuses: dict[str, int] = field(default_factory=dict)
    pulled_by_entity: dict[str, int] = field(default_factory=dict)
    clock_offset_s: float = 0.0
    warnings: list[str] = field(default_factory=list)


class SyncClient:
    """One station's connection to the district server."""

    def __init__(
        self,
        engine: Engine,
        base_url: str,
        token: str,
        *,
        verify: str | bool = True,
        transport: httpx.BaseTransport | None = None,
        retries: int = 6,
        backoff: float = 0.25,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.time,
        batch_size: int = 2000,
        page_size: int = 5000,
        progress: Callable[[Progress], None] | None = None,
        timeout: float = 60.0,
    ) -> None:
        self.engine = engine
        # httpx builds an SSL context (reading the CA bundle, ~20 ms) even for http:// URLs
        https = base_url.lower().startswith("https:")
        self.http = httpx.Client(
            base_url=base_url.rstrip("/"),
            verify=verify if https else False,
            transport=transport,
            timeout=timeout,
            headers={
                **client_headers(),
                "Authorization": f"Bearer {token}",
                "Accept-Encoding": "gzip",
            },
        )
        self.retries, self.backoff, self.sleep, self.clock = retries, backoff, sleep, clock
        self.batch_size, self.page_size = batch_size, page_size
        self.progress = progress
        self.stats = SyncStats()

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> SyncClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- transport ---------------------------------------------------------------------------

    def request(
        self,
        path: str,
        body: bytes,
        *,
        compressed: bool = False,
        extra: dict[str, str] | None = None,
    ) -> bytes:
        """POST with gzip; retry transport failures and 5xx with exponential backoff."""
        payload = body if compressed else gzip_bytes(body)
        headers = {"Content-Type": "application/json", "Content-Encoding": "gzip", **(extra or {})}
        delay = self.backoff
        for attempt in range(self.retries + 1):
            started = self.clock()
            # the district's overview shows how far off this device's clock is
            headers[STATION_TIME_HEADER] = dt.datetime.fromtimestamp(started, dt.UTC).isoformat()
            try:
                response = self.http.post(path, content=payload, headers=headers)
            except httpx.TransportError as exc:
                if attempt == self.retries:
                    raise SyncError(f"无法连接区服务器：{exc}") from exc
            else:
                if response.status_code < 300:
                    self._note_clock(response, started)
                    return response.content
                if response.status_code not in RETRY_STATUS or attempt == self.retries:
                    raise SyncError(self._detail(response))
            self.sleep(min(delay, 10.0))
            delay *= 2
        raise SyncError("同步失败")  # pragma: no cover - loop always returns or raises

    @staticmethod
    def _detail(response: httpx.Response) -> str:
        try:
            body = response.json()
            detail = body.get("detail")
            if body.get("errors"):
                detail = f"{detail} {body['errors'][:3]}"
        except (ValueError, AttributeError):
            detail = None
        return f"区服务器拒绝了请求（{response.status_code}）：{detail or response.text[:200]}"

    def _note_clock(self, response: httpx.Response, started: float) -> None:
        """Server time minus device time; data for a warning, never for a decision."""
        text = response.headers.get("x-server-time")
        if not text:
            return
        try:
            server_ts = dt.datetime.fromisoformat(text).timestamp()
        except ValueError:
            return
        self.stats.clock_offset_s = server_ts - (started + self.clock()) / 2

    # -- push and pull -----------------------------------------------------------------------

    def push(self) -> SyncStats:
        """Send pending outbox entries oldest first, one batch per request, until none remain.

        Requests go one at a time, in outbox order. While the server works on one batch, a
        helper thread records the results of the previous batch and builds the next body, so
        the station's share of the work overlaps the server's instead of adding to it."""
        local.requeue_identity_refusals(self.engine)
        with ThreadPoolExecutor(1, thread_name_prefix="sync-push") as worker:
            marks: deque[Future[tuple[dict[str, int], int]]] = deque()
            try:
                body = worker.submit(self._push_body, 0, min(self.batch_size, FIRST_PAGE))
                while True:
                    seqs, payload = body.result()
                    if not seqs:
                        break
                    # the next body is built during the request
                    body = worker.submit(self._push_body, seqs[-1], self.batch_size)
                    reply = self.request("/v1/push", payload, compressed=True)
                    self.stats.push_requests += 1
                    marks.append(worker.submit(self._record_push, seqs, reply))
                    self._push_done(marks, wait=False)
            finally:
                self._push_done(marks, wait=True)
        return self.stats

    def _push_body(self, after: int, size: int) -> tuple[list[int], bytes]:
        seqs, body = local.pending_batch(self.engine, size, after)
        return seqs, gzip_bytes(body) if seqs else b""

    def _record_push(self, seqs: list[int], reply: bytes) -> tuple[dict[str, int], int]:
        results = wire.decode_results(reply).results
        return local.record_results(self.engine, seqs, results), len(seqs)

    def _push_done(self, marks: deque[Future[tuple[dict[str, int], int]]], wait: bool) -> None:
        """Count the batches whose results are recorded (all of them when wait is set)."""
        while marks and (wait or marks[0].done()):
            counts, size = marks.popleft().result()
            for status, n in counts.items():
                self.stats.statuses[status] = self.stats.statuses.get(status, 0) + n
            self.stats.pushed += sum(counts.values())
            if self.progress:
                self.progress(Progress("push", self.stats.pushed, size, self.stats.push_requests))
            if not counts:
                raise SyncError("区服务器没有确认任何变更，请稍后重试")

    def pull(self) -> SyncStats:
        """Fetch pages after the stored cursor; each page commits with its cursor. Pages start
        at FIRST_PAGE changes and double up to page_size.

        A helper thread applies each page (in order, one transaction per page) while the
        next page is being fetched; the fetch uses the cursor the server named, so no page
        is skipped or applied twice, and an interruption resumes from the last applied one."""
        cursor = int(local.read_setting(self.engine, local.CURSOR, "0") or 0)
        full = cursor == 0 or local.read_setting(self.engine, local.FULL_PULL) == "1"
        limit = min(self.page_size, FIRST_PAGE)
        with ThreadPoolExecutor(1, thread_name_prefix="sync-pull") as worker:
            applying: deque[Future[tuple[dict[str, int], int]]] = deque()
            try:
                while True:
                    body = json.dumps(
                        {
                            "protocol": PROTOCOL,
                            "schema_version": SCHEMA,
                            "cursor": cursor,
                            "limit": limit,
                            "include_own": full,
                        }
                    ).encode()
                    # the first page tells the district what still waits here (its 总览)
                    extra = None if self.stats.pull_requests else self._waiting_header()
                    page = wire.decode_page(self.request("/v1/pull", body, extra=extra))
                    self.stats.pull_requests += 1
                    applying.append(worker.submit(self._apply_page, page, full))
                    self._pull_done(applying, wait=False)
                    if not page.has_more:
                        break
                    cursor = page.next_cursor
                    limit = min(self.page_size, limit * 2)
            finally:
                self._pull_done(applying, wait=True)
        return self.stats

    def _waiting_header(self) -> dict[str, str]:
        """Changes made here the district does not hold yet: pending or refused."""
        with self.engine.connect() as conn:
            n = conn.exec_driver_sql(
                "SELECT count(*) FROM outbox WHERE state IN ('pending', 'rejected')"
            ).scalar_one()
        return {STATION_WAITING_HEADER: str(n)}

    def _apply_page(self, page: wire.PullResponse, full: bool) -> tuple[dict[str, int], int]:
        return local.apply_page(self.engine, page, full=full), len(page.changes)

    def _pull_done(self, applying: deque[Future[tuple[dict[str, int], int]]], wait: bool) -> None:
        while applying and (wait or applying[0].done()):
            counts, size = applying.popleft().result()
            for entity, n in counts.items():
                self.stats.pulled_by_entity[entity] = self.stats.pulled_by_entity.get(entity, 0) + n
            self.stats.pulled += size
            if self.progress:
                self.progress(Progress("pull", self.stats.pulled, size, self.stats.pull_requests))

    def sync(self) -> SyncStats:
        """Push, then pull (so the pull brings back the server's merges of our edits)."""
        self.push()
        self.pull()
        self._finish()
        return self.stats

    def _finish(self) -> None:
        offset = self.stats.clock_offset_s
        if abs(offset) > CLOCK_WARN_SECONDS:
            minutes = round(offset / 60)
            self.stats.warnings.append(
                f"本机时钟与区服务器相差约 {abs(minutes)} 分钟（本机{'慢' if offset > 0 else '快'}），"
                "请校准电脑时间；同步不受影响，但记录时间可能不准"
            )
        with self.engine.begin() as conn:
            local.write_setting(conn, local.LAST_SYNC, dt.datetime.now(dt.UTC).isoformat())
            local.write_setting(conn, local.CLOCK_OFFSET, f"{offset:.1f}")


def gunzip_if_needed(data: bytes) -> bytes:
    return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data
