"""Station set-up and staff accounts: argon2id hashes, roles, slowed-down failed logins."""

from __future__ import annotations

import datetime as dt
import secrets
import time

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlmodel import Session, select

from contract.enums import Role

from .. import keys
from ..models import Setting, Staff, Station, new_id, utcnow
from .context import SYSTEM, Actor, Ctx
from .errors import NotFound, UserFacingError, ValidationError
from .uow import transaction
from .validate import phone_error

# Interactive logins: argon2id with moderate cost (about 50 ms here).
_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
LOCK_AFTER = 5  # failed attempts before the account waits
LOCK_SECONDS = 30


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_hash(password_hash: str, password: str) -> bool:
    """Raises argon2's VerificationError/InvalidHashError when the password does not match."""
    return bool(_hasher.verify(password_hash, password))


def get_setting(engine: object, key: str, default: str = "") -> str:
    with Session(engine) as session:  # type: ignore[arg-type]
        row = session.get(Setting, key)
        return row.value if row else default


def set_setting(unit_session: Session, key: str, value: str) -> None:
    row = unit_session.get(Setting, key)
    if row is None:
        unit_session.add(Setting(key=key, value=value))
    else:
        row.value = value


def init_station(
    engine: object,
    *,
    code: str,
    name: str,
    district_code: str = "",
    district_name: str = "",
    union_name: str = "",
    station_id: str | None = None,
) -> Ctx:
    """Create this device's station row (once) and remember it as the local station."""
    code = code.strip()
    name = name.strip()
    errors = {}
    if not code:
        errors["code"] = "服务站编码不能为空"
    if not name:
        errors["name"] = "服务站名称不能为空"
    if errors:
        raise ValidationError(errors)
    existing = get_setting(engine, "station_id")
    if existing:
        raise UserFacingError("本机已设置服务站，不能重复初始化")
    new_station_id = station_id or new_id()
    station = Station(
        id=new_station_id,
        station_id=new_station_id,
        code=code,
        name=name,
        district_code=district_code,
        district_name=district_name,
        union_name=union_name or name,
    )
    ctx = Ctx(engine, station.id, SYSTEM)  # type: ignore[arg-type]
    with transaction(ctx) as unit:
        unit.save(station)
        set_setting(unit.session, "station_id", station.id)
        set_setting(unit.session, "receipt_key", secrets.token_hex(32))
        unit.audit("station.init", "station", station.id, code=code)
    return ctx


STATION_EDITABLE = ("name", "union_name", "address", "phone")


def update_station(ctx: Ctx, **values: str) -> Station:
    """Edit this station's own details (station head only); changed fields travel with their
    previous values, like a member edit. Code and district are set at enrolment and stay."""
    ctx.require_head("修改服务站信息")
    unknown = set(values) - set(STATION_EDITABLE)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    clean = {k: " ".join(str(v).split()) for k, v in values.items()}
    errors: dict[str, str] = {}
    if "name" in clean and not clean["name"]:
        errors["name"] = "服务站名称不能为空"
    if len(clean.get("address", "")) > 200:
        errors["address"] = "地址不能超过 200 个字"
    phone = clean.get("phone", "")
    if phone and phone_error(phone):
        errors["phone"] = f"电话“{phone}”格式不正确（应为 11 位手机号或带区号的固定电话）"
    if errors:
        raise ValidationError(errors)
    with transaction(ctx) as unit:
        station = unit.session.get(Station, ctx.station_id)
        if station is None:
            raise NotFound("本机服务站记录不存在")
        base = {k: getattr(station, k) for k, v in clean.items() if getattr(station, k) != v}
        if base:
            for key in base:
                setattr(station, key, clean[key])
            unit.save(station, base=base)
            unit.audit("station.edit", "station", station.id, fields=sorted(base))
    return station


