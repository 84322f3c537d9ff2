# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError


class CsExportLog(models.Model):
    """Who exported which customer data, when, and how many rows (A3)."""

    _name = "cs.export.log"
    _description = "Customer Data Export"
    _order = "date desc, id desc"
    _rec_name = "model"

    user_id = fields.Many2one("res.users", string="Exported By", readonly=True)
    date = fields.Datetime(readonly=True, index=True)
    model = fields.Char(readonly=True)
    model_description = fields.Char(string="Data", readonly=True)
    row_count = fields.Integer(string="Rows", readonly=True)
    field_names = fields.Text(string="Fields", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True, index=True)

    @api.model
    def _cs_log(self, records, fields_to_export, result):
        """Log an export of ``records`` (the list view's *Export*)."""
        return self._cs_log_rows(
            records._name, fields_to_export, len(result.get("datas") or [])
        )

    @api.model
    def _cs_log_rows(self, model_name, field_names, row_count):
        """Log ``row_count`` rows of ``model_name`` leaving the system, with
        the names of their columns."""
        # sudo: the log is written by the system for every export; nobody
        # writes it by hand (no create right for any group)
        return self.sudo().create(
            {
                "user_id": self.env.user.id,
                "date": fields.Datetime.now(),
                "model": model_name,
                "model_description": self.env["ir.model"]._get(model_name).name,
                "row_count": row_count,
                "field_names": ", ".join(field_names),
                "company_id": self.env.company.id,
            }
        )

    def write(self, vals):
        if not self.env.su:
            raise AccessError(self.env._("The export log cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        if not self.env.su:
            raise AccessError(self.env._("The export log cannot be deleted."))
