# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError


class CsServiceVoucherWizard(models.TransientModel):
    """Archive the scan of the voucher the customer signed on paper (G5): the
    only attachment, with the portal signature, that lets a request close."""

    _name = "cs.service.voucher.wizard"
    _description = "Attach Signed Voucher"

    request_id = fields.Many2one(
        "cs.service.request", string="Service Request", required=True, readonly=True
    )
    file_data = fields.Binary(string="Scanned Voucher", required=True, attachment=False)
    file_name = fields.Char()

    def action_attach(self):
        self.ensure_one()
        if not self.file_data:
            raise UserError(self.env._("Choose the scan of the signed voucher."))
        self.request_id._cs_attach_signed_voucher(
            self.file_name
            or self.env._("%(number)s signed voucher", number=self.request_id.name),
            self.file_data,
        )
        return {"type": "ir.actions.act_window_close"}
