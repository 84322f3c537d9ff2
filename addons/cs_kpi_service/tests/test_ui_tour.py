# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.cs_member.tests.tour_common import CsTourMixin, load_chinese
from odoo.addons.cs_service.tests.common import TZ, CsServiceCommon

RATINGS = {
    "service_rating_attitude": 5,
    "service_rating_skill": 4,
    "service_rating_punctuality": 5,
    "service_rating_promise": 3,
}


@tagged("post_install", "-at_install", "cs_tour")
class TestServiceLoopTour(CsTourMixin, CsServiceCommon, HttpCase):
    """The whole after-sales loop in the web client, each role logged in as
    themself on their own menu: the agent registers a request found by the
    caller's number, the supervisor dispatches it from the board, the
    technician starts it, records a part and the hours, completes it and
    hands the tablet to the customer who signs the voucher in the portal,
    the agent records the opinion card, the manager computes the month and
    opens the technician's scorecard. In Chinese, then in English."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_chinese(
            cls.env,
            [
                "web",
                "mail",
                "portal",
                "cs_member",
                "cs_callback",
                "cs_kpi",
                "cs_service",
                "cs_kpi_service",
            ],
        )
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Tour Service Customer",
                "phone": "+86 139 5550 8642",
                "email": "tour.service@example.com",
                "street": "18 Jianguo Road",
                "city": "Beijing",
                "cs_agent_id": cls.agent_a.id,
            }
        )
        cls.env["product.product"].create({"name": "Tour Capacitor"})
        department = cls.env["hr.department"].create({"name": "Tour After-sales"})
        cls.tour_tech_user = new_test_user(
            cls.env,
            "cs_tour_tech",
            groups="base.group_user",
            name="Tour Technician",
            tz=TZ,
        )
        cls.tour_tech = cls.env["hr.employee"].create(
            {
                "name": "Tour Technician",
                "user_id": cls.tour_tech_user.id,
                "job_id": cls.env.ref("cs_service.hr_job_service_technician").id,
                "department_id": department.id,
            }
        )
        # the assessment month of today (demo data may have opened it)
        first = cls.company._cs_today().replace(day=1)
        Period = cls.env["cs.kpi.period"]
        cls.period = Period.search(
            [("company_id", "=", cls.company.id), ("date_from", "=", first)]
        ) or Period.create(
            {
                "name": "Service tour month",
                "date_from": first,
                "date_to": first + relativedelta(day=31),
            }
        )
        cls.period.name = "Service tour month"

    def _tour(self, name, login, lang):
        self.env["res.users"].search([("login", "=", login)]).lang = lang
        self.start_tour(
            "/odoo", name, login=login, screenshots=lang == "zh_CN", timeout=180
        )

    def _line(self, scorecard, key):
        return scorecard.line_ids.filtered(
            lambda line: line.metric_id.compute_key == key
        )

    def test_service_loop_from_request_to_scorecard(self):
        Request = self.env["cs.service.request"]
        for rounds, lang in enumerate(("zh_CN", "en_US"), start=1):
            with self.subTest(lang=lang):
                before = Request.search([("partner_id", "=", self.customer.id)])
                self._tour("cs_service_agent_tour", "cs_agent_a", lang)
                request = (
                    Request.search([("partner_id", "=", self.customer.id)]) - before
                )
                self.assertEqual(len(request), 1)
                self.assertEqual(request.state, "new")
                self.assertEqual(request.user_id, self.agent_a)
                self.assertEqual(request.channel, "phone")
                self.assertEqual(request.zone, "urban")
                self.assertIn("warm air", request.problem)
                self.assertRegex(request.name, r"^FW\d{4}-")
                # the second round repeats the first repair within 30 days
                self.assertEqual(request.is_repeat, rounds == 2)

                self._tour("cs_service_dispatch_tour", "cs_supervisor", lang)
                self.assertEqual(request.state, "dispatched")
                self.assertEqual(request.technician_id, self.tour_tech)
                self.assertTrue(request.date_dispatched)
                self.assertIn(
                    self.tour_tech_user,
                    request.activity_ids.user_id,
                    "the technician has the visit activity",
                )

                self._tour("cs_service_technician_tour", "cs_tour_tech", lang)
                self.assertEqual(request.state, "done")
                self.assertTrue(request.date_started)
                self.assertEqual(request.line_ids.product_id.name, "Tour Capacitor")
                self.assertAlmostEqual(request.total_hours, 1.5)
                self.assertIn("fan capacitor", request.result)
                self.assertEqual(request.signed_by, self.customer.name)
                self.assertTrue(request.signed_on)
                self.assertTrue(request.signature)
                voucher = self.env["ir.attachment"].search(
                    [
                        ("res_model", "=", request._name),
                        ("res_id", "=", request.id),
                        ("name", "=like", f"{request.name}%"),
                    ]
                )
                self.assertEqual(len(voucher), 1, "the signed voucher is archived")
                card = request.callback_ids
                self.assertEqual(len(card), 1)
                self.assertEqual(card.kind, "after_service")
                self.assertEqual(card.user_id, self.agent_a)

                self._tour("cs_service_opinion_card_tour", "cs_agent_a", lang)
                self.assertEqual(card.state, "done")
                self.assertEqual(card.outcome, "reached")
                self.assertEqual(card.satisfaction, "satisfied")
                for fname, value in RATINGS.items():
                    self.assertEqual(card[fname], value, fname)
                # signed and rated: the agent archives the case
                request.with_user(self.agent_a).action_close()
                self.assertEqual(request.state, "closed")

                self._tour("cs_service_scorecard_tour", "cs_manager", lang)
                self.assertEqual(self.period.state, "computed")
                scorecard = self.period.scorecard_ids.filtered(
                    lambda s: s.employee_id == self.tour_tech
                )
                self.assertEqual(len(scorecard), 1)
                self.assertEqual(self._line(scorecard, "service_done").actual, rounds)
                for fname, value in RATINGS.items():
                    self.assertAlmostEqual(self._line(scorecard, fname).actual, value)
                self.assertEqual(
                    self._line(scorecard, "service_dispatch_in_time").actual,
                    100.0 if request.dispatch_in_time else 0.0,
                )
                # the first repair did not hold: the second round repeats it
                self.assertEqual(
                    self._line(scorecard, "service_repeat_visits").actual, rounds - 1
                )
