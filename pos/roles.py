"""The two roles of the shop's users (kept apart from ``pos.users`` so that naming a role
does not load password hashing and the database layer)."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"  # 管理员: works the counter
    SUPERVISOR = "supervisor"  # 监督员 / 第一书记: audits, approves
