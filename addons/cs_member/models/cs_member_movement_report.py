# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools
from odoo.tools import SQL

from ..reporting import rate

MOVEMENT_KINDS = ("new", "renew", "upgrade", "lost", "due", "due_renewed")
GROUPBY_FIELDS = {None: None, "level": "level_id", "agent": "user_id"}
# the states of a card that was issued: a cancelled card was issued when it
# records a loss (a cancelled draft never was)
ISSUED = SQL(
    "(card.state IN ('active', 'suspended', 'expired') "
    "OR (card.state = 'cancelled' AND card.date_lost IS NOT NULL))"
)


class CsMemberMovementReport(models.Model):
    """Member movements (客户增减分析表, D10): one row per card event, dated on
    the company's day (card dates are company days): issued as new, renewal
    or upgrade; lost (cancelled or lapsed, with its reason); due to expire,
    and renewed when due. The pivot reads it, and :meth:`_cs_movements` is
    the one owner of the figures (PDF, XLSX and the renewal-rate indicator)."""

    _name = "cs.member.movement.report"
    _description = "Member Movements"
    _auto = False
    _order = "date desc, id desc"
    _rec_name = "card_id"

    card_id = fields.Many2one("cs.member.card", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Member", readonly=True)
    kind = fields.Selection(
        [
            ("new", "New"),
            ("renew", "Renewed"),
            ("upgrade", "Upgraded"),
            ("lost", "Lost"),
            ("due", "Due to Expire"),
            ("due_renewed", "Renewed When Due"),
        ],
        string="Movement",
        readonly=True,
    )
    date = fields.Date(readonly=True)
    level_id = fields.Many2one("cs.member.level", readonly=True)
    user_id = fields.Many2one("res.users", string="Agent", readonly=True)
    loss_reason_id = fields.Many2one("cs.member.loss.reason", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE VIEW %s AS (
                  WITH issued AS NOT MATERIALIZED (
                    SELECT card.id, card.partner_id, card.level_id,
                           card.company_id, card.date_start, card.date_end,
                           card.change_type, card.loss_reason_id,
                           card.date_lost, partner.cs_agent_id AS user_id
                      FROM cs_member_card card
                      JOIN res_partner partner ON partner.id = card.partner_id
                     WHERE %s
                  )
                  SELECT id * 4 AS id, id AS card_id, partner_id, level_id,
                         company_id, user_id, change_type AS kind,
                         date_start AS date, NULL::integer AS loss_reason_id
                    FROM issued
                  UNION ALL
                  SELECT id * 4 + 1, id, partner_id, level_id, company_id,
                         user_id, 'lost', date_lost, loss_reason_id
                    FROM issued
                   WHERE date_lost IS NOT NULL
                  UNION ALL
                  SELECT id * 4 + 2, id, partner_id, level_id, company_id,
                         user_id, 'due', date_end, NULL
                    FROM issued
                  UNION ALL
                  SELECT issued.id * 4 + 3, issued.id, issued.partner_id,
                         issued.level_id, issued.company_id, issued.user_id,
                         'due_renewed', issued.date_end, NULL
                    FROM issued
                   WHERE EXISTS (
                          SELECT 1 FROM cs_member_card card
                           WHERE card.previous_card_id = issued.id AND %s)
                )
                """,
                SQL.identifier(self._table),
                ISSUED,
                ISSUED,
            )
        )

    @api.model
    def _cs_movements(self, company, date_from, date_to, groupby=None):
        """The member movements of ``company`` from ``date_from`` to
        ``date_to`` (the company's days, inclusive), grouped by ``groupby``
        (None, ``"level"``: the card's level, ``"agent"``: the member's
        agent): ``{key: {kind: count, ..., "renewal_rate", "exact_rate"}}``
        with the kinds of :data:`MOVEMENT_KINDS`; key False for no level or
        agent, None without grouping. The renewal rate (续卡率) is the cards
        due to expire in the period that were renewed or upgraded, over the
        cards due. One grouped query."""
        company.ensure_one()
        # the view reads the cards and their members: write pending changes
        self.env.flush_all()
        field = GROUPBY_FIELDS[groupby]
        groups = self._read_group(
            self._cs_domain(company, date_from, date_to),
            [field, "kind"] if field else ["kind"],
            ["__count"],
        )
        result = {}
        for group in groups:
            key, kind, count = group if field else (None, *group)
            key = key.id if field else None
            line = result.setdefault(key, dict.fromkeys(MOVEMENT_KINDS, 0))
            line[kind] = count
        if groupby is None and not result:
            result[None] = dict.fromkeys(MOVEMENT_KINDS, 0)
        for line in result.values():
            line["renewal_rate"] = rate(line["due_renewed"], line["due"])
            line["exact_rate"] = (
                100.0 * line["due_renewed"] / line["due"] if line["due"] else None
            )
        return result

    @api.model
    def _cs_loss_reasons(self, company, date_from, date_to, groupby=None):
        """``{key: {loss reason: count}}`` of the members lost in the period,
        keys as in :meth:`_cs_movements`. One grouped query."""
        company.ensure_one()
        self.env.flush_all()
        field = GROUPBY_FIELDS[groupby]
        groups = self._read_group(
            [
                *self._cs_domain(company, date_from, date_to),
                ("kind", "=", "lost"),
            ],
            [field, "loss_reason_id"] if field else ["loss_reason_id"],
            ["__count"],
        )
        result = {}
        for group in groups:
            key, reason, count = group if field else (None, *group)
            result.setdefault(key.id if field else None, {})[reason] = count
        return result

    @api.model
    def _cs_domain(self, company, date_from, date_to):
        return [
            ("company_id", "=", company.id),
            ("date", ">=", date_from),
            ("date", "<=", date_to),
        ]
