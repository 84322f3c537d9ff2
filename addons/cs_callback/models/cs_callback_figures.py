# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, models
from odoo.tools import SQL

from odoo.addons.cs_member.reporting import rate

from . import figures_store

SATISFACTIONS = ("satisfied", "average", "unsatisfied")
COVERAGE_KEYS = {
    None: SQL("NULL::integer"),
    "agent": SQL("agent_id"),
    "level": SQL("level_id"),
}
CALLBACK_KEYS = {None: SQL("NULL::integer"), "user": SQL("user_id")}
# the same keys in the callbacks' day figures (figures_store), no agent is 0
DAY_KEYS = {None: SQL("NULL::integer"), "user": SQL("NULLIF(user_id, 0)")}
# the end of a period of a ``periods`` relation, as a UTC timestamp
PERIOD_STOP = SQL(
    "((period.date_to + 1)::timestamp AT TIME ZONE period.tz AT TIME ZONE 'UTC')"
)
# the callbacks whose satisfaction and score count, in every report: the done
# ones (as the SQL of _cs_callbacks), for the reports that read with domains
ANSWERED_DOMAIN = [("state", "=", "done"), ("satisfaction", "!=", False)]
SCORED_DOMAIN = [("state", "=", "done"), ("score", ">=", 1), ("score", "<=", 5)]


