"""The station file's data key: random, never stored in the clear, wrapped once per login.

A random 32-byte data key encrypts the database (SQLCipher raw key). It is kept only wrapped:
AES-256-GCM under a key derived with argon2id from each active staff member's password, and
once more under the recovery code the station head keeps on paper. The wraps live in a small
JSON file beside the database, ``<db>.keys.json`` (mode 0600), because they must be read
*before* the database can be opened; a plain header table inside the file would need a second,
unencrypted database for the same few hundred bytes.

What the key file reveals: the login names that can unlock and the argon2 cost, nothing else.
Each wrap's GCM associated data names its login, so a wrap cannot be moved to another name.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import tempfile
import threading
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from .services.errors import UserFacingError

FORMAT = 1
KEY_BYTES = 32
RECOVERY = "~recovery"  # the recovery code's wrap; no login name starts with ~
RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
RECOVERY_GROUPS = 6  # 6 groups of 4: 120 bits


@dataclass(frozen=True)
class KdfCost:
    """argon2id cost; kept in each wrap so a wrap made at any cost still opens."""

    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 1


# Production cost (about 0.2 s here). Tests lower it through set_kdf_cost (tests/conftest.py).
_cost = KdfCost()


def set_kdf_cost(cost: KdfCost) -> KdfCost:
    """Use another argon2 cost for new wraps; returns the previous one (tests only)."""
    global _cost
    previous, _cost = _cost, cost
    return previous


class UnlockError(UserFacingError):
    """The station file cannot be opened: no key file, wrong login, or wrong recovery code."""


def key_path(db_path: Path | str) -> Path:
    db = Path(db_path)
    return db.with_name(db.name + ".keys.json")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))


def _derive(secret: str, salt: bytes, cost: KdfCost) -> bytes:
    return hash_secret_raw(
        secret.encode("utf-8"),
        salt,
        time_cost=cost.time_cost,
        memory_cost=cost.memory_kib,
        parallelism=cost.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def _aad(name: str) -> bytes:
    return f"stationdesk-key-v{FORMAT}:{name}".encode()


def wrap(data_key: bytes, name: str, secret: str) -> dict[str, Any]:
    """The data key sealed under an argon2id key from secret, bound to name."""
    salt, nonce, cost = os.urandom(16), os.urandom(12), _cost
    sealed = AESGCM(_derive(secret, salt, cost)).encrypt(nonce, data_key, _aad(name))
    return {
        "kdf": "argon2id",
        "t": cost.time_cost,
        "m": cost.memory_kib,
        "p": cost.parallelism,
        "salt": _b64(salt),
        "nonce": _b64(nonce),
        "sealed": _b64(sealed),
    }


def unwrap(entry: dict[str, Any], name: str, secret: str) -> bytes | None:
    """The data key, or None when secret is wrong (or the entry was tampered with)."""
    cost = KdfCost(int(entry["t"]), int(entry["m"]), int(entry["p"]))
    derived = _derive(secret, _unb64(entry["salt"]), cost)
    try:
        return AESGCM(derived).decrypt(_unb64(entry["nonce"]), _unb64(entry["sealed"]), _aad(name))
    except InvalidTag:
        return None


def new_data_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def new_recovery_code() -> str:
    chars = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(4 * RECOVERY_GROUPS))
    return "-".join(chars[i : i + 4] for i in range(0, len(chars), 4))


def normalise_recovery(code: str) -> str:
    """As typed from paper: any case, spaces or dashes between groups."""
    chars = "".join(ch for ch in code.upper() if ch.isalnum())
    return "-".join(chars[i : i + 4] for i in range(0, len(chars), 4))


@dataclass
class KeyFile:
    """The wraps of one database's data key (see the module docstring)."""

    path: Path
    wraps: dict[str, dict[str, Any]] = field(default_factory=dict)
    label: str = ""  # the station's name, shown on the login before the file is open

    @classmethod
    def load(cls, db_path: Path | str) -> KeyFile | None:
        path = key_path(db_path)
        if not path.exists():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(path, dict(data["wraps"]), str(data.get("label", "")))
        except (ValueError, KeyError, TypeError):
            raise UnlockError(f"密钥文件 {path.name} 已损坏，请用备份中的密钥文件替换") from None

    def save(self) -> None:
        body = {"format": FORMAT, "label": self.label, "wraps": self.wraps}
        write_private(self.path, json.dumps(body, ensure_ascii=False, indent=1))

    def usernames(self) -> list[str]:
        return sorted(name for name in self.wraps if name != RECOVERY)

    def unlock(self, username: str, password: str) -> bytes:
        entry = self.wraps.get(username.strip())
        key = unwrap(entry, username.strip(), password) if entry else None
        if key is None:
            raise UnlockError("登录名或密码错误，无法打开本站数据")
        return key

    def unlock_recovery(self, code: str) -> bytes:
        entry = self.wraps.get(RECOVERY)
        key = unwrap(entry, RECOVERY, normalise_recovery(code)) if entry else None
        if key is None:
            raise UnlockError("恢复码不正确")
        return key

    def set_wrap(self, data_key: bytes, username: str, password: str) -> None:
        self.wraps[username] = wrap(data_key, username, password)

    def remove_wrap(self, username: str) -> bool:
        return self.wraps.pop(username, None) is not None


