# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models, tools
from odoo.tools import SQL

QUOTA_DAYS = 31


class CsCallbackQuotaReport(models.Model):
    """Daily member callbacks per agent against the company's quota (C6: at
    least 5 member callbacks per agent per day): one row per active internal
    agent and day of the last 31 days, days in the agent's time zone."""

    _name = "cs.callback.quota.report"
    _description = "Daily Callback Quota"
    _auto = False
    _order = "date desc, user_id"
    _rec_name = "user_id"

    user_id = fields.Many2one("res.users", string="Agent", readonly=True)
    date = fields.Date(readonly=True)
    done_count = fields.Integer(string="Member Callbacks Done", readonly=True)
    quota = fields.Integer(string="Daily Quota", readonly=True, aggregator="max")
    quota_met = fields.Boolean(readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)

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
        # The agent's time zone when PostgreSQL knows it, else UTC; the
        # days are counted from the agent's today.
        return SQL(
            """
            WITH agent AS (
                -- the company's day (its working schedule's time zone,
                -- else its address's), as every indicator of the suite
                SELECT u.id AS user_id,
                       u.company_id AS company_id,
                       COALESCE(ctz.name, ptz.name, 'UTC') AS tz,
                       (now() AT TIME ZONE COALESCE(ctz.name, ptz.name, 'UTC'))::date
                           AS today
                  FROM res_users u
                  JOIN res_company co ON co.id = u.company_id
             LEFT JOIN resource_calendar cal ON cal.id = co.resource_calendar_id
             LEFT JOIN res_partner cp ON cp.id = co.partner_id
             LEFT JOIN pg_timezone_names ctz ON ctz.name = cal.tz
             LEFT JOIN pg_timezone_names ptz ON ptz.name = cp.tz
                  JOIN res_groups_users_rel gu ON gu.uid = u.id
                  JOIN ir_model_data imd
                    ON imd.model = 'res.groups' AND imd.res_id = gu.gid
                   AND imd.module = 'cs_member' AND imd.name = 'group_cs_agent'
                 WHERE u.active AND NOT u.share
            ),
            done AS (
                SELECT a.user_id,
                       (c.date_done AT TIME ZONE 'UTC' AT TIME ZONE a.tz)::date AS date,
                       COUNT(*) AS done_count
                  FROM cs_callback c
                  JOIN agent a ON a.user_id = c.user_id
                  JOIN res_partner p ON p.id = c.partner_id
                 WHERE c.state = 'done' AND p.cs_is_member
                   AND c.date_done >= a.today - %(days)s
              GROUP BY a.user_id, 2
            )
            SELECT a.user_id * 100000 + (day.date - DATE '2000-01-01') AS id,
                   a.user_id AS user_id,
                   day.date AS date,
                   COALESCE(done.done_count, 0)::integer AS done_count,
                   COALESCE(company.cs_callback_daily_quota, 0) AS quota,
                   COALESCE(done.done_count, 0)
                       >= COALESCE(company.cs_callback_daily_quota, 0) AS quota_met,
                   a.company_id AS company_id
              FROM agent a
              JOIN res_company company ON company.id = a.company_id
        CROSS JOIN LATERAL (
                   SELECT generate_series(
                              (a.today - %(last)s)::timestamp,
                              a.today::timestamp,
                              INTERVAL '1 day'
                          )::date AS date
                   ) day
         LEFT JOIN done ON done.user_id = a.user_id AND done.date = day.date
            """,
            days=QUOTA_DAYS + 1,
            last=QUOTA_DAYS - 1,
        )
