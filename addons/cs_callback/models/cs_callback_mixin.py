# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

from odoo.addons.cs_member.models.cs_protected_mixin import allow_protected_writes


class CsCallbackMixin(models.AbstractModel):
    """Lets any document request a callback of its customer, e.g. a resolved
    complaint asks for an ``after_complaint`` callback within 3 days (C8)."""

    _name = "cs.callback.mixin"
    _description = "Callback Requester"

    def _cs_request_callback(self, kind, partner, deadline_days=3):
        """Create one open callback of ``kind`` for ``partner`` about each
        record of ``self``, unless one is open already; return them."""
        # sudo: the requester (e.g. a complaint handler) neither sees nor may
        # create the callbacks of the customer's agent; only open callbacks
        # of these records are searched and the result is returned without
        # superuser rights
        Callback = self.env["cs.callback"].sudo()
        existing = Callback.search(
            [
                ("res_model", "=", self._name),
                ("res_id", "in", self.ids),
                ("kind", "=", kind),
                ("state", "=", "todo"),
            ]
        )
        done_ids = set(existing.mapped("res_id"))
        vals_list = [
            Callback._prepare_request_vals(kind, partner, deadline_days, record)
            for record in self
            if record.id not in done_ids
        ]
        with allow_protected_writes():
            # the source document and kind are set here, for the requester's
            # workflow (e.g. a complaint's resolution)
            created = Callback.create(vals_list)
        return (existing | created).sudo(False)
