# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.tests import freeze_time, tagged

from odoo.addons.cs_service.tests.common import CsServiceCommon, local


@tagged("post_install", "-at_install")
class TestServiceKpi(CsServiceCommon):
    """April 2026: technician one repairs twice (once dispatched late), both
    cards rated; technician two repairs once and the customer calls again
    within 30 days for the same product."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.period = cls.env["cs.kpi.period"].create(
            {
                "name": "2026-04 (service)",
                "date_from": date(2026, 4, 1),
                "date_to": date(2026, 4, 30),
            }
        )
        cls.employees = cls.tech_1 | cls.tech_2 | cls.clerk
        on_time = cls._repair("2026-04-07 10:00", "2026-04-07 10:30", cls.tech_1)
        late = cls._repair(
            "2026-04-01 09:00", "2026-04-02 15:00", cls.tech_1, product=cls.part
        )
        cls._rate(on_time, (5, 4, 3, 5), "2026-04-09 10:00")
        cls._rate(late, (3, 4, 5, 5), "2026-04-09 11:00")
        first = cls._repair(
            "2026-04-08 09:00", "2026-04-08 10:00", cls.tech_2, partner=cls.customer_b
        )
        with freeze_time(local("2026-04-20 09:00")):
            cls._create_request(
                partner=cls.customer_b, date_received=local("2026-04-20 09:00")
            )
        # a repair of March counts in March only
        cls._repair("2026-03-30 09:00", "2026-03-30 10:00", cls.tech_2)
        cls.first = first

    @classmethod
    def _repair(cls, received, dispatched, technician, partner=None, product=None):
        request = cls._create_request(
            partner=partner,
            date_received=local(received),
            product_id=(product or cls.product).id,
        )
        with freeze_time(local(dispatched)):
            cls._advance(request, "dispatched", technician=technician)
            cls._advance(request, "done")
        return request

    @classmethod
    def _rate(cls, request, ratings, when):
        card = request.callback_ids
        card.write(
            {
                "outcome": "reached",
                "satisfaction": "satisfied",
                "service_rating_attitude": ratings[0],
                "service_rating_skill": ratings[1],
                "service_rating_punctuality": ratings[2],
                "service_rating_promise": ratings[3],
            }
        )
        with freeze_time(local(when)):
            card.with_user(cls.agent_a).action_done()

    def _actual(self, key):
        metric = self.env.ref(f"cs_kpi_service.cs_kpi_metric_{key}")
        return metric._cs_compute_actuals(self.period, self.employees)

    def test_service_kpi_done_and_dispatch(self):
        done = self._actual("service_done")
        self.assertEqual(done[self.tech_1.id], 2)
        self.assertEqual(done[self.tech_2.id], 1)
        self.assertEqual(done[self.clerk.id], 0)
        in_time = self._actual("service_dispatch_in_time")
        self.assertAlmostEqual(in_time[self.tech_1.id], 50.0)
        self.assertAlmostEqual(in_time[self.tech_2.id], 100.0)
        self.assertNotIn(self.clerk.id, in_time)

    def test_service_kpi_ratings(self):
        expected = {
            "service_rating_attitude": 4.0,
            "service_rating_skill": 4.0,
            "service_rating_punctuality": 4.0,
            "service_rating_promise": 5.0,
        }
        for key, value in expected.items():
            with self.subTest(key=key):
                actual = self._actual(key)
                self.assertAlmostEqual(actual[self.tech_1.id], value)
                self.assertNotIn(self.tech_2.id, actual)

    def test_service_kpi_repeat_visits(self):
        repeat = self._actual("service_repeat_visits")
        self.assertEqual(repeat[self.tech_2.id], 1)
        self.assertEqual(repeat[self.tech_1.id], 0)

    def test_service_kpi_repeat_visits_agree_with_the_request_flag(self):
        """One rule: the indicator counts the repairs that a later request
        flags as repeated, nothing else."""
        repeated = (
            self.env["cs.service.request"]
            .search([("is_repeat", "=", True), ("state", "!=", "cancelled")])
            .repeat_of_id.filtered(
                lambda r: r.technician_id in self.employees
                and local("2026-04-01 00:00") <= r.date_done < local("2026-05-01 00:00")
            )
        )
        self.assertEqual(repeated, self.first)
        actual = self._actual("service_repeat_visits")
        for employee in self.employees:
            self.assertEqual(
                actual[employee.id],
                len(repeated.filtered(lambda r, e=employee: r.technician_id == e)),
                employee.name,
            )
        # the repeat request is cancelled (registered twice): the repair held
        again = self.env["cs.service.request"].search(
            [("repeat_of_id", "=", self.first.id)]
        )
        again.cancel_reason = "Registered twice"
        again.with_user(self.agent_a).action_cancel()
        self.assertEqual(self._actual("service_repeat_visits")[self.tech_2.id], 0)

    def test_service_kpi_one_query_per_indicator(self):
        metric = self.env.ref("cs_kpi_service.cs_kpi_metric_service_rating_skill")
        metric._cs_compute_actuals(self.period, self.employees)
        with self.assertQueryCount(1):
            metric._cs_compute_actuals(self.period, self.employees)

    def test_service_kpi_technician_template(self):
        template = self.env.ref("cs_kpi_service.cs_kpi_template_technician")
        self.assertEqual(template.total_weight, 100)
        self.assertEqual(
            template.job_id, self.env.ref("cs_service.hr_job_service_technician")
        )
        self.env["cs.kpi.template"].search([("id", "!=", template.id)]).active = False
        self.tech_1.job_id = template.job_id
        self.period.with_user(self.supervisor).action_compute()
        card = self.env["cs.kpi.scorecard"].search(
            [("period_id", "=", self.period.id), ("employee_id", "=", self.tech_1.id)]
        )
        self.assertTrue(card)
        line = card.line_ids.filtered(
            lambda item: item.metric_id.compute_key == "service_done"
        )
        self.assertEqual(line.actual, 2)