def write_private(path: Path, text: str) -> None:
    """Write atomically (temporary file, then rename), readable by its user only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def create_key_file(
    db_path: Path | str, username: str, password: str, *, label: str = ""
) -> tuple[bytes, str]:
    """A new data key wrapped for the first login and a new recovery code: (key, code).

    The code is returned once, to be shown once; only its wrap is kept."""
    data_key, code = new_data_key(), new_recovery_code()
    keys = KeyFile(key_path(db_path), label=label)
    keys.set_wrap(data_key, username.strip(), password)
    keys.wraps[RECOVERY] = wrap(data_key, RECOVERY, code)
    keys.save()
    return data_key, code


@dataclass
class Keyring:
    """An open database's data key and where its wraps live (kept while the engine lives)."""

    db_path: Path
    data_key: bytes
    verified: set[str] = field(default_factory=set)  # logins whose wrap was just unwrapped
    lock: threading.RLock = field(default_factory=threading.RLock)
    anchor_cache: Any = None  # the audit head this process last wrote (services.auditchain)

    def keyfile(self) -> KeyFile:
        keys = KeyFile.load(self.db_path)
        return keys if keys is not None else KeyFile(key_path(self.db_path))

    def set_wrap(self, username: str, password: str) -> None:
        with self.lock:
            keys = self.keyfile()
            keys.set_wrap(self.data_key, username, password)
            keys.save()

    def remove_wrap(self, username: str) -> None:
        with self.lock:
            keys = self.keyfile()
            if keys.remove_wrap(username):
                keys.save()
            self.verified.discard(username)

    def ensure_wrap(self, username: str, password: str) -> None:
        """After a login checked against the database: make sure this password unlocks the
        file too (staff who came by sync, a password changed at another station)."""
        if username in self.verified:  # this very password just unwrapped the key
            self.verified.discard(username)
            return
        entry = self.keyfile().wraps.get(username)
        if entry is None or unwrap(entry, username, password) != self.data_key:
            self.set_wrap(username, password)

    def new_recovery(self) -> str:
        """A new recovery code wrapping this key (the previous code stops working)."""
        code = new_recovery_code()
        with self.lock:
            keys = self.keyfile()
            keys.wraps[RECOVERY] = wrap(self.data_key, RECOVERY, code)
            keys.save()
        return code

    def set_label(self, label: str) -> None:
        with self.lock:
            keys = self.keyfile()
            if keys.label != label:
                keys.label = label
                keys.save()


_rings: weakref.WeakKeyDictionary[Any, Keyring] = weakref.WeakKeyDictionary()


def attach(engine: Any, ring: Keyring) -> None:
    _rings[engine] = ring


def ring_of(engine: Any) -> Keyring | None:
    """The keyring of an engine opened with a key, or None (a plain file, tests of old files)."""
    return _rings.get(engine)


def ring_for_path(db_path: Path | str) -> Keyring | None:
    """The keyring of an engine open on this file in this process, if any."""
    target = Path(db_path).resolve()
    for ring in list(_rings.values()):
        if ring.db_path == target:
            return ring
    return None
