# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark cases, one file per module (``cs_member.py``, ``cs_callback.py``
...). Each file registers its cases with ``harness.case``; importing this
package imports them all."""

import importlib
import pkgutil


def load_all():
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        importlib.import_module(f"{__name__}.{info.name}")