class CsCallbackFigures(models.AbstractModel):
    """The callback figures of a period, each defined here and only here: the
    assessment indicators (cs_kpi), the monthly service report and the
    coverage report read them from these methods.

    - **Member coverage** (C4, 100 % of the members are called back): the
      members with a card of the company valid during the period; a member is
      covered when a callback of the company was completed within their
      level's callback interval, counted back from the period's last day. The
      coverage report is the same figure with the period ``today``.
    - **Callbacks made**: done or failed in the period (by ``date_done``);
      reached, satisfaction and the average score (1-5) count the done ones.

    Days are the company's (its working schedule's time zone). The figures
    are read with SQL, without record rules: they are the department's
    figures, and the reports that show them check the reader's right. The
    callbacks made are summed from their day figures, and the coverage
    starts from each member's last done callback, both kept by triggers as
    the callbacks change (``figures_store``)."""

    _name = "cs.callback.figures"
    _description = "Callback Figures"

    # ------------------------------------------------------------------
    # member coverage
    # ------------------------------------------------------------------

    @api.model
    def _coverage_members_sql(self, periods):
        """One row per member and company period of ``periods`` (a relation
        with ``company_id``, ``tz``, ``date_from``, ``date_to``): the card
        (``card_id``), ``partner_id``, ``agent_id``, ``level_id``,
        ``company_id``, the last completed callback up to the period's end
        (``date_last_done``), the period's last day (``day``) and
        ``is_covered``."""
        return SQL(
            """
            SELECT card.id AS card_id,
                   card.partner_id,
                   p.cs_agent_id AS agent_id,
                   card.level_id,
                   period.company_id,
                   period.tz,
                   period.date_to AS day,
                   last.date_done AS date_last_done,
                   COALESCE(
                       (last.date_done AT TIME ZONE 'UTC' AT TIME ZONE period.tz)::date
                           >= period.date_to - lvl.callback_interval_days,
                       FALSE
                   ) AS is_covered
              FROM %s period
        CROSS JOIN LATERAL (
                   -- the member's latest card valid during the period
                   SELECT DISTINCT ON (k.partner_id) k.id, k.partner_id, k.level_id
                     FROM cs_member_card k
                    WHERE k.company_id = period.company_id
                      AND k.state IN ('active', 'expired')
                      AND k.date_start <= period.date_to
                      AND (k.date_end IS NULL OR k.date_end >= period.date_from)
                    ORDER BY k.partner_id, k.date_start DESC, k.id DESC
                   ) card
              JOIN res_partner p ON p.id = card.partner_id AND p.active
         LEFT JOIN cs_member_level lvl ON lvl.id = card.level_id
         LEFT JOIN cs_callback_last_done known
                ON known.company_id = period.company_id
               AND known.partner_id = card.partner_id
        CROSS JOIN LATERAL (
                   -- the member's last done callback (figures_store), read
                   -- from the callbacks only when it is after the period
                   SELECT CASE
                          WHEN known.date_done IS NULL THEN NULL
                          WHEN known.date_done < %s THEN known.date_done
                          ELSE (SELECT max(c.date_done)
                                  FROM cs_callback c
                                 WHERE c.partner_id = card.partner_id
                                   AND c.state = 'done'
                                   AND c.company_id = period.company_id
                                   AND c.date_done < %s)
                          END AS date_done
                   ) last
            """,
            periods,
            PERIOD_STOP,
            PERIOD_STOP,
        )

    @api.model
    def _cs_coverage(self, company, date_from, date_to, groupby=None):
        """Member coverage of ``company`` from ``date_from`` to ``date_to``
        (dates, inclusive), grouped by ``groupby`` (None, ``"agent"``: the
        member's agent, ``"level"``: the card's level):
        ``{key: {"members", "covered", "uncovered", "rate"}}``, key None
        without grouping. One query."""
        company.ensure_one()
        self._cs_flush()
        period = SQL(
            "(SELECT %s::integer AS company_id, %s::varchar AS tz, "
            "%s::date AS date_from, %s::date AS date_to)",
            company.id,
            company._cs_tz().zone,
            date_from,
            date_to,
        )
        rows = self.env.execute_query(
            SQL(
                """
                SELECT %s, count(*), count(*) FILTER (WHERE is_covered)
                  FROM (%s) coverage
                 GROUP BY 1
                """,
                COVERAGE_KEYS[groupby],
                self._coverage_members_sql(period),
            )
        )
        result = {
            key: {
                "members": members,
                "covered": covered,
                "uncovered": members - covered,
                "rate": rate(covered, members),
                "exact": 100.0 * covered / members,
            }
            for key, members, covered in rows
        }
        if groupby is None and not result:
            result[None] = {
                "members": 0,
                "covered": 0,
                "uncovered": 0,
                "rate": None,
                "exact": None,
            }
        return result

    # ------------------------------------------------------------------
    # callbacks made
    # ------------------------------------------------------------------

    @api.model
    def _cs_callbacks(self, company, date_from, date_to, groupby=None, kind=None):
        """The callbacks of ``company`` completed (done or failed) from
        ``date_from`` to ``date_to``, grouped by ``groupby`` (None or
        ``"user"``: the agent), only those of ``kind`` when given (e.g.
        ``"after_service"``): ``{key: {"done", "failed", "made",
        "reached", "reach_rate", "satisfaction": {code: count}, "answered",
        "scored", "average_score", "exact_score"}}``. One query."""
        company.ensure_one()
        self._cs_flush()
        kind_sql = SQL("kind = %s", kind) if kind else SQL("TRUE")
        if self._cs_days_usable(company, date_from, date_to):
            # the day figures kept by the triggers: a few rows per agent and
            # day instead of every callback of the period
            query = SQL(
                """
                SELECT %(key)s, sum(done), sum(failed), sum(reached),
                       sum(satisfied), sum(average), sum(unsatisfied),
                       sum(scored), sum(score_total)::bigint
                  FROM cs_callback_day
                 WHERE company_id = %(company)s AND tz = %(tz)s
                   AND day >= %(date_from)s AND day <= %(date_to)s
                   AND %(kind)s
                 GROUP BY 1
                HAVING sum(done) + sum(failed) > 0
                """,
                key=DAY_KEYS[groupby],
                kind=kind_sql,
                company=company.id,
                tz=company._cs_tz().zone,
                date_from=date_from,
                date_to=date_to,
            )
        else:
            start, stop = company._cs_utc_bounds(date_from, date_to)
            query = SQL(
                """
                SELECT %(key)s,
                       count(*) FILTER (WHERE state = 'done'),
                       count(*) FILTER (WHERE state = 'failed'),
                       count(*) FILTER (WHERE state = 'done' AND outcome = 'reached'),
                       count(*) FILTER (WHERE state = 'done'
                                          AND satisfaction = 'satisfied'),
                       count(*) FILTER (WHERE state = 'done'
                                          AND satisfaction = 'average'),
                       count(*) FILTER (WHERE state = 'done'
                                          AND satisfaction = 'unsatisfied'),
                       count(*) FILTER (WHERE state = 'done'
                                          AND score BETWEEN 1 AND 5),
                       sum(score) FILTER (WHERE state = 'done'
                                            AND score BETWEEN 1 AND 5)
                  FROM cs_callback
                 WHERE company_id = %(company)s
                   AND state IN ('done', 'failed')
                   AND date_done >= %(start)s AND date_done < %(stop)s
                   AND %(kind)s
                 GROUP BY 1
                """,
                key=CALLBACK_KEYS[groupby],
                kind=kind_sql,
                company=company.id,
                start=start,
                stop=stop,
            )
        rows = self.env.execute_query(query)
        result = {
            key: self._cs_callback_line(
                done, failed, reached, (satisfied, average, unsatisfied), scored, total
            )
            for (
                key,
                done,
                failed,
                reached,
                satisfied,
                average,
                unsatisfied,
                scored,
                total,
            ) in rows
        }
        if groupby is None and not result:
            result[None] = self._cs_callback_line(0, 0, 0, (0, 0, 0), 0, None)
        return result

    @api.model
    def _cs_days_usable(self, company, date_from, date_to):
        """Whether the day figures of ``company`` (figures_store) give the
        callbacks made from ``date_from`` to ``date_to`` exactly: their days
        are the company's time zone's. After a change of the zone, the
        company's day figures are built again first (on a read-only cursor
        the callbacks are read instead)."""
        tz = company._cs_tz().zone
        [[zone, stale]] = self.env.execute_query(
            SQL(
                """
                SELECT cs_callback_company_tz(%(company)s),
                       EXISTS(SELECT 1 FROM cs_callback_day
                               WHERE company_id = %(company)s
                                 AND day >= %(date_from)s AND day <= %(date_to)s
                                 AND tz != %(tz)s)
                """,
                company=company.id,
                tz=tz,
                # a day of another zone is up to 26 hours away
                date_from=date_from - timedelta(days=2),
                date_to=date_to + timedelta(days=2),
            )
        )
        if zone != tz:
            # the zone is not the one the triggers see (a module changed
            # _cs_tz): the callbacks themselves give the figures
            return False
        if stale:
            if self.env.cr.readonly:
                return False
            figures_store.rebuild(self.env.cr, [company.id])
        return True

    @api.model
    def _cs_callback_line(self, done, failed, reached, satisfaction, scored, total):
        exact = total / scored if scored else None
        return {
            "done": done,
            "failed": failed,
            "made": done + failed,
            "reached": reached,
            "reach_rate": rate(reached, done + failed),
            "satisfaction": dict(zip(SATISFACTIONS, satisfaction, strict=True)),
            "answered": sum(satisfaction),
            "scored": scored,
            "exact_score": exact,
            "average_score": round(exact, 2) if exact is not None else None,
        }

    @api.model
    def _cs_callbacks_missed(self, company, date_from, date_to):
        """Callbacks of ``company`` due from ``date_from`` to ``date_to`` that
        were not made by the end of the period."""
        company.ensure_one()
        self._cs_flush()
        __, stop = company._cs_utc_bounds(date_from, date_to)
        [[missed]] = self.env.execute_query(
            SQL(
                """
                SELECT count(*) FROM cs_callback
                 WHERE company_id = %s
                   AND date_deadline >= %s AND date_deadline <= %s
                   AND (state = 'todo'
                        OR (state IN ('done', 'failed') AND date_done >= %s))
                """,
                company.id,
                date_from,
                date_to,
                stop,
            )
        )
        return missed

    @api.model
    def _cs_flush(self):
        """The figures are read with SQL: write the pending changes first."""
        # the company's time zone of the day figures (cs_callback_company_tz)
        self.env["res.company"].flush_model(["resource_calendar_id", "partner_id"])
        self.env["resource.calendar"].flush_model(["tz"])
        self.env["res.partner"].flush_model(["tz", "active", "cs_agent_id"])
        self.env["cs.member.level"].flush_model(["callback_interval_days"])
        self.env["cs.member.card"].flush_model(
            ["partner_id", "company_id", "level_id", "state", "date_start", "date_end"]
        )
        self.env["cs.callback"].flush_model(
            [
                "partner_id",
                "company_id",
                "user_id",
                "kind",
                "state",
                "outcome",
                "satisfaction",
                "score",
                "date_done",
                "date_deadline",
            ]
        )
