# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models, tools
from odoo.tools import SQL


class CsCallbackCoverageReport(models.Model):
    """Member coverage today (C4: 100 % of the members are called back): one
    row per member with a card valid today, covered when a callback was
    completed within the callback interval of the card's level, counted back
    from today. A rolling window on purpose: it is the figure of the
    assessment indicator and of the monthly service report
    (``cs.callback.figures._cs_coverage``), taken on today instead of on the
    month's last day, from the same query. Days are the company's."""

    _name = "cs.callback.coverage.report"
    _description = "Member Coverage Today (Level Callback Interval)"
    _auto = False
    _order = "is_covered, days_since desc, partner_id"
    _rec_name = "partner_id"

    partner_id = fields.Many2one("res.partner", string="Member", readonly=True)
    agent_id = fields.Many2one("res.users", readonly=True)
    level_id = fields.Many2one("cs.member.level", string="Member Level", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    date_last_done = fields.Datetime(string="Last Callback", readonly=True)
    is_covered = fields.Boolean(string="Covered", readonly=True)
    has_open = fields.Boolean(string="Open Callback", readonly=True)
    days_since = fields.Integer(
        string="Days Since Last Callback", readonly=True, aggregator="max"
    )
    member_count = fields.Integer(
        string="Members", readonly=True, help="1 per member: its sum counts them."
    )
    covered = fields.Integer(
        string="Covered Members",
        readonly=True,
        help="1 when the member is covered: its sum counts the covered members.",
    )
    coverage_pct = fields.Float(
        string="Coverage (%)",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
        help="100 when the member is covered, else 0: its average is the coverage.",
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                self._query(),
            )
        )

    def _query(self):
        # today of each company, in its time zone
        today = SQL(
            """
            (SELECT co.id AS company_id, zone.tz,
                    (now() AT TIME ZONE zone.tz)::date AS date_from,
                    (now() AT TIME ZONE zone.tz)::date AS date_to
               FROM res_company co
          LEFT JOIN resource_calendar cal ON cal.id = co.resource_calendar_id
          LEFT JOIN res_partner cp ON cp.id = co.partner_id
         CROSS JOIN LATERAL (
                    SELECT COALESCE(NULLIF(cal.tz, ''), NULLIF(cp.tz, ''), 'UTC') AS tz
                    ) zone)
            """
        )
        return SQL(
            """
            SELECT cov.card_id AS id,
                   cov.partner_id,
                   cov.agent_id,
                   cov.level_id,
                   cov.company_id,
                   cov.date_last_done,
                   cov.is_covered,
                   EXISTS (
                       SELECT 1 FROM cs_callback c
                        WHERE c.partner_id = cov.partner_id AND c.state = 'todo'
                   ) AS has_open,
                   cov.day - (cov.date_last_done AT TIME ZONE 'UTC'
                                  AT TIME ZONE cov.tz)::date AS days_since,
                   1 AS member_count,
                   CASE WHEN cov.is_covered THEN 1 ELSE 0 END AS covered,
                   CASE WHEN cov.is_covered THEN 100.0 ELSE 0.0 END AS coverage_pct
              FROM (%s) cov
            """,
            self.env["cs.callback.figures"]._coverage_members_sql(today),
        )
