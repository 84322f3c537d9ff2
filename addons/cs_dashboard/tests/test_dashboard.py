# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import json
from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import freeze_time, tagged
from odoo.tools.misc import file_path

from odoo.addons.cs_kpi.tests.common import CsKpiCommon, local
from odoo.addons.cs_satisfaction.models.cs_improvement_action import OPEN_STATES

JSON_PATH = "cs_dashboard/data/files/cs_dashboard.json"


@tagged("post_install", "-at_install")
class TestDashboardData(CsKpiCommon):
    """The spreadsheet reads only models and fields that exist, and only
    supervisors and managers see it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with open(file_path(JSON_PATH), encoding="utf-8") as stream:
            cls.data = json.load(stream)
        cls.dashboard = cls.env.ref("cs_dashboard.spreadsheet_dashboard_cs")

    def _check_path(self, model, path):
        """``path`` (``a.b.c``, maybe with ``:month``) is a field chain of
        ``model``."""
        Model = self.env[model]
        for name in path.split(":")[0].split("."):
            self.assertIn(name, Model._fields, f"{Model._name} has no field {name}")
            field = Model._fields[name]
            if field.relational:
                Model = self.env[field.comodel_name]

    def _check_domain(self, model, domain):
        for leaf in domain:
            if isinstance(leaf, list):
                self._check_path(model, leaf[0])

    def test_record_loads_the_file(self):
        stored = json.loads(base64.b64decode(self.dashboard.spreadsheet_binary_data))
        self.assertEqual(stored, self.data)
        self.assertEqual(
            self.dashboard.group_ids,
            self.env.ref("cs_member.group_cs_supervisor")
            | self.env.ref("cs_member.group_cs_manager"),
        )

    def test_pivots_use_existing_fields(self):
        self.assertTrue(self.data["pivots"])
        for pivot in self.data["pivots"].values():
            model = pivot["model"]
            self.assertIn(model, self.env)
            self._check_domain(model, pivot["domain"])
            for measure in pivot["measures"]:
                if measure["fieldName"] != "__count":  # the number of records
                    self._check_path(model, measure["fieldName"])
            for group in pivot["rows"] + pivot["columns"]:
                self._check_path(model, group["fieldName"])
            if pivot["sortedColumn"]:
                self._check_path(model, pivot["sortedColumn"]["measure"])

    def test_charts_use_existing_fields(self):
        charts = [
            figure["data"]
            for sheet in self.data["sheets"]
            for figure in sheet["figures"]
            if figure["data"]["type"].startswith("odoo_")
        ]
        self.assertTrue(charts)
        for chart in charts:
            model = chart["metaData"]["resModel"]
            self.assertIn(model, self.env)
            self._check_path(model, chart["metaData"]["measure"])
            for group in chart["metaData"]["groupBy"]:
                self._check_path(model, group)
            self._check_domain(model, chart["searchParams"]["domain"])
        for xmlid in self.data["chartOdooMenusReferences"].values():
            self.assertTrue(self.env.ref(xmlid))

    def test_formulas_name_existing_pivots_and_measures(self):
        pivots = self.data["pivots"]
        for sheet in self.data["sheets"]:
            for cell in sheet["cells"].values():
                content = cell.get("content", "")
                if "PIVOT.VALUE(" not in content:
                    continue
                args = content.split("PIVOT.VALUE(")[1].split(",")
                pivot = pivots[args[0]]
                measure = args[1].split(")")[0].strip('"')
                self.assertIn(measure, [m["id"] for m in pivot["measures"]])

    def test_open_improvement_actions_as_their_owner_counts_them(self):
        """The dashboard's open improvement actions are those the monthly
        report lists under Open Problems (cs_satisfaction's open states)."""
        pivots = self.data["pivots"].values()
        pivot = next(p for p in pivots if p["model"] == "cs.improvement.action")
        self.assertEqual(pivot["domain"], [["state", "in", list(OPEN_STATES)]])
        cells = self.data["sheets"][1]["cells"]
        self.assertIn(f'PIVOT.VALUE({pivot["id"]},"__count")', cells["B10"]["content"])
        figure = [
            f
            for f in self.data["sheets"][0]["figures"]
            if f["data"].get("keyValue") == "Data!B10"
        ]
        self.assertEqual(len(figure), 1)

    def test_listed_for_managers_and_supervisors_only(self):
        Dashboard = self.env["spreadsheet.dashboard"]
        for user in (self.manager, self.supervisor):
            self.assertIn(self.dashboard, Dashboard.with_user(user).search([]))
        for user in (self.agent_a, self.quality, self.internal_user):
            self.assertNotIn(self.dashboard, Dashboard.with_user(user).search([]))
            with self.assertRaises(AccessError):
                self.env["cs.dashboard.month"].with_user(user).search([])


@tagged("post_install", "-at_install")
class TestDashboardFigures(CsKpiCommon):
    """April 2026: the dashboard's figures are the owners' figures."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._done_callback(cls.agent_a, cls.customer_a, "2026-04-10 10:00", 5)
        cls._done_callback(cls.agent_a2, cls.customer_a2, "2026-04-11 10:00", 2)
        with freeze_time(local("2026-04-12 10:00")):
            cls.complaint = cls._create_complaint()
        cls.Month = cls.env["cs.dashboard.month"]

    def _refresh(self, user=None):
        with freeze_time(local("2026-04-20 10:00")):
            self.Month.with_user(user or self.supervisor).action_refresh()
        return self.Month.search(
            [("company_id", "=", self.company.id)], order="month desc"
        )

    def test_twelve_months_from_the_owners(self):
        rows = self._refresh()
        self.assertEqual(len(rows), 12)
        april = rows[0]
        self.assertEqual(april.month, date(2026, 4, 1))
        self.assertTrue(april.is_current)
        self.assertEqual(rows.filtered("is_current"), april)
        self.assertEqual(rows[-1].month, date(2025, 5, 1))
        day_from, day_to = date(2026, 4, 1), date(2026, 4, 30)
        Figures = self.env["cs.callback.figures"]
        callbacks = Figures._cs_callbacks(self.company, day_from, day_to)[None]
        coverage = Figures._cs_coverage(self.company, day_from, day_to)[None]
        with freeze_time(local("2026-04-20 10:00")):
            resolved = self.env["cs.complaint.stats"]._get_resolved(
                day_from, day_to, self.company
            )[None]
        self.assertGreaterEqual(april.complaints_received, 1)
        self.assertGreaterEqual(april.complaints_open, 1)
        self.assertEqual(april.complaints_resolved, resolved["count"])
        self.assertEqual(april.complaints_in_time, resolved["met"])
        self.assertEqual(april.callbacks_done, callbacks["done"])
        self.assertEqual(
            april.callbacks_satisfied, callbacks["satisfaction"]["satisfied"]
        )
        self.assertEqual(april.coverage_members, coverage["members"])
        self.assertEqual(april.coverage_covered, coverage["covered"])
        self.assertGreaterEqual(april.callbacks_done, 2)

    def test_refresh_again_and_later(self):
        first = self._refresh()
        again = self._refresh()
        self.assertEqual(first, again, "the same rows are updated")
        with freeze_time(local("2026-06-02 10:00")):
            self.Month.with_user(self.manager).action_refresh()
        rows = self.Month.search([("company_id", "=", self.company.id)])
        self.assertEqual(len(rows), 12)
        self.assertEqual(rows.filtered("is_current").month, date(2026, 6, 1))
        self.assertFalse(rows.filtered(lambda row: row.month < date(2025, 7, 1)))

    def test_live_when_opened(self):
        """Opening the dashboard refreshes the current month when its row is
        more than a few minutes old, from the same owners; the past months
        stay as the scheduled action wrote them."""
        dashboard = self.env.ref("cs_dashboard.spreadsheet_dashboard_cs")
        rows = self._refresh()  # 20 April, 10:00
        april, march = rows[0], rows[1]
        received = april.complaints_received
        march_refreshed = march.date_refreshed
        with freeze_time(local("2026-04-20 10:02")):
            self._create_complaint()
            dashboard.with_user(self.manager).get_readonly_dashboard()
        self.env.invalidate_all()
        self.assertEqual(april.complaints_received, received, "refreshed lately")
        with freeze_time(local("2026-04-20 10:10")):
            result = dashboard.with_user(self.supervisor).get_readonly_dashboard()
        self.assertTrue(result["snapshot"]["sheets"])
        self.env.invalidate_all()
        self.assertEqual(april.complaints_received, received + 1)
        self.assertEqual(april.date_refreshed, local("2026-04-20 10:10"))
        self.assertEqual(march.date_refreshed, march_refreshed)
        with freeze_time(local("2026-04-20 10:11")):
            Stats = self.env["cs.complaint.stats"]
            [[count]] = Stats._complaints(self.company)._read_group(
                Stats._received_domain(
                    date(2026, 4, 1), date(2026, 4, 30), self.company
                ),
                [],
                ["__count"],
            )
        self.assertEqual(april.complaints_received, count)
        # a new month: its row is made when the dashboard is opened
        with freeze_time(local("2026-05-01 08:00")):
            dashboard.with_user(self.manager).get_readonly_dashboard()
        may = self.Month.search(
            [("company_id", "=", self.company.id), ("is_current", "=", True)]
        )
        self.assertEqual(may.month, date(2026, 5, 1))
        # users who do not see the dashboard refresh nothing
        with freeze_time(local("2026-05-01 09:00")):
            for user in (self.agent_a, self.internal_user):
                with self.assertRaises(AccessError):
                    dashboard.with_user(user).get_readonly_dashboard()
                self.assertFalse(self.Month.with_user(user)._cs_refresh_live())
        self.assertEqual(may.date_refreshed, local("2026-05-01 08:00"))

    def test_assessment_month_marked(self):
        self.env.flush_all()
        self.period.with_user(self.supervisor).action_compute()
        self._refresh()
        self.assertTrue(self.period.cs_is_dashboard_month)
        cards = self.env["cs.kpi.scorecard"].search(
            [("period_id.cs_is_dashboard_month", "=", True)]
        )
        self.assertEqual(cards, self.period.scorecard_ids)

    def test_agents_cannot_refresh_or_mark(self):
        with self.assertRaises(AccessError):
            self.Month.with_user(self.agent_a).action_refresh()
        with self.assertRaises(UserError):  # AccessError is one too
            self.period.with_user(self.manager).write({"cs_is_dashboard_month": True})
