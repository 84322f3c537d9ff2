# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io

from odoo import models
from odoo.http import request


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _pre_dispatch(cls, rule, args):
        res = super()._pre_dispatch(rule, args)
        if rule.endpoint.routing.get("max_content_length"):
            cls._cs_limit_chunked_body()
        return res

    @classmethod
    def _cs_limit_chunked_body(cls):
        """A body sent in chunks has no length for Werkzeug to compare with
        the route's limit, and would be read whole: read one byte beyond the
        limit at most, and refuse it with 413 when it is larger."""
        httprequest = request.httprequest
        # the WSGI environment itself: Odoo's request shows a copy without
        # the input stream
        environ = httprequest._HTTPRequest__environ
        limit = httprequest.max_content_length
        if environ.get("CONTENT_LENGTH") or not limit:
            return
        if "chunked" not in environ.get("HTTP_TRANSFER_ENCODING", "").lower():
            return
        body = environ["wsgi.input"].read(limit + 1)
        if len(body) > limit:
            # nothing of it is parsed: the route answers 413 with its form
            # (CsComplaintFormMixin._cs_body_too_large)
            body = b""
            httprequest.environ["cs.body_too_large"] = True
        environ["wsgi.input"] = io.BytesIO(body)
        environ["CONTENT_LENGTH"] = str(len(body))
