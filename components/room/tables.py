"""The training-room tables as the code queries them; migrations/ is what creates and changes them."""
from __future__ import annotations

import sqlalchemy as sa

VERSION_TABLE = "room_alembic_version"  # its own name: the room may share a database with others
WHEN = sa.DateTime(timezone=True)
metadata = sa.MetaData()

sessions = sa.Table(
    "room_sessions", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("join_code", sa.String(16), nullable=False, unique=True),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("questions", sa.Text, nullable=False),  # JSON list of RoomQuestion, copied at opening
    sa.Column("trainer_hash", sa.String(64), nullable=False),
    sa.Column("phase", sa.String(16), nullable=False),
    sa.Column("question_number", sa.Integer, nullable=False),  # 0 before the first question
    sa.Column("created_at", WHEN, nullable=False),
    sa.Column("phase_changed_at", WHEN, nullable=False),
    sa.Column("expires_at", WHEN, nullable=False),
    sa.Index("room_sessions_expires_at", "expires_at"),
)

participants = sa.Table(
    "room_participants", metadata,
    sa.Column("session_id", sa.Integer, sa.ForeignKey("room_sessions.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column("joined_at", WHEN, nullable=False),
)

answers = sa.Table(
    "room_answers", metadata,
    sa.Column("session_id", sa.Integer, sa.ForeignKey("room_sessions.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("question_number", sa.Integer, primary_key=True),
    sa.Column("participant_hash", sa.String(64), primary_key=True),
    sa.Column("choice", sa.Integer, nullable=False),
    sa.Column("answered_at", WHEN, nullable=False),
)

channels = sa.Table(
    "room_channels", metadata,
    sa.Column("code", sa.String(16), primary_key=True),
    sa.Column("talk_param", sa.Text, nullable=False),
    sa.Column("presenter_hash", sa.String(64), nullable=False),
    sa.Column("slide_number", sa.Integer, nullable=False),
    sa.Column("expires_at", WHEN, nullable=False),
    sa.Index("room_channels_expires_at", "expires_at"),
)