def local_context(engine: object, actor: Actor = SYSTEM) -> Ctx:
    """The context of this device's station, or a Chinese error when it is not set up yet."""
    station_id = get_setting(engine, "station_id")
    if not station_id:
        raise UserFacingError("本机尚未设置服务站，请先运行初始化（stationdesk init）")
    return Ctx(engine, station_id, actor)  # type: ignore[arg-type]


def add_staff(
    ctx: Ctx, *, username: str, display_name: str, role: Role | str, password: str
) -> Staff:
    """Create an account. The first account of a station may be made by the system."""
    if ctx.actor is not SYSTEM:
        ctx.require_head("添加工作人员")
    errors: dict[str, str] = {}
    username = username.strip()
    if not username:
        errors["username"] = "登录名不能为空"
    if not display_name.strip():
        errors["display_name"] = "姓名不能为空"
    if len(password) < 6:
        errors["password"] = "密码至少 6 位"
    try:
        role_value = Role.from_text(str(role)).value
    except ValueError:
        errors["role"] = f"角色“{role}”不是可选项"
    if errors:
        raise ValidationError(errors)
    with transaction(ctx) as unit:
        if unit.session.exec(select(Staff).where(Staff.username == username)).first():
            raise ValidationError({"username": f"登录名“{username}”已存在"})
        staff = Staff(
            station_id=ctx.station_id,
            username=username,
            display_name=display_name.strip(),
            role=role_value,
            password_hash=hash_password(password),
        )
        unit.save(staff)
        unit.audit("staff.add", "staff", staff.id, role=role_value)
    ring = keys.ring_of(ctx.engine)
    if ring is not None:  # the new password unlocks the station file too
        ring.set_wrap(username, password)
    return staff


def list_staff(ctx: Ctx) -> list[Staff]:
    with ctx.read() as session:
        return list(
            session.exec(select(Staff).where(Staff.deleted == False).order_by(Staff.username))
        )  # noqa: E712


def login(ctx: Ctx, username: str, password: str, *, sleep: bool = True) -> Actor:
    """Check a password (works offline). Failures slow down: after 5, the account waits 30 s."""
    now = utcnow()
    with Session(ctx.engine) as session:
        staff = session.exec(select(Staff).where(Staff.username == username.strip())).first()
    if staff is None or not staff.active or staff.deleted:
        ring = keys.ring_of(ctx.engine)
        if staff is not None and ring is not None:  # deactivated elsewhere and synced here
            ring.remove_wrap(staff.username)
        if sleep:
            time.sleep(0.3)
        raise UserFacingError("登录名或密码错误")
    if staff.locked_until and staff.locked_until > now:
        wait = int((staff.locked_until - now).total_seconds()) + 1
        raise UserFacingError(f"密码错误次数过多，请 {wait} 秒后再试")
    try:
        _hasher.verify(staff.password_hash, password)
        ok = True
    except (VerificationError, InvalidHashError):
        ok = False
    actor = Actor.of(staff)
    with transaction(ctx.as_actor(actor)) as unit:
        row = unit.session.get(Staff, staff.id)
        assert row is not None
        if ok:
            row.failed_logins = 0
            row.locked_until = None
            unit.audit("staff.login", "staff", staff.id)
        else:
            row.failed_logins += 1
            if row.failed_logins >= LOCK_AFTER:
                row.locked_until = now + dt.timedelta(seconds=LOCK_SECONDS)
            unit.audit("staff.login_failed", "staff", staff.id, attempts=row.failed_logins)
    if not ok:
        if sleep:
            time.sleep(min(2.0, 0.3 * staff.failed_logins + 0.3))
        raise UserFacingError("登录名或密码错误")
    ring = keys.ring_of(ctx.engine)
    if ring is not None:
        ring.ensure_wrap(staff.username, password)
    return actor


def get_staff(ctx: Ctx, staff_id: str) -> Staff:
    with ctx.read() as session:
        staff = session.get(Staff, staff_id)
        if staff is None:
            raise NotFound("工作人员不存在")
        return staff


def _password_error(password: str) -> str | None:
    return "密码至少 6 位" if len(password) < 6 else None


