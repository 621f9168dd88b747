"""Staff password hashes: argon2id with the station's parameters (desktop/services/staff.py),
so an account the district creates logs in at the station."""

from __future__ import annotations

from argon2 import PasswordHasher

HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)


def hash_password(password: str) -> str:
    return HASHER.hash(password)
