# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import contextmanager
from datetime import date, datetime
from unittest.mock import patch

from freezegun import freeze_time

from odoo.tools import SQL

from odoo.addons.cs_callback.models.cs_callback_figures import CsCallbackFigures
from odoo.addons.cs_member.reporting import without_jit

from .common import CsCallbackCommon

MARCH = (date(2026, 3, 1), date(2026, 3, 31))


@freeze_time("2026-03-20 04:00:00")
class TestFiguresStore(CsCallbackCommon):
    """The callback figures kept aggregated by the triggers (figures_store)
    give exactly what the callbacks themselves give, whatever writes the
    callbacks, and follow a change of the company's time zone."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Figures = cls.env["cs.callback.figures"]
        cls.customer_c = cls._create_customer("Figures C", cls.agent_b)

    # ------------------------------------------------------------------
    # helpers
    # ------------------------------------------------------------------

    @contextmanager
    def _from_callbacks(self):
        """Read the figures from the callbacks, not from the day figures."""
        with patch.object(CsCallbackFigures, "_cs_days_usable", return_value=False):
            yield

    def _assert_figures_exact(self, periods=(MARCH,)):
        for date_from, date_to in periods:
            for groupby in (None, "user"):
                for kind in (None, "routine", "after_service"):
                    stored = self.Figures._cs_callbacks(
                        self.company, date_from, date_to, groupby=groupby, kind=kind
                    )
                    with self._from_callbacks():
                        expected = self.Figures._cs_callbacks(
                            self.company, date_from, date_to, groupby, kind
                        )
                    self.assertEqual(stored, expected, (date_from, groupby, kind))
        self.env.flush_all()
        self.assertEqual(
            self._rows("SELECT company_id, partner_id, date_done FROM %s", "last"),
            self._rows(
                """
                SELECT company_id, partner_id, max(date_done) FROM cs_callback
                 WHERE state = 'done' AND date_done IS NOT NULL
                 GROUP BY 1, 2
                """
            ),
        )

    def _rows(self, query, table=None):
        if table:
            query = SQL(query, SQL.identifier("cs_callback_last_done"))
        else:
            query = SQL(query)
        return sorted(self.env.execute_query(query))

    def _done(self, partner, agent, when, **vals):
        return self._create_callback(
            partner,
            agent,
            **dict(
                {
                    "state": "done",
                    "outcome": "reached",
                    "satisfaction": "satisfied",
                    "score": 5,
                    "date_done": when,
                },
                **vals,
            ),
        )

    # ------------------------------------------------------------------
    # tests
    # ------------------------------------------------------------------

    def test_every_write_keeps_the_figures_exact(self):
        # 2026-03-31 17:00 UTC is April 1st in Shanghai: not in March
        first = self._done(self.customer_a, self.agent_a, datetime(2026, 3, 2, 3, 0))
        late = self._done(
            self.customer_b, self.agent_b, datetime(2026, 3, 31, 17, 0), score=3
        )
        self._done(
            self.customer_c,
            False,
            datetime(2026, 3, 10, 3, 0),
            kind="after_service",
            satisfaction="unsatisfied",
            unsatisfied_reason="Slow",
            score=1,
        )
        self._create_callback(
            self.customer_a2,
            self.agent_a2,
            state="failed",
            outcome="wrong_number",
            date_done=datetime(2026, 3, 5, 3, 0),
        )
        todo = self._create_callback(self.customer_a2, self.agent_a2)
        april = (date(2026, 4, 1), date(2026, 4, 30))
        self._assert_figures_exact([MARCH, april])
        stored = self.Figures._cs_callbacks(self.company, *MARCH, groupby="user")
        self.assertEqual(stored[self.agent_a.id]["done"], 1)
        self.assertNotIn(self.agent_b.id, stored)
        self.assertEqual(stored[None]["answered"], 1)
        self.assertEqual(stored[self.agent_a2.id]["failed"], 1)

        # the agent records a call: done through the action
        todo.write({"outcome": "reached", "satisfaction": "average", "score": 4})
        todo.with_user(self.agent_a2).action_done()
        # a score corrected, an agent changed, a day moved into March
        first.write({"score": 2, "satisfaction": "average"})
        first.write({"user_id": self.agent_b.id})
        late.write({"date_done": datetime(2026, 3, 31, 15, 0)})
        self._assert_figures_exact([MARCH, april])
        stored = self.Figures._cs_callbacks(self.company, *MARCH, groupby="user")
        self.assertEqual(stored[self.agent_b.id]["done"], 2)
        self.assertEqual(stored[self.agent_b.id]["average_score"], 2.5)
        self.assertEqual(stored[self.agent_a2.id]["made"], 2)

        # several at once, then deleted
        (first | late).write({"state": "failed", "outcome": "wrong_number"})
        self._assert_figures_exact([MARCH])
        (first | late).unlink()
        self._assert_figures_exact([MARCH])
        self.assertNotIn(
            self.agent_b.id,
            self.Figures._cs_callbacks(self.company, *MARCH, groupby="user"),
        )

    def test_inserted_with_sql_counts_too(self):
        """The plans insert callbacks with SQL (bulk): the triggers see any
        statement."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO cs_callback (partner_id, user_id, company_id, kind,
                       state, outcome, score, date_done, date_deadline,
                       channel, attempt_count)
                SELECT %s, %s, %s, 'routine', 'done', 'reached', mod(n, 5) + 1,
                       '2026-03-03 02:00'::timestamp + n * interval '1 hour',
                       '2026-03-13', 'phone', 1
                  FROM generate_series(1, 50) n
                """,
                self.customer_b.id,
                self.agent_b.id,
                self.company.id,
            )
        )
        self.env["cs.callback"].invalidate_model()
        self._assert_figures_exact()
        stored = self.Figures._cs_callbacks(self.company, *MARCH, groupby="user")
        self.assertEqual(stored[self.agent_b.id]["done"], 50)
        self.assertEqual(stored[self.agent_b.id]["scored"], 50)

    def test_a_new_time_zone_rebuilds_the_days(self):
        # 20:00 UTC on March 31st is April 1st in Shanghai, March in UTC
        self._done(self.customer_a, self.agent_a, datetime(2026, 3, 31, 20, 0))
        shanghai = self.Figures._cs_callbacks(self.company, *MARCH)
        self.assertEqual(shanghai[None]["done"], 0)
        self.company.resource_calendar_id.tz = "UTC"
        utc = self.Figures._cs_callbacks(self.company, *MARCH)
        self.assertEqual(utc[None]["done"], 1)
        self._assert_figures_exact()
        self.assertEqual(
            {
                tz
                for [tz] in self._rows(
                    f"SELECT DISTINCT tz FROM cs_callback_day "
                    f"WHERE company_id = {self.company.id}"
                )
            },
            {"UTC"},
        )

    def test_read_only_cursor_reads_the_callbacks(self):
        """A report on a read-only cursor cannot rebuild the day figures
        after a change of zone: it reads the callbacks, and is exact."""
        self._done(self.customer_a, self.agent_a, datetime(2026, 3, 31, 20, 0))
        self.Figures._cs_callbacks(self.company, *MARCH)
        self.company.resource_calendar_id.tz = "UTC"
        self.env.flush_all()
        with patch.object(type(self.env.cr), "readonly", True, create=True):
            self.assertFalse(self.Figures._cs_days_usable(self.company, *MARCH))
            utc = self.Figures._cs_callbacks(self.company, *MARCH)
        self.assertEqual(utc[None]["done"], 1)

    def test_coverage_of_a_past_period_ignores_later_callbacks(self):
        """The coverage starts from the member's stored last callback, and
        reads their callbacks only when it is after the period."""
        self.gold.callback_interval_days = 30
        member = self._create_customer(
            "Covered in Feb", self.agent_a, member=False, tz="Asia/Shanghai"
        )
        self._create_card(
            member, self.gold, date(2026, 1, 1), activate=False, state="active"
        )
        self._done(member, self.agent_a, datetime(2026, 2, 20, 3, 0))
        self._done(member, self.agent_a, datetime(2026, 3, 15, 3, 0))

        def covered(date_from, date_to):
            rows = self.env.execute_query(
                SQL(
                    "SELECT is_covered, date_last_done FROM (%s) m "
                    "WHERE partner_id = %s",
                    self.Figures._coverage_members_sql(
                        SQL(
                            "(SELECT %s::integer AS company_id, %s::varchar AS tz, "
                            "%s::date AS date_from, %s::date AS date_to)",
                            self.company.id,
                            "Asia/Shanghai",
                            date_from,
                            date_to,
                        )
                    ),
                    member.id,
                )
            )
            return rows[0]

        self.assertEqual(
            covered(date(2026, 3, 1), date(2026, 3, 31)),
            (True, datetime(2026, 3, 15, 3, 0)),
        )
        self.assertEqual(
            covered(date(2026, 2, 1), date(2026, 2, 28)),
            (True, datetime(2026, 2, 20, 3, 0)),
        )
        self.assertEqual(covered(date(2026, 1, 1), date(2026, 1, 31)), (False, None))

    def test_assessment_queries_run_without_jit(self):
        """The figures' queries run without JIT compilation, and the
        transaction's setting is back afterwards."""

        def jit():
            return self.env.execute_query(SQL("SELECT current_setting('jit')"))[0][0]

        before = jit()
        with without_jit(self.env.cr):
            self.assertEqual(jit(), "off")
        self.assertEqual(jit(), before)
