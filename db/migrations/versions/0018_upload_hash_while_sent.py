"""An upload may begin without the SHA-256 (issue 12): the station hashes the file while sending it and
claims the SHA-256 at finish, so uploads.sha256 may be empty while the upload is open. Begin looks for a
possible duplicate by the clip's original name and size (the station then hashes first), hence the index.

Revision ID: 0018_upload_hash_while_sent
Revises: 0008_uploads
"""

import sqlalchemy as sa
from alembic import op

revision = "0018_upload_hash_while_sent"
down_revision = "0008_uploads"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("uploads") as uploads:
        uploads.alter_column("sha256", existing_type=sa.String(length=64), nullable=True)
    op.create_index("ix_clips_name_size", "clips", ["original_name", "size_bytes"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_clips_name_size", table_name="clips")
    # an open upload without a claim cannot be kept by the older schema: it expires (its bytes are sent again)
    op.execute(
        "UPDATE uploads SET open_key = NULL, outcome = 'expired', finished_at = touched_at, sha256 = ''"
        " WHERE sha256 IS NULL"
    )
    with op.batch_alter_table("uploads") as uploads:
        uploads.alter_column("sha256", existing_type=sa.String(length=64), nullable=False)
