# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import freeze_time, tagged

from .common import CsServiceCommon, local


@tagged("post_install", "-at_install")
class TestServiceDeadlines(CsServiceCommon):
    def test_service_deadlines_urban_and_suburban(self):
        # Tuesday 10:00: reply by 12:00; urban dispatch 6 working hours later
        # (2 before lunch, 4 after) 17:00; suburban 7 hours: Wednesday 09:00
        urban = self._create_request(date_received=local("2026-03-10 10:00"))
        self.assertEqual(urban.date_reply_deadline, local("2026-03-10 12:00"))
        self.assertEqual(urban.date_dispatch_deadline, local("2026-03-10 17:00"))
        suburban = self._create_request(
            partner=self.customer_b, date_received=local("2026-03-10 10:00")
        )
        self.assertEqual(suburban.zone, "suburban")
        self.assertEqual(suburban.date_dispatch_deadline, local("2026-03-10 18:00"))
        suburban.zone = "urban"
        self.assertEqual(suburban.date_dispatch_deadline, local("2026-03-10 17:00"))

    def test_service_deadlines_skip_weekend_and_holiday(self):
        # Friday 3 April 16:00: 2 hours left on Friday, Monday 6 April is a
        # holiday, 4 more on Tuesday 7 April: 09:00-12:00 and 13:00-14:00
        request = self._create_request(date_received=local("2026-04-03 16:00"))
        self.assertEqual(request.date_reply_deadline, local("2026-04-03 18:00"))
        self.assertEqual(request.date_dispatch_deadline, local("2026-04-07 14:00"))
        # received at night: the clock starts with the next working hour
        night = self._create_request(date_received=local("2026-03-10 22:30"))
        self.assertEqual(night.date_reply_deadline, local("2026-03-11 11:00"))

    def test_service_deadlines_batch_and_settings(self):
        self.company.cs_service_dispatch_hours_urban = 3.0
        requests = self.Request.create(
            [
                {
                    "partner_id": self.customer_a.id,
                    "problem": f"<p>Problem {i}</p>",
                    "date_received": local("2026-03-10 09:00"),
                }
                for i in range(5)
            ]
        )
        self.assertEqual(
            set(requests.mapped("date_dispatch_deadline")), {local("2026-03-10 12:00")}
        )
        self.assertEqual(len(set(requests.mapped("name"))), 5)

    def test_service_zone_from_settings(self):
        partner = self.env["res.partner"].create({"name": "Li", "city": "北京"})
        self.assertEqual(partner.cs_service_zone, "urban")
        partner.city = "Yanqing"
        self.assertEqual(partner.cs_service_zone, "suburban")
        partner.cs_service_zone = "urban"
        self.assertEqual(partner.cs_service_zone, "urban")
        request = self._create_request(partner=partner)
        self.assertEqual(request.zone, "urban")
        # another address on the request takes the zone of its city
        request.city = "Miyun"
        self.assertEqual(request.zone, "suburban")


@tagged("post_install", "-at_install")
class TestServiceEscalation(CsServiceCommon):
    def _run_cron(self):
        self.Request._cron_sla_escalate()
        self._end_request()

    def test_service_escalation_cron_twice(self):
        with freeze_time(local("2026-03-10 10:00")):
            request = self._create_request(date_received=local("2026-03-10 10:00"))
            on_time = self._create_request(date_received=local("2026-03-10 10:00"))
            self._advance(on_time, "dispatched")
        self.assertEqual(request.sla_status, "on_track")
        # 11:40: the reply (due 12:00) has less than a quarter of its time left
        with freeze_time(local("2026-03-10 11:40")):
            self._run_cron()
            self.assertEqual(request.sla_status, "at_risk")
            self.assertEqual(request.escalation_level, "1")
            activity = request.activity_ids.filtered(
                lambda a: a.activity_type_id
                == self.env.ref("cs_service.mail_activity_type_service_escalation")
            )
            # agent_a's team leader is the supervisor
            self.assertEqual(activity.user_id, self.supervisor)
            messages = len(request.message_ids)
            self._run_cron()
            self.assertEqual(request.escalation_level, "1")
            self.assertEqual(len(request.message_ids), messages)
            self.assertEqual(len(request.activity_ids), 1)
        # 12:30 the reply is late; the next step waits 2 hours after the first
        with freeze_time(local("2026-03-10 12:30")):
            self._run_cron()
            self.assertEqual(request.sla_status, "breached")
            self.assertEqual(request.escalation_level, "1")
        with freeze_time(local("2026-03-10 14:00")):
            self._run_cron()
            self.assertEqual(request.escalation_level, "2")
            self.assertIn(self.manager, request.activity_ids.user_id)
            messages = len(request.message_ids)
            self._run_cron()
            self.assertEqual(request.escalation_level, "2")
            self.assertEqual(len(request.message_ids), messages)
        self.assertEqual(on_time.sla_status, "on_track")
        self.assertEqual(on_time.escalation_level, "0")

    def test_service_breached_dispatch_escalates(self):
        """Answered in time, but no technician sent by the dispatch deadline
        (Tuesday 17:00 for a call at 10:00 in the city): the cron escalates
        to the agent's team leader, then to the after-sales manager."""
        escalation = self.env.ref("cs_service.mail_activity_type_service_escalation")
        with freeze_time(local("2026-03-10 10:00")):
            request = self._create_request(date_received=local("2026-03-10 10:00"))
        with freeze_time(local("2026-03-10 10:30")):
            request.with_user(self.agent_a).action_reply()
            self._run_cron()
            self.assertEqual(request.sla_status, "on_track")
            self.assertEqual(request.escalation_level, "0")
        self.assertEqual(request.date_dispatch_deadline, local("2026-03-10 17:00"))
        with freeze_time(local("2026-03-10 17:30")):
            self._run_cron()
            self.assertEqual(request.sla_status, "breached")
            self.assertEqual(request.escalation_level, "1")
            activity = request.activity_ids.filtered(
                lambda a: a.activity_type_id == escalation
            )
            self.assertEqual(activity.user_id, self.supervisor)
            self.assertIn(request.name, activity.summary)
        with freeze_time(local("2026-03-10 19:40")):
            self._run_cron()
            self.assertEqual(request.escalation_level, "2")
            self.assertIn(
                self.manager,
                request.activity_ids.filtered(
                    lambda a: a.activity_type_id == escalation
                ).user_id,
            )
        # dispatched late at last: the status stays breached, the
        # escalations are over and the indicator counts it late
        with freeze_time(local("2026-03-11 09:00")):
            request.with_user(self.agent_a).action_dispatch(technician=self.tech_1)
        self.assertEqual(request.sla_status, "breached")
        self.assertFalse(request.dispatch_in_time)

    def test_service_cron_is_the_sla_engine(self):
        cron = self.env.ref("cs_service.ir_cron_service_sla_escalate")
        self.assertEqual(cron.code.strip(), "model._cron_sla_escalate()")
        self.assertEqual(cron.model_id.model, "cs.service.request")
        self.assertIn("cs.sla.mixin", self.Request._inherit)
