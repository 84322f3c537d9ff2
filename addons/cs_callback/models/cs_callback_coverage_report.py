# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models, tools
from odoo.tools import SQL


class CsCallbackCoverageReport(models.Model):
    """Callback coverage of the members (C4: 100% of members are called
    back): one row per active member, covered when a callback was completed
    within the level's callback interval. Days are UTC days, like
    ``date_done``."""

    _name = "cs.callback.coverage.report"
    _description = "Member Callback Coverage"
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
        return SQL(
            """
            SELECT p.id AS id,
                   p.id AS partner_id,
                   p.cs_agent_id AS agent_id,
                   p.cs_level_id AS level_id,
                   COALESCE(card.company_id, p.company_id) AS company_id,
                   last.date_done AS date_last_done,
                   cov.is_covered AS is_covered,
                   EXISTS (
                       SELECT 1 FROM cs_callback c
                        WHERE c.partner_id = p.id AND c.state = 'todo'
                   ) AS has_open,
                   today.day - (last.date_done AT TIME ZONE 'UTC'
                                    AT TIME ZONE today.tz)::date
                       AS days_since,
                   1 AS member_count,
                   CASE WHEN cov.is_covered THEN 1 ELSE 0 END AS covered,
                   CASE WHEN cov.is_covered THEN 100.0 ELSE 0.0 END AS coverage_pct
              FROM res_partner p
         LEFT JOIN cs_member_card card ON card.id = p.cs_card_id
         LEFT JOIN cs_member_level lvl ON lvl.id = p.cs_level_id
         -- the company's day (its working schedule's time zone, else its
         -- address's), as every indicator of the suite
         LEFT JOIN res_company co ON co.id = COALESCE(card.company_id, p.company_id)
         LEFT JOIN resource_calendar cal ON cal.id = co.resource_calendar_id
         LEFT JOIN res_partner cp ON cp.id = co.partner_id
         CROSS JOIN LATERAL (
                   SELECT zone.name AS tz,
                          (now() AT TIME ZONE zone.name)::date AS day
                     FROM (SELECT COALESCE(
                                      NULLIF(cal.tz, ''), NULLIF(cp.tz, ''), 'UTC'
                                  ) AS name) zone
                   ) today
         LEFT JOIN LATERAL (
                   SELECT MAX(c.date_done) AS date_done
                     FROM cs_callback c
                    WHERE c.partner_id = p.id AND c.state = 'done'
                   ) last ON TRUE
         LEFT JOIN LATERAL (
                   SELECT COALESCE(
                              (last.date_done AT TIME ZONE 'UTC'
                                   AT TIME ZONE today.tz)::date
                                  >= today.day - lvl.callback_interval_days,
                              FALSE
                          ) AS is_covered
                   ) cov ON TRUE
             WHERE p.active AND p.cs_is_member
            """
        )
