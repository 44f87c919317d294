"""Alembic environment for the training-room tables: runs on the connection the store hands over."""
from alembic import context

from components.room.tables import VERSION_TABLE

context.configure(connection=context.config.attributes["connection"], target_metadata=None,
                  version_table=VERSION_TABLE, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
