"""Leaving a class (learners.left_at) and remembered teacher logins (teacher_logins).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28

Frozen history: plain SQLAlchemy types only (see 0001).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC_TIMESTAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    # Batch mode, as autogenerate writes it for SQLite; an added column is a plain ALTER TABLE ADD COLUMN there.
    with op.batch_alter_table("learners") as batch:
        batch.add_column(sa.Column("left_at", UTC_TIMESTAMP, nullable=True))
    op.create_table(
        "teacher_logins",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("created_at", UTC_TIMESTAMP, nullable=False),
        sa.Column("expires_at", UTC_TIMESTAMP, nullable=False),
        sa.Column("revoked_at", UTC_TIMESTAMP, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_teacher_logins")),
    )


def downgrade() -> None:
    op.drop_table("teacher_logins")
    with op.batch_alter_table("learners") as batch:
        batch.drop_column("left_at")
