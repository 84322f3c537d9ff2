# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What the browser tours of the suite share.

- :func:`load_chinese`: Simplified Chinese active with the modules' terms;
  each tour runs in it and in English.
- :class:`CsTourMixin` answers the steps of
  ``cs_member/static/tests/tours/cs_tour_utils.js``:

  - ``screenshot(name, trigger)``: with ``start_tour(..., screenshots=True)``
    and the environment variable ``CS_SCREENSHOTS`` set to a folder (``make
    screenshots``), the page is saved as ``<folder>/<name>.png``; otherwise
    nothing is written and the tour goes on;
  - ``waitForTest(name)``: the tour waits until the test's
    ``tour_signal(name)`` event is set by the server side (e.g. a report was
    rendered), at most :data:`SIGNAL_TIMEOUT` seconds.
"""

import base64
import json
import os
import re
import threading
from pathlib import Path
from unittest.mock import patch

from odoo.tests.common import ChromeBrowser

SCREENSHOT_SIGNAL = "cs_screenshot:"
WAIT_SIGNAL = "cs_wait:"
NAME = re.compile(r"^[a-z0-9_]+$")
SIGNAL_TIMEOUT = 30


def load_chinese(env, modules):
    """Chinese active, with the terms of ``modules`` and of the suite's
    installed modules (their menus and fields show on every screen): the
    tours run in it."""
    env["res.lang"]._activate_lang("zh_CN")
    Module = env["ir.module.module"]
    suite = Module.search([("state", "=", "installed"), ("name", "=like", "cs\\_%")])
    Module._load_module_terms(
        list(dict.fromkeys(modules + suite.mapped("name"))), ["zh_CN"]
    )


def screenshot_dir():
    """The folder named by CS_SCREENSHOTS, created, or None."""
    folder = os.environ.get("CS_SCREENSHOTS")
    if not folder:
        return None
    path = Path(folder)
    path.mkdir(parents=True, exist_ok=True)
    return path


class CsTourMixin:
    """Mixed into an ``HttpCase`` before it: its tours may take screenshots
    and wait for the server."""

    def setUp(self):
        super().setUp()
        self._cs_tour_signals = {}

    def tour_signal(self, name):
        """The event that the tour's ``waitForTest(name)`` step waits for."""
        self._cs_tour_signals[name] = threading.Event()
        return self._cs_tour_signals[name]

    def start_tour(self, url_path, tour_name, step_delay=None, **kwargs):
        folder = screenshot_dir() if kwargs.pop("screenshots", False) else None
        signals = self._cs_tour_signals
        original = ChromeBrowser._handle_console

        def handle_console(browser, type, args=None, stackTrace=None, **kw):  # pylint: disable=redefined-builtin
            message = str(browser._from_remoteobject(args[0])) if args else ""
            if type == "log" and message.startswith(SCREENSHOT_SIGNAL):
                _take_screenshot(browser, folder, message[len(SCREENSHOT_SIGNAL) :])
                return None
            if type == "log" and message.startswith(WAIT_SIGNAL):
                name = message[len(WAIT_SIGNAL) :]
                _wait_for(browser, signals.get(name), name)
                return None
            return original(browser, type, args, stackTrace, **kw)

        with patch.object(ChromeBrowser, "_handle_console", handle_console):
            return super().start_tour(url_path, tour_name, step_delay, **kwargs)


def _resume(browser, name):
    """Let the tour's step waiting for ``name`` go on."""
    browser._websocket_send(
        "Runtime.evaluate",
        params={"expression": f"document.body.dataset.csTourAck = {json.dumps(name)}"},
    )


def _take_screenshot(browser, folder, name):
    """Save the page as ``folder/name.png`` (when ``folder``), then resume
    the tour. Runs in the browser's message thread: nothing here waits for
    Chrome, the PNG is written when Chrome sends it."""
    if not NAME.match(name):
        browser._logger.error("Screenshot names are [a-z0-9_]+, not %r", name)
        return
    if folder is None:
        _resume(browser, name)
        return

    def save(future):
        try:
            data = future.result(timeout=0)["data"]
            (folder / f"{name}.png").write_bytes(base64.b64decode(data))
            browser._logger.info("Screenshot %s saved in %s", name, folder)
        except Exception as error:  # the tour goes on; the log says why
            browser._logger.warning("Screenshot %s not saved: %s", name, error)
        _resume(browser, name)

    future = browser._websocket_send(
        "Page.captureScreenshot", params={"format": "png"}, with_future=True
    )
    future.add_done_callback(save)


def _wait_for(browser, event, name):
    """Resume the tour once ``event`` is set, in a thread of its own: the
    browser's message thread must go on serving the page's requests."""
    if event is None:
        browser._logger.error("The tour waits for %r, which the test never gives", name)
        return

    def wait():
        if not event.wait(SIGNAL_TIMEOUT):
            browser._logger.warning("%r not signalled in %ss", name, SIGNAL_TIMEOUT)
        _resume(browser, name)

    threading.Thread(target=wait, name=f"cs_tour_wait_{name}", daemon=True).start()
