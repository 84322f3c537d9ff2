# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo.tests import HttpCase, tagged

from odoo.addons.cs_member.tests.tour_common import CsTourMixin, load_chinese

from .common import CsKpiCommon

MONTH = "Star tour month"
REASON = "Star tour: stayed late for an angry customer"


@tagged("post_install", "-at_install", "cs_tour")
class TestStarTour(CsTourMixin, CsKpiCommon, HttpCase):
    """月度服务明星 (D8), each from their own menu, in Chinese and in English:
    a colleague nominates, the manager chooses the star from the month's
    proposal."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_chinese(cls.env, ["web", "mail", "hr", "cs_kpi"])

    def _month(self, lang):
        Period = self.env["cs.kpi.period"]
        Period.search([("name", "=", MONTH)]).write({"name": f"{MONTH} ({lang})"})
        start = self.company._cs_today().replace(day=1)
        # the month's period of a former run (or of the demo) moves to a
        # free month ten years back
        for former in Period.search([("date_from", "=", start)]):
            back = 10
            while Period.search_count(
                [("date_from", "=", start - relativedelta(years=back))]
            ):
                back += 1
            former.date_from = start - relativedelta(years=back)
        # written before the new month's INSERT (unique per company and month)
        Period.flush_model(["date_from"])
        period = Period.create(
            {
                "name": MONTH,
                "date_from": start,
                "date_to": start + relativedelta(months=1, days=-1),
            }
        )
        period.with_user(self.supervisor).action_compute()
        period.with_user(self.manager).action_confirm()
        return period

    def test_colleague_nominates_manager_chooses(self):
        Nomination = self.env["cs.kpi.nomination"]
        for lang in ("zh_CN", "en_US"):
            with self.subTest(lang=lang):
                (self.agent_b | self.manager).write({"lang": lang})
                Nomination.search([]).unlink()
                period = self._month(lang)
                self.start_tour("/odoo", "cs_kpi_nominate_tour", login="cs_agent_b")
                nomination = Nomination.search([("reason", "=", REASON)])
                self.assertEqual(len(nomination), 1)
                self.assertEqual(nomination.employee_id, self.emp_agent_a2)
                self.assertEqual(nomination.nominator_id, self.agent_b)
                self.assertEqual(nomination.month, period.date_from)
                self.assertEqual(period.nomination_count, 1)
                self.start_tour("/odoo", "cs_kpi_star_tour", login="cs_manager")
                period.invalidate_recordset()
                self.assertEqual(period.star_employee_id, self.emp_agent_a2)
                event = period.star_event_id
                self.assertEqual(
                    (event.employee_id, event.kind, event.amount, event.state),
                    (self.emp_agent_a2, "reward", 150, "confirmed"),
                )
                self.assertEqual(event.date, period.date_to)
