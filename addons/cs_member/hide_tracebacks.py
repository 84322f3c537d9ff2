# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Production servers do not hand tracebacks to their users.

Odoo puts the server's full traceback (file paths, SQL, values) in every
JSON-RPC error, for every user. With ``cs_hide_tracebacks = True`` in the
server's configuration file, only administrators (``base.group_system``) get
it; everybody else gets the error's message when it is meant for users
(``UserError``, ``AccessError``, ``ValidationError``…) and a generic message
otherwise. The traceback is still written to the server log.
"""

import logging

from odoo import http
from odoo.exceptions import UserError
from odoo.tools import config
from odoo.tools.translate import _

_logger = logging.getLogger(__name__)
_serialize_exception = http.serialize_exception


def _is_admin_request():
    try:
        return http.request.env.user.has_group("base.group_system")
    except Exception:  # no request, no database or no user: not an admin
        return False


def _hiding():
    # the configuration file gives strings: "False" must mean false
    return str(config.get("cs_hide_tracebacks", "")).strip().lower() in (
        "1",
        "true",
        "yes",
    )


def serialize_exception(exception):
    data = _serialize_exception(exception)
    if not _hiding() or _is_admin_request():
        return data
    data["debug"] = ""
    if not isinstance(exception, UserError):
        data.update(
            name="odoo.exceptions.UserError",
            message=_(
                "Internal server error. The administrator finds its details "
                "in the server log."
            ),
            arguments=[],
            context={},
        )
    return data


http.serialize_exception = serialize_exception
