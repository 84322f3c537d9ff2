# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError, ValidationError
from odoo.tests import freeze_time

from odoo.addons.cs_member.tests.query_common import QueryBudgetMixin

from .common import CsComplaintCommon, local


class TestDeadlines(QueryBudgetMixin, CsComplaintCommon):
    """Deadlines on the company's working schedule (D4): 4 working hours to
    acknowledge, 3 working days for the department, 5 for the solution."""

    def test_friday_afternoon_before_public_holiday(self):
        """Friday 3 April 2026 15:00, Monday 6 April is a holiday: 3 hours on
        Friday and 1 on Tuesday; working days Tue 7 .. Mon 13."""
        with freeze_time(local("2026-04-03 15:00")):
            complaint = self._create_complaint(department_id=self.dept_after_sales.id)
        self.assertEqual(complaint.sla_id, self.sla_normal)
        self.assertEqual(complaint.date_ack_deadline, local("2026-04-07 10:00"))
        self.assertEqual(complaint.date_reply_deadline, local("2026-04-09 18:00"))
        self.assertEqual(complaint.date_resolve_deadline, local("2026-04-13 18:00"))

    def test_ack_hours_skip_lunch_break_and_night(self):
        with freeze_time(local("2026-04-08 11:00")):
            complaint = self._create_complaint()
        # 11-12 (1 h), lunch, 13-16 (3 h)
        self.assertEqual(complaint.date_ack_deadline, local("2026-04-08 16:00"))
        with freeze_time(local("2026-04-08 20:30")):
            evening = self._create_complaint()
        self.assertEqual(evening.date_ack_deadline, local("2026-04-09 14:00"))
        # received on the holiday: counted from Tuesday morning
        with freeze_time(local("2026-04-06 10:00")):
            holiday = self._create_complaint()
        self.assertEqual(holiday.date_ack_deadline, local("2026-04-07 14:00"))
        self.assertEqual(holiday.date_resolve_deadline, local("2026-04-13 18:00"))

    def test_makeup_working_day_counts(self):
        """A make-up working day (调休) on Sunday 12 April worked as a Monday
        brings the solution deadline forward by one day."""
        self.env["cs.resource.makeup.day"].create(
            {"calendar_id": self.calendar.id, "date": "2026-04-12", "worked_as": "0"}
        )
        with freeze_time(local("2026-04-03 15:00")):
            complaint = self._create_complaint()
        self.assertEqual(complaint.date_resolve_deadline, local("2026-04-12 18:00"))
        # a make-up day that is also a holiday is not worked
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Closed (test)",
                "calendar_id": self.calendar.id,
                "date_from": local("2026-04-12 00:00"),
                "date_to": local("2026-04-12 23:59"),
            }
        )
        with freeze_time(local("2026-04-03 15:00")):
            other = self._create_complaint()
        self.assertEqual(other.date_resolve_deadline, local("2026-04-13 18:00"))

    def test_policy_by_severity_and_category(self):
        product_policy = self.env["cs.complaint.sla"].create(
            {
                "name": "Service (test)",
                "sequence": 50,
                "category_ids": [self.cat_service.id],
                "ack_hours": 8,
                "reply_days": 4,
                "resolve_days": 10,
            }
        )
        with freeze_time(local("2026-04-08 09:00")):
            serious = self._create_complaint(severity="serious")
            attitude = self._create_complaint(category_id=self.cat_attitude.id)
            product = self._create_complaint(category_id=self.cat_product.id)
        self.assertEqual(serious.sla_id, self.sla_serious)
        self.assertEqual(serious.date_resolve_deadline, local("2026-04-13 18:00"))
        # the sub-category is covered by its parent's policy
        self.assertEqual(attitude.sla_id, product_policy)
        self.assertEqual(product.sla_id, self.sla_normal)
        # raising the severity moves the deadlines
        with freeze_time(local("2026-04-08 10:00")):
            product.severity = "serious"
        self.assertEqual(product.sla_id, self.sla_serious)
        self.assertEqual(product.date_ack_deadline, local("2026-04-08 11:00"))

    def test_batch_plans_every_complaint(self):
        """Many complaints at once get the same deadlines as one by one, from
        a single read of the working time."""
        starts = [
            "2026-04-03 15:00",
            "2026-04-06 10:00",
            "2026-04-08 11:00",
            "2026-04-08 20:30",
        ]
        with freeze_time(local("2026-04-08 21:00")):
            batch = self.Complaint.create(
                [
                    {
                        "partner_id": self.customer_a.id,
                        "description": "<p>Late delivery</p>",
                        "date_received": local(start),
                    }
                    for start in starts
                ]
            )
        self.assertEqual(
            batch.mapped("date_ack_deadline"),
            [
                local("2026-04-07 10:00"),
                local("2026-04-07 14:00"),
                local("2026-04-08 16:00"),
                local("2026-04-09 14:00"),
            ],
        )
        self.assertQueriesDoNotGrow(
            [
                self._queries(
                    lambda requests=requests: self.calendar._cs_plan_deadlines(
                        [(local(s), "days", 5) for s in requests]
                    )
                )
                for requests in (starts, starts * 50)
            ],
            6,
        )

    def test_policy_durations_must_be_positive(self):
        for field in ("ack_hours", "reply_days", "resolve_days"):
            with self.assertRaisesText(ValidationError, "greater than zero"):
                self.sla_normal.write({field: 0})
            with self.assertRaisesText(ValidationError, "greater than zero"):
                self.sla_normal.write({field: -2})

    def test_calendar_without_working_time(self):
        self.calendar.attendance_ids.unlink()
        with self.assertRaisesText(UserError, "no working time"):
            with freeze_time(local("2026-04-08 09:00")):
                self._create_complaint()
