"""The app factory: one Dash app bound to one published DuckDB file.

Nothing is fetched at import time and nothing per user lives on the server:
the page layout is rebuilt on each load (so new countries and dates show up
after a refresh) and the view state lives in the browser's URL.
"""

from __future__ import annotations

import socket
import threading
from pathlib import Path

from dash import Dash

from etl.settings import load_settings

from . import callbacks, layout, queries
from .republisher import Republisher

ASSETS = Path(__file__).resolve().parent / "assets"


def create_app(db_path: str | Path, republisher: Republisher | None = None) -> Dash:
    """A Dash app reading `db_path` (which may not exist yet: the page then
    says how to build it). Corrections go to <db stem>.corrections.sqlite."""
    db = Path(db_path).expanduser().resolve()
    settings = load_settings(db=str(db))
    republisher = republisher or Republisher(settings)
    app = Dash(__name__, title="East Asia relations", assets_folder=str(ASSETS), serve_locally=True,
               update_title=None, compress=False)
    topojson_url = app.get_asset_url("topojson/")

    def serve_layout():
        try:
            facts = queries.overview(db)
            options = layout.country_options(queries.countries(db))
        except queries.DatabaseMissing as e:
            return layout.missing_page(str(e))
        return layout.page(options, facts, queries.version(db), topojson_url)

    app.layout = serve_layout
    app.validation_layout = layout.page([], {}, "", topojson_url)
    callbacks.register(app, db, settings, republisher)
    app.server.config["RELATIONS_DB"] = str(db)
    app.server.extensions["relations_republisher"] = republisher
    return app


class Server:
    """The app on a real threaded WSGI server (werkzeug), started in a thread.

    Used by the CLI and by the tests, so tests exercise what users run."""

    def __init__(self, app: Dash, host: str = "127.0.0.1", port: int = 8050):
        """Binds at once: raises OSError if the address is taken (werkzeug
        alone would print its own message and exit)."""
        from werkzeug.serving import make_server

        self.app = app
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self._socket = socket.socket(family, socket.SOCK_STREAM)
        try:
            self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            self._socket.bind((host, port))
            self._socket.listen(128)
        except OSError:
            self._socket.close()
            raise
        self._server = make_server(host, self._socket.getsockname()[1], app.server, threaded=True,
                                   fd=self._socket.fileno())
        self.host, self.port = host, self._socket.getsockname()[1]
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def serve_forever(self) -> None:
        self._server.serve_forever()

    def start(self) -> "Server":
        self._thread = threading.Thread(target=self._server.serve_forever, name="dashboard", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._socket.close()
        if self._thread is not None:
            self._thread.join(timeout=10)
