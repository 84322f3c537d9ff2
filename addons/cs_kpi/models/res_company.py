# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    cs_kpi_grade_a = fields.Float(string="Grade A From", default=90.0)
    cs_kpi_grade_b = fields.Float(string="Grade B From", default=75.0)
    cs_kpi_grade_c = fields.Float(string="Grade C From", default=60.0)
    # who receives the scheduled reports
    cs_monthly_report_user_ids = fields.Many2many(
        "res.users",
        "res_company_cs_monthly_report_user_rel",
        "company_id",
        "user_id",
        string="Monthly Report Recipients",
        help="Users who receive the monthly service report (服务月报).",
    )
    cs_monthly_report_group_ids = fields.Many2many(
        "res.groups",
        "res_company_cs_monthly_report_group_rel",
        "company_id",
        "group_id",
        string="Monthly Report Recipient Groups",
        default=lambda self: self._default_cs_monthly_report_groups(),
        help="Every user of these groups receives the monthly service report.",
    )

    @api.constrains("cs_kpi_grade_a", "cs_kpi_grade_b", "cs_kpi_grade_c")
    def _check_cs_kpi_grades(self):
        for company in self:
            if not (
                0
                <= company.cs_kpi_grade_c
                <= company.cs_kpi_grade_b
                <= company.cs_kpi_grade_a
                <= 100
            ):
                raise ValidationError(
                    self.env._(
                        "The grade thresholds must go up from C to A, "
                        "between 0 and 100."
                    )
                )

    def _cs_kpi_grade(self, total):
        self.ensure_one()
        if total >= self.cs_kpi_grade_a:
            return "a"
        if total >= self.cs_kpi_grade_b:
            return "b"
        if total >= self.cs_kpi_grade_c:
            return "c"
        return "d"

    # ------------------------------------------------------------------
    # delivery of the scheduled reports
    # ------------------------------------------------------------------

    def _default_cs_monthly_report_groups(self):
        return (
            self.env.ref("cs_member.group_cs_manager", raise_if_not_found=False)
            or self.env["res.groups"]
        ) | (
            self.env.ref("cs_kpi.group_cs_deputy_gm", raise_if_not_found=False)
            or self.env["res.groups"]
        )

    def _cs_report_partners(self, users, groups):
        """The partners to send a report of this company to: the users named
        and the users of the groups named, active internal users of the
        company with an e-mail address."""
        self.ensure_one()
        users = (users | groups.users).filtered(
            lambda user: (
                user.active
                and not user.share
                and self in user.company_ids
                and user.partner_id.email
            )
        )
        return users.partner_id

    def _cs_first_working_day(self, date_from, date_to):
        """The first working day of the company from ``date_from`` to
        ``date_to`` (inclusive): on its working schedule, public holidays
        and make-up working days (调休) counted; Monday to Friday without a
        schedule. None when there is none."""
        self.ensure_one()
        calendar = self.resource_calendar_id
        if not calendar:
            day = date_from
            while day <= date_to:
                if day.weekday() < 5:
                    return day
                day += timedelta(days=1)
            return None
        start, stop = self._cs_utc_bounds(date_from, date_to)
        intervals = calendar._cs_work_intervals(start, stop)
        return intervals[0][2] if intervals else None

    def _cs_is_delivery_day(self, date_from, today):
        """True from the first working day after ``date_from`` on: the
        report of a month or week goes out that day, or later if the
        scheduled action could not run that day."""
        first = self._cs_first_working_day(date_from, today)
        return bool(first and first <= today)