def reset_password(ctx: Ctx, staff_id: str, password: str) -> Staff:
    """The station head sets a new password (the account is unlocked); it syncs like any staff
    edit, and the new password unlocks the station file (the old one no longer does)."""
    ctx.require_head("重置密码")
    if error := _password_error(password):
        raise ValidationError({"password": error})
    with transaction(ctx) as unit:
        row = _staff_row(unit.session, staff_id)
        if not row.active:
            raise UserFacingError(f"账号“{row.username}”已停用，不能重置密码")
        base = {"password_hash": row.password_hash}
        row.password_hash = hash_password(password)
        row.failed_logins = 0
        row.locked_until = None
        unit.save(row, base=base)
        unit.audit("staff.reset_password", "staff", row.id)
    ring = keys.ring_of(ctx.engine)
    if ring is not None:
        ring.set_wrap(row.username, password)
    return row


def change_password(ctx: Ctx, old: str, new: str) -> Staff:
    """The logged-in member changes their own password (the old one is checked)."""
    if ctx.actor.staff_id is None:
        raise UserFacingError("请先登录")
    if error := _password_error(new):
        raise ValidationError({"new_password": error})
    with transaction(ctx) as unit:
        row = _staff_row(unit.session, ctx.actor.staff_id)
        try:
            _hasher.verify(row.password_hash, old)
        except (VerificationError, InvalidHashError):
            raise ValidationError({"old_password": "原密码不正确"}) from None
        base = {"password_hash": row.password_hash}
        row.password_hash = hash_password(new)
        unit.save(row, base=base)
        unit.audit("staff.change_password", "staff", row.id)
    ring = keys.ring_of(ctx.engine)
    if ring is not None:
        ring.set_wrap(row.username, new)
    return row


def deactivate(ctx: Ctx, staff_id: str) -> Staff:
    """The station head stops an account: it can no longer log in, and its key wrap is
    removed. A head cannot stop their own account or the station's last active head."""
    ctx.require_head("停用工作人员")
    if staff_id == ctx.actor.staff_id:
        raise UserFacingError("不能停用自己正在使用的账号")
    with transaction(ctx) as unit:
        row = _staff_row(unit.session, staff_id)
        if not row.active:
            raise UserFacingError(f"账号“{row.username}”已经停用")
        if row.role == Role.STATION_HEAD.value and _active_heads(unit.session) <= 1:
            raise UserFacingError("不能停用本站唯一的站长账号")
        row.active = False
        unit.save(row, base={"active": True})
        unit.audit("staff.deactivate", "staff", row.id)
    ring = keys.ring_of(ctx.engine)
    if ring is not None:
        ring.remove_wrap(row.username)
    return row


def find_staff(ctx: Ctx, username: str) -> Staff:
    with ctx.read() as session:
        row = session.exec(select(Staff).where(Staff.username == username.strip())).first()
    if row is None or row.deleted:
        raise NotFound(f"没有登录名为“{username.strip()}”的工作人员")
    return row


def new_recovery_code(ctx: Ctx) -> str:
    """A new recovery code for the station file (the old one stops working). Shown once."""
    if ctx.actor is not SYSTEM:
        ctx.require_head("生成恢复码")
    ring = keys.ring_of(ctx.engine)
    if ring is None:
        raise UserFacingError("本站数据库未加密，没有恢复码")
    code = ring.new_recovery()
    with transaction(ctx) as unit:
        unit.audit("keys.recovery_code", "station", ctx.station_id)
    return code


def _staff_row(session: Session, staff_id: str) -> Staff:
    row = session.get(Staff, staff_id)
    if row is None or row.deleted:
        raise NotFound("工作人员不存在")
    return row


def _active_heads(session: Session) -> int:
    rows = session.exec(
        select(Staff.id).where(
            Staff.role == Role.STATION_HEAD.value,
            Staff.active == True,  # noqa: E712
            Staff.deleted == False,  # noqa: E712
        )
    )
    return len(list(rows))
