"""Pick or create a connection profile: an embedded archive folder, a PostgreSQL branch archive, or the
branch archive server (its address and the certificate file pinned for it).

The password of a PostgreSQL profile goes to the OS credential store (workstation.profiles), never to
a file; a server profile holds none. "Test" opens the archive (or asks the server whether it answers with
the pinned certificate) on a worker thread and reports in plain words.
"""

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.common.messages import failure_text
from ui.common.tasks import Operations
from workstation.client.links import check_server
from workstation.profiles import Profile, load_profiles, open_profile, save_profile

EMBEDDED, POSTGRESQL, SERVER = "embedded", "postgresql", "server"
KINDS = (EMBEDDED, POSTGRESQL, SERVER)  # in the order of the kind list and the stacked fields


class ConnectionDialog(QDialog):
    """`chosen` is the profile name to use after accept()."""

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Archive connection"))
        self.chosen: str | None = None
        self._operations = operations
        self.profiles = QListWidget()
        self.profiles.currentTextChanged.connect(self._show_profile)
        self.name = QLineEdit()
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Embedded archive (this computer)"), EMBEDDED)
        self.kind.addItem(self.tr("Branch archive (PostgreSQL server)"), POSTGRESQL)
        self.kind.addItem(self.tr("Archive server"), SERVER)
        self.folder = QLineEdit()
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(lambda: self._pick_folder(self.folder))
        self.host, self.database, self.user = QLineEdit(), QLineEdit(), QLineEdit()
        self.port = QSpinBox(minimum=1, maximum=65535, value=5432)
        self.password = QLineEdit(
            echoMode=QLineEdit.EchoMode.Password, placeholderText=self.tr("kept in the system credential store")
        )
        self.media_root = QLineEdit()
        browse_media = QPushButton(self.tr("Browse…"))
        browse_media.clicked.connect(lambda: self._pick_folder(self.media_root))

        embedded = QWidget()
        embedded_form = QFormLayout(embedded)
        embedded_form.addRow(self.tr("Archive folder"), _with_button(self.folder, browse))
        server = QWidget()
        server_form = QFormLayout(server)
        server_form.addRow(self.tr("Server"), self.host)
        server_form.addRow(self.tr("Port"), self.port)
        server_form.addRow(self.tr("Database"), self.database)
        server_form.addRow(self.tr("User"), self.user)
        server_form.addRow(self.tr("Password"), self.password)
        server_form.addRow(self.tr("Media share"), _with_button(self.media_root, browse_media))
        self.server_url = QLineEdit(placeholderText="https://192.0.2.10:8443")
        self.pin = QLineEdit(placeholderText=self.tr("the server's cert.pem, from the IT department"))
        browse_pin = QPushButton(self.tr("Browse…"))
        browse_pin.clicked.connect(self._pick_pin)
        archive_server = QWidget()
        archive_server_form = QFormLayout(archive_server)
        archive_server_form.addRow(self.tr("Server address"), self.server_url)
        archive_server_form.addRow(self.tr("Server certificate"), _with_button(self.pin, browse_pin))
        self.fields = QStackedWidget()
        self.fields.addWidget(embedded)
        self.fields.addWidget(server)
        self.fields.addWidget(archive_server)
        self.kind.currentIndexChanged.connect(self.fields.setCurrentIndex)

        self.result_label = QLabel(wordWrap=True)
        test = QPushButton(self.tr("Test connection"))
        test.clicked.connect(self.test_connection)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save and use"))
        buttons.accepted.connect(self.save_and_use)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Profile name"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.fields)
        right.addWidget(test)
        right.addWidget(self.result_label)
        right.addStretch()
        right.addWidget(buttons)
        layout = QHBoxLayout(self)
        layout.addWidget(self.profiles, 1)
        layout.addLayout(right, 2)
        self.profiles.addItems(sorted(load_profiles()))

    def _pick_folder(self, target: QLineEdit) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder"), target.text())
        if folder:
            target.setText(folder)

    def _pick_pin(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the server's certificate"), self.pin.text(), self.tr("Certificates (*.pem *.crt)")
        )
        if chosen:
            self.pin.setText(chosen)

    def _show_profile(self, name: str) -> None:
        profile = load_profiles().get(name)
        if profile is None:
            return
        self.name.setText(profile.name)
        self.kind.setCurrentIndex(KINDS.index(profile.kind))
        self.folder.setText(profile.folder)
        self.host.setText(profile.host)
        self.port.setValue(profile.port)
        self.database.setText(profile.database)
        self.user.setText(profile.user)
        self.media_root.setText(profile.media_root)
        self.server_url.setText(profile.server)
        self.pin.setText(profile.pin)
        self.password.clear()

    def profile(self) -> Profile:
        if self.kind.currentData() == EMBEDDED:
            return Profile(name=self.name.text().strip(), kind=EMBEDDED, folder=self.folder.text().strip())
        if self.kind.currentData() == SERVER:
            return Profile(
                name=self.name.text().strip(),
                kind=SERVER,
                server=self.server_url.text().strip().rstrip("/"),
                pin=self.pin.text().strip(),
            )
        return Profile(
            name=self.name.text().strip(),
            kind=POSTGRESQL,
            host=self.host.text().strip(),
            port=self.port.value(),
            database=self.database.text().strip(),
            user=self.user.text().strip(),
            media_root=self.media_root.text().strip(),
        )

    def _save(self) -> Profile | None:
        profile = self.profile()
        if not profile.name:
            self.result_label.setText(self.tr("Give the profile a name."))
            return None
        if profile.kind == SERVER and not profile.server.startswith("https://"):
            self.result_label.setText(self.tr("Give the server's address, beginning with https://."))
            return None
        save_profile(profile, (self.password.text() or None) if profile.kind == POSTGRESQL else None)
        return profile

    def test_connection(self) -> None:
        profile = self._save()
        if profile is None:
            return
        self.result_label.setText(self.tr("Connecting…"))

        def attempt() -> None:
            if profile.kind == SERVER:
                check_server(profile.server, Path(profile.pin) if profile.pin else None)
            else:
                open_profile(profile.name).close()

        self._operations.run(
            self,
            attempt,
            lambda _: self.result_label.setText(self.tr("Connected.")),
            lambda error: self.result_label.setText(failure_text(error)),
        )

    def save_and_use(self) -> None:
        profile = self._save()
        if profile is not None:
            self.chosen = profile.name
            self.accept()


def _with_button(line: QLineEdit, button: QPushButton) -> QWidget:
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(line)
    layout.addWidget(button)
    return box
