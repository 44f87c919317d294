"""Training-room sessions, participants, answers and presenter channels.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "room_sessions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("join_code", sa.String(16), nullable=False, unique=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("questions", sa.Text, nullable=False),
        sa.Column("trainer_hash", sa.String(64), nullable=False),
        sa.Column("phase", sa.String(16), nullable=False),
        sa.Column("question_number", sa.Integer, nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("phase_changed_at", WHEN, nullable=False),
        sa.Column("expires_at", WHEN, nullable=False),
    )
    op.create_index("room_sessions_expires_at", "room_sessions", ["expires_at"])
    op.create_table(
        "room_participants",
        sa.Column("session_id", sa.Integer,
                  sa.ForeignKey("room_sessions.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("joined_at", WHEN, nullable=False),
    )
    # Per answer exactly what the issue allows: session, question, participant token (hashed),
    # choice, time.
    op.create_table(
        "room_answers",
        sa.Column("session_id", sa.Integer,
                  sa.ForeignKey("room_sessions.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("question_number", sa.Integer, primary_key=True),
        sa.Column("participant_hash", sa.String(64), primary_key=True),
        sa.Column("choice", sa.Integer, nullable=False),
        sa.Column("answered_at", WHEN, nullable=False),
    )
    op.create_table(
        "room_channels",
        sa.Column("code", sa.String(16), primary_key=True),
        sa.Column("talk_param", sa.Text, nullable=False),
        sa.Column("presenter_hash", sa.String(64), nullable=False),
        sa.Column("slide_number", sa.Integer, nullable=False),
        sa.Column("expires_at", WHEN, nullable=False),
    )
    op.create_index("room_channels_expires_at", "room_channels", ["expires_at"])


def downgrade() -> None:
    op.drop_table("room_channels")
    op.drop_table("room_answers")
    op.drop_table("room_participants")
    op.drop_index("room_sessions_expires_at", "room_sessions")
    op.drop_table("room_sessions")
