# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import CsServiceCommon, local


@tagged("post_install", "-at_install")
class TestServiceDispatch(CsServiceCommon):
    def _visit_activities(self, request):
        visit = self.env.ref("cs_service.mail_activity_type_service_visit")
        return request.activity_ids.filtered(lambda a: a.activity_type_id == visit)

    def test_service_dispatch_activity_and_follower(self):
        request = self._create_request()
        request.with_user(self.agent_a).action_dispatch(technician=self.tech_1)
        activity = self._visit_activities(request)
        self.assertEqual(activity.user_id, self.tech_user_1)
        self.assertIn(self.tech_user_1.partner_id, request.message_partner_ids)
        # the technician sees it in their own activities
        self.assertEqual(
            self.Request.with_user(self.tech_user_1).search(
                [("activity_user_id", "=", self.tech_user_1.id)]
            ),
            request,
        )

    def test_service_visit_activity_on_the_company_day(self):
        # 2026-03-10 23:30 in Shanghai is 15:30 UTC the same day; 00:30 on
        # the 11th is still the 10th in UTC
        request = self._create_request(date_scheduled=local("2026-03-11 00:30"))
        request.with_user(self.agent_a).action_dispatch(technician=self.tech_1)
        self.assertEqual(
            str(self._visit_activities(request).date_deadline), "2026-03-11"
        )

    def test_service_rescheduling_moves_the_activity(self):
        request = self._create_request(date_scheduled=local("2026-03-11 10:00"))
        request.with_user(self.agent_a).action_dispatch(technician=self.tech_1)
        activity = self._visit_activities(request)
        self.assertEqual(str(activity.date_deadline), "2026-03-11")
        # the customer asks for Friday evening, still Friday in Shanghai
        request.with_user(self.agent_a).date_scheduled = local("2026-03-13 23:00")
        self.assertEqual(self._visit_activities(request), activity)
        self.assertEqual(str(activity.date_deadline), "2026-03-13")
        self.assertEqual(activity.user_id, self.tech_user_1)
        # rescheduled and reassigned at once: the new technician's activity
        # is on the new day
        request.with_user(self.agent_a).write(
            {
                "date_scheduled": local("2026-03-16 09:00"),
                "technician_id": self.tech_2.id,
            }
        )
        activity = self._visit_activities(request)
        self.assertEqual(activity.user_id, self.tech_user_2)
        self.assertEqual(str(activity.date_deadline), "2026-03-16")

    def test_service_reassignment_moves_the_activity(self):
        request = self._create_request()
        request.with_user(self.agent_a).action_dispatch(technician=self.tech_1)
        request.with_user(self.agent_a).technician_id = self.tech_2
        activity = self._visit_activities(request)
        self.assertEqual(activity.user_id, self.tech_user_2)
        self.assertEqual(len(activity), 1)
        self.assertIn(self.tech_user_2.partner_id, request.message_partner_ids)
        # the first technician no longer sees the request
        self.assertFalse(
            self.Request.with_user(self.tech_user_1).search([("id", "=", request.id)])
        )
        # a dispatched request keeps a technician
        with self.assertRaises(UserError):
            request.with_user(self.agent_a).technician_id = False
        # writing the same technician again changes nothing
        request.with_user(self.agent_a).technician_id = self.tech_2
        self.assertEqual(self._visit_activities(request), activity)

    def test_service_done_closes_activity_and_locks_technician(self):
        request = self._advance(self._create_request(), "done")
        self.assertFalse(self._visit_activities(request))
        with self.assertRaises(UserError):
            request.with_user(self.agent_a).technician_id = self.tech_2

    def test_service_technician_choice_and_board(self):
        domain = self.Request._fields["technician_id"].domain
        # an agent (no HR right, no access to job positions) chooses
        technicians = (
            self.env["hr.employee"].with_user(self.agent_a).search(safe_eval(domain))
        )
        self.assertIn(self.tech_1, technicians)
        self.assertNotIn(self.clerk, technicians)
        names = (
            self.env["hr.employee"]
            .with_user(self.agent_a)
            .name_search("Technician", args=safe_eval(domain))
        )
        self.assertIn(self.tech_1.id, [employee_id for employee_id, _name in names])
        board = self.env.ref("cs_service.cs_service_request_action_board")
        self.assertIn("technician_id", board.context)
        views = self.env["cs.service.request"].get_views(
            [(False, "calendar"), (False, "kanban")]
        )["views"]
        self.assertIn('date_start="date_scheduled"', views["calendar"]["arch"])
        self.assertIn("technician_id", views["calendar"]["arch"])
        # the load of each technician
        self._advance(self._create_request(), "dispatched", technician=self.tech_1)
        self._advance(self._create_request(), "dispatched", technician=self.tech_1)
        self._advance(self._create_request(), "dispatched", technician=self.tech_2)
        load = dict(
            self.Request._read_group(
                [("state", "in", ("dispatched", "on_site"))],
                ["technician_id"],
                ["__count"],
            )
        )
        self.assertEqual(load[self.tech_1], 2)
        self.assertEqual(load[self.tech_2], 1)
