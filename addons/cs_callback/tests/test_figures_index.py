# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.tests import TransactionCase
from odoo.tools import SQL
from odoo.tools.sql import index_exists


class TestFiguresIndexes(TransactionCase):
    """The partial indexes of the completed callbacks exist and serve the
    WHERE clauses of the callback figures (``cs.callback.figures``): the
    callbacks made in a period, the member's last done callback."""

    def _plan(self, query):
        # a small table: forbid the sequential scan to see which index fits
        self.env.cr.execute("SET LOCAL enable_seqscan = off")
        self.addCleanup(self.env.cr.execute, "RESET enable_seqscan")
        self.env.cr.execute(SQL("EXPLAIN %s", query))
        return "\n".join(row[0] for row in self.env.cr.fetchall())

    def test_indexes_exist(self):
        for name in (
            "cs_callback_completed_date_done_index",
            "cs_callback_done_partner_date_done_index",
        ):
            self.assertTrue(index_exists(self.env.cr, name), name)

    def test_callbacks_made_in_a_period_use_the_index(self):
        """The WHERE clause of ``_cs_callbacks``."""
        company = self.env.company
        start, stop = company._cs_utc_bounds(date(2026, 4, 1), date(2026, 4, 30))
        plan = self._plan(
            SQL(
                """
                SELECT user_id, count(*) FILTER (WHERE state = 'done')
                  FROM cs_callback
                 WHERE company_id = %s AND state IN ('done', 'failed')
                   AND date_done >= %s AND date_done < %s
                 GROUP BY 1
                """,
                company.id,
                start,
                stop,
            )
        )
        self.assertIn("cs_callback_completed_date_done_index", plan)

    def test_last_done_callback_of_a_member_uses_the_index(self):
        """The lateral subquery of the coverage (``_coverage_members_sql``):
        an index-only scan, no callback row read."""
        partner = self.env["res.partner"].create({"name": "Indexed member"})
        plan = self._plan(
            SQL(
                """
                SELECT max(c.date_done) FROM cs_callback c
                 WHERE c.partner_id = %s AND c.state = 'done'
                   AND c.company_id = %s AND c.date_done < %s
                """,
                partner.id,
                self.env.company.id,
                "2026-05-01",
            )
        )
        self.assertIn("Index Only Scan", plan)
        self.assertIn("cs_callback_done_partner_date_done_index", plan)
