# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.exceptions import AccessError


class Base(models.AbstractModel):
    """Customer data leaves Odoo only with a supervisor's right (A3).

    Every list export of contacts and of the suite's records goes through
    ``export_data``: the web client's *Export* (``/web/export/csv`` and
    ``/web/export/xlsx``) and RPC alike. Agents and other employees use the
    sanctioned reports; a company may let its agents export. Every export of
    customer data is logged in ``cs.export.log``."""

    _inherit = "base"

    def export_data(self, fields_to_export):
        if self.env.su or not self._cs_is_customer_data():
            return super().export_data(fields_to_export)
        self._cs_check_export_right()
        result = super().export_data(fields_to_export)
        self.env["cs.export.log"]._cs_log(self, fields_to_export, result)
        return result

    def _cs_is_customer_data(self):
        """Contacts and every model of the suite hold customer data."""
        return self._name == "res.partner" or self._name.startswith("cs.")

    def _cs_check_export_right(self):
        user = self.env.user
        if user.has_group("cs_member.group_cs_supervisor") or user.has_group(
            "base.group_system"
        ):
            return
        if user.has_group("cs_member.group_cs_agent") and (
            self.env.company.cs_agents_may_export
        ):
            return
        raise AccessError(
            self.env._(
                "Customer data is exported by customer-service supervisors only "
                "(confidentiality rule). Use the department's reports, or ask "
                "your supervisor."
            )
        )
