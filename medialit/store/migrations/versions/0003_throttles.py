"""Guessing throttles: one row per client and one for everyone, per kind of guess; no more failure log.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07

``login_failures`` (one row per failed teacher login, read back with a delay per attempt) is
replaced by ``throttles`` (a budget, a lockout and an exponential back-off per client and for all
clients, for teacher passwords and for codes). Its rows are dropped: failures older than a day
were pruned anyway, and a throttle that restarts empty only grants the budget once more.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC_TIMESTAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "throttles",
        sa.Column("scope", sa.String(length=200), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_at", UTC_TIMESTAMP, nullable=False),
        sa.Column("locked_until", UTC_TIMESTAMP, nullable=True),
        sa.PrimaryKeyConstraint("scope", name=op.f("pk_throttles")),
    )
    op.drop_index("ix_login_failures_who_at", table_name="login_failures")
    op.drop_table("login_failures")


def downgrade() -> None:
    op.create_table(
        "login_failures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("who", sa.String(length=200), nullable=False),
        sa.Column("at", UTC_TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_failures")),
    )
    op.create_index("ix_login_failures_who_at", "login_failures", ["who", "at"], unique=False)
    op.drop_table("throttles")
