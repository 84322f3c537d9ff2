# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

import pytz

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.cs_callback.tests.common import TZ, CsCallbackCommon

__all__ = ["SIGNATURE_PNG", "TZ", "CsComplaintCommon", "local"]

SHANGHAI = pytz.timezone(TZ)
# a 1x1 PNG, what the portal's signature widget sends
SIGNATURE_PNG = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGA"
    "WjR9awAAAABJRU5ErkJggg=="
)


def local(value):
    """A Shanghai wall-clock time "YYYY-MM-DD HH:MM" as the UTC naive
    datetime Odoo stores."""
    moment = SHANGHAI.localize(datetime.strptime(value, "%Y-%m-%d %H:%M"))
    return moment.astimezone(pytz.utc).replace(tzinfo=None)


class CsComplaintCommon(CsCallbackCommon):
    """Shared setup of the cs_complaint tests, on top of cs_callback's users,
    teams and customers (all in Asia/Shanghai).

    The company works Monday to Friday 09:00-12:00 and 13:00-18:00 in
    Shanghai (8 hours a day) with Monday 6 April 2026 (清明) as a public
    holiday. The policy of normal complaints: acknowledge within 4 working
    hours, department reply within 3 working days, solution within 5. The
    after-sales department is managed by ``dept_manager_user``; the employee
    ``dept_member_user`` works in it; ``other_dept_user`` works in finance.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = cls.env["resource.calendar"].create(
            {
                "name": "Customer service hours (test)",
                "tz": TZ,
                "company_id": cls.company.id,
                "attendance_ids": [Command.clear()]
                + [
                    Command.create(
                        {
                            "name": f"{day} {period}",
                            "dayofweek": str(day),
                            "hour_from": start,
                            "hour_to": stop,
                            "day_period": period,
                        }
                    )
                    for day in range(5)
                    for start, stop, period in (
                        (9, 12, "morning"),
                        (13, 18, "afternoon"),
                    )
                ],
            }
        )
        cls.env["resource.calendar.leaves"].create(
            {
                "name": "Qingming (test)",
                "calendar_id": cls.calendar.id,
                "date_from": local("2026-04-06 00:00"),
                "date_to": local("2026-04-06 23:59"),
            }
        )
        cls.company.write(
            {
                "resource_calendar_id": cls.calendar.id,
                "cs_complaint_manager_id": cls.manager.id,
                "cs_complaint_escalation_hours": 4.0,
                "cs_complaint_repeat_days": 90,
                "cs_complaint_compensation_limit": 500.0,
                "cs_complaint_callback_days": 3,
            }
        )
        # only the shipped policies, with their defaults
        cls.env["cs.complaint.sla"].search([]).active = False
        cls.sla_normal = cls.env["cs.complaint.sla"].create(
            {
                "name": "Normal (test)",
                "sequence": 100,
                "ack_hours": 4,
                "reply_days": 3,
                "resolve_days": 5,
                "at_risk_percent": 25,
            }
        )
        cls.sla_serious = cls.env["cs.complaint.sla"].create(
            {
                "name": "Serious (test)",
                "sequence": 10,
                "severity": "serious",
                "ack_hours": 2,
                "reply_days": 2,
                "resolve_days": 3,
            }
        )
        Category = cls.env["cs.complaint.category"]
        cls.cat_service = Category.create({"name": "Service (test)"})
        cls.cat_attitude = Category.create(
            {"name": "Attitude (test)", "parent_id": cls.cat_service.id}
        )
        cls.cat_product = Category.create({"name": "Product (test)"})

        cls.dept_manager_user = new_test_user(
            cls.env, "cs_dept_manager", groups="base.group_user", tz=TZ
        )
        cls.dept_member_user = new_test_user(
            cls.env, "cs_dept_member", groups="base.group_user", tz=TZ
        )
        cls.other_dept_user = new_test_user(
            cls.env, "cs_other_dept", groups="base.group_user", tz=TZ
        )
        Employee = cls.env["hr.employee"]
        cls.dept_after_sales = cls.env["hr.department"].create(
            {"name": "After-sales (test)"}
        )
        cls.dept_finance = cls.env["hr.department"].create({"name": "Finance (test)"})
        cls.emp_dept_manager = Employee.create(
            {
                "name": "After-sales manager",
                "user_id": cls.dept_manager_user.id,
                "department_id": cls.dept_after_sales.id,
            }
        )
        cls.dept_after_sales.manager_id = cls.emp_dept_manager
        cls.emp_dept_member = Employee.create(
            {
                "name": "After-sales technician",
                "user_id": cls.dept_member_user.id,
                "department_id": cls.dept_after_sales.id,
                "parent_id": cls.emp_dept_manager.id,
            }
        )
        cls.emp_other = Employee.create(
            {
                "name": "Accountant",
                "user_id": cls.other_dept_user.id,
                "department_id": cls.dept_finance.id,
            }
        )
        cls.emp_agent_a = Employee.create(
            {"name": "Agent A", "user_id": cls.agent_a.id}
        )
        cls.Complaint = cls.env["cs.complaint"]

    @classmethod
    def _create_complaint(cls, partner=None, user=None, env=None, **vals):
        env = env or cls.env
        values = {
            "partner_id": (partner or cls.customer_a).id,
            "description": "<p>The washing machine leaks.</p>",
            "user_id": (user or cls.agent_a).id,
        }
        values.update(vals)
        return env["cs.complaint"].create(values)

    @classmethod
    def _advance(cls, complaint, state, **vals):
        """Walk ``complaint`` through the loop up to ``state`` as the
        supervisor and the manager would, filling in what each step needs."""
        order = [
            "new",
            "assessed",
            "investigating",
            "proposed",
            "approved",
            "implementing",
            "resolved",
            "closed",
        ]
        complaint = complaint.with_user(cls.manager)
        fill = {
            "category_id": complaint.category_id.id or cls.cat_service.id,
            "root_cause": "Seal mounted wrongly",
            "solution": "Replace the seal",
            "department_id": complaint.department_id.id or cls.dept_after_sales.id,
            "summary": "Train the fitters",
        }
        # the customer signs their acceptance before the resolution, unless
        # the test says they did not
        accept = vals.pop("customer_accepted", True)
        fill.update(vals)
        complaint.write({k: v for k, v in fill.items() if not complaint[k]})
        steps = {
            "assessed": complaint.action_assess,
            "investigating": complaint.action_investigate,
            "proposed": complaint.action_propose,
            "approved": complaint.action_approve,
            "implementing": complaint.action_implement,
            "resolved": complaint.action_resolve,
            "closed": complaint.action_close,
        }
        for step in order[order.index(complaint.state) + 1 : order.index(state) + 1]:
            if step == "resolved" and accept and not complaint.customer_accepted:
                complaint._cs_sign_acceptance(complaint.partner_id.name, SIGNATURE_PNG)
            steps[step]()
            cls._end_request()
        return complaint.with_env(cls.env)

    def _notices(self, complaint, text=""):
        """Send the queued acknowledgements, then return the e-mails sent to
        the customer about ``complaint`` (kept in its chatter) whose subject
        or body contains ``text``."""
        self.env["cs.complaint"]._cron_send_acknowledgements()
        messages = self.env["mail.message"].search(
            [
                ("model", "=", "cs.complaint"),
                ("res_id", "=", complaint.id),
                ("message_type", "=", "email_outgoing"),
            ]
        )
        return messages.filtered(lambda m: text in (m.subject or "") + (m.body or ""))

    def _recipients(self, messages):
        return (
            self.env["mail.mail"]
            .search([("mail_message_id", "in", messages.ids)])
            .recipient_ids
        )
