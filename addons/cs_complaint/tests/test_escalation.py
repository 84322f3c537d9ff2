# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import freeze_time

from .common import SIGNATURE_PNG, CsComplaintCommon, local


class TestEscalation(CsComplaintCommon):
    """The deadline status is kept current and late complaints climb one
    level at a time: handler, department manager, customer-service manager
    (D5); a second run changes nothing."""

    def _cron(self, at):
        with freeze_time(local(at)):
            self.Complaint._cron_sla_escalate()
        self.env.invalidate_all()

    def _escalation_activities(self, complaint):
        return complaint.activity_ids.filtered(
            lambda a: a.activity_type_id
            == self.env.ref("cs_complaint.mail_activity_type_escalation")
        )

    def test_status_follows_time(self):
        with freeze_time(local("2026-04-08 09:00")):
            complaint = self._create_complaint()
        # acknowledge by 14:00 (4 working hours after the lunch break), at
        # risk when less than a quarter of the 5 hours is left
        self.assertEqual(complaint.date_ack_deadline, local("2026-04-08 14:00"))
        self.assertEqual(complaint.sla_status, "on_track")
        self._cron("2026-04-08 12:30")
        self.assertEqual(complaint.sla_status, "on_track")
        self._cron("2026-04-08 13:30")
        self.assertEqual(complaint.sla_status, "at_risk")
        self._cron("2026-04-08 14:30")
        self.assertEqual(complaint.sla_status, "breached")
        # acknowledging removes that deadline; the solution one is far away
        complaint.category_id = self.cat_service
        with freeze_time(local("2026-04-08 14:40")):
            complaint.with_user(self.agent_a).action_assess()
        self.assertEqual(complaint.sla_status, "on_track")

    def test_escalation_one_level_at_a_time(self):
        with freeze_time(local("2026-04-08 09:00")):
            complaint = self._create_complaint(department_id=self.dept_after_sales.id)
        self.assertEqual(complaint.escalation_level, "0")
        # at risk: the department manager is told
        self._cron("2026-04-08 13:30")
        self.assertEqual(complaint.escalation_level, "1")
        activity = self._escalation_activities(complaint)
        self.assertEqual(activity.user_id, self.dept_manager_user)
        notes = complaint.message_ids.filtered(
            lambda m: "Escalated to" in (m.body or "")
        )
        self.assertEqual(len(notes), 1)
        # run again: nothing changes
        self._cron("2026-04-08 13:31")
        self.assertEqual(complaint.escalation_level, "1")
        self.assertEqual(len(self._escalation_activities(complaint)), 1)
        # breached, but the last step is less than 4 hours ago
        self._cron("2026-04-08 15:00")
        self.assertEqual(complaint.sla_status, "breached")
        self.assertEqual(complaint.escalation_level, "1")
        # 4 hours later: the customer-service manager
        self._cron("2026-04-08 17:30")
        self.assertEqual(complaint.escalation_level, "2")
        self.assertIn(self.manager, self._escalation_activities(complaint).user_id)
        self.assertIn(self.manager.partner_id, complaint.message_partner_ids)
        messages = len(complaint.message_ids)
        self._cron("2026-04-08 17:31")
        self._cron("2026-04-09 17:31")
        self.assertEqual(complaint.escalation_level, "2")
        self.assertEqual(len(complaint.message_ids), messages)

    def test_breached_without_department_goes_to_team_leader(self):
        with freeze_time(local("2026-04-08 09:00")):
            complaint = self._create_complaint()
        self._cron("2026-04-09 09:00")
        self.assertEqual(complaint.sla_status, "breached")
        self.assertEqual(complaint.escalation_level, "1")
        # team A's leader is the supervisor
        self.assertEqual(
            self._escalation_activities(complaint).user_id, self.supervisor
        )

    def test_closed_and_on_track_complaints_untouched(self):
        with freeze_time(local("2026-04-08 09:00")):
            quiet = self._create_complaint()
            done = self._advance(self._create_complaint(), "resolved")
        self._cron("2026-04-08 10:00")
        self._cron("2026-05-08 10:00")
        self.assertEqual(done.escalation_level, "0")
        self.assertEqual(done.sla_status, "on_track")
        self.assertEqual(quiet.sla_status, "breached")

    def test_resolved_late_is_breached(self):
        with freeze_time(local("2026-04-08 09:00")):
            complaint = self._advance(self._create_complaint(), "implementing")
        with freeze_time(local("2026-04-20 09:00")):
            complaint._cs_sign_acceptance("Customer of A", SIGNATURE_PNG)
            complaint.with_user(self.agent_a).action_resolve()
        self.assertFalse(complaint.sla_met)
        self.assertEqual(complaint.sla_status, "breached")

    def test_serious_complaint_alerts_manager_at_once(self):
        with freeze_time(local("2026-04-08 09:00")):
            serious = self._create_complaint(severity="critical")
            normal = self._create_complaint()
        alert_type = self.env.ref("cs_complaint.mail_activity_type_serious")
        alert = serious.activity_ids.filtered(
            lambda a: a.activity_type_id == alert_type
        )
        self.assertEqual(alert.user_id, self.manager)
        self.assertTrue(serious.is_manager_alerted)
        self.assertFalse(
            normal.activity_ids.filtered(lambda a: a.activity_type_id == alert_type)
        )
        # raised later: alerted then, once
        normal.severity = "serious"
        normal.severity = "critical"
        self.assertEqual(
            len(
                normal.activity_ids.filtered(lambda a: a.activity_type_id == alert_type)
            ),
            1,
        )

    def test_cron_in_batches(self):
        with freeze_time(local("2026-04-08 09:00")):
            complaints = self.Complaint.create(
                [
                    {
                        "partner_id": self.customer_a.id,
                        "description": f"<p>Case {i}</p>",
                    }
                    for i in range(7)
                ]
            )
        with freeze_time(local("2026-04-09 09:00")):
            self.Complaint._cron_sla_escalate(batch_size=3)
        self.assertEqual(set(complaints.mapped("sla_status")), {"breached"})
        self.assertEqual(set(complaints.mapped("escalation_level")), {"1"})
