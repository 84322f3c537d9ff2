# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _name = "res.company"
    _inherit = ["res.company", "cs.protected.mixin"]

    cs_weekly_report_user_ids = fields.Many2many(
        "res.users",
        "res_company_cs_weekly_report_user_rel",
        "company_id",
        "user_id",
        string="Weekly After-Sales Report Recipients",
        help="Users who receive the weekly after-sales phone follow-up report.",
    )
    cs_weekly_report_group_ids = fields.Many2many(
        "res.groups",
        "res_company_cs_weekly_report_group_rel",
        "company_id",
        "group_id",
        string="Weekly After-Sales Report Recipient Groups",
        default=lambda self: self._default_cs_weekly_report_groups(),
        help="Every user of these groups receives the weekly after-sales phone "
        "follow-up report.",
    )
    cs_weekly_report_date = fields.Date(
        string="Weekly Report Sent For Week Of",
        readonly=True,
        copy=False,
        help="Monday of the last week in which the weekly after-sales report "
        "was sent (set by the scheduled action).",
    )

    def _cs_protected_fields(self):
        # the week sent is the scheduled action's record: an administrator
        # who set it would silently cancel a week's report
        return super()._cs_protected_fields() | {"cs_weekly_report_date"}

    def _default_cs_weekly_report_groups(self):
        return (
            self.env.ref("cs_kpi.group_cs_general_manager", raise_if_not_found=False)
            or self.env["res.groups"]
        )
