"""What every screen is handed: the open station, who is logged in, the ops helper, the bridge.

Passed explicitly to each screen (no global "mw"), so a screen can be built in a test with
a fresh database and a synchronous ops helper.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .bridge import EventBridge
from .ops import Ops


@dataclass
class AppState:
    db_path: Path
    engine: Any  # the store's Engine; screens hand it to services and never query it
    ctx: Any  # desktop.services.context.Ctx with the logged-in actor
    ops: Ops
    bridge: EventBridge
    lang: str = "zh_CN"
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def actor(self) -> Any:
        return self.ctx.actor

    @property
    def is_head(self) -> bool:
        return str(self.ctx.actor.role) == "station_head"
