# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

from .cs_protected_mixin import workflow_action

_logger = logging.getLogger(__name__)

SUPERSEDABLE_STATES = ("active", "suspended", "expired")
AUDITED_FIELDS = {"level_id", "date_start", "date_end", "fee", "company_id"}


class CsMemberCard(models.Model):
    _name = "cs.member.card"
    _inherit = ["mail.thread", "mail.activity.mixin", "cs.protected.mixin"]
    _description = "Member Card"
    _order = "date_start desc, id desc"
    _rec_name = "number"

    number = fields.Char(
        copy=False,
        index="trigram",
        tracking=True,
        help="Printed on the card. Left empty, it is taken from the sequence.",
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Member",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
    )
    level_id = fields.Many2one(
        "cs.member.level",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
    )
    date_start = fields.Date(
        string="Valid From",
        required=True,
        default=lambda self: self.env.company._cs_today(),
        tracking=True,
    )
    date_end = fields.Date(
        string="Valid Until",
        compute="_compute_date_end",
        store=True,
        precompute=True,
        readonly=False,
        required=True,
        index=True,
        tracking=True,
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("active", "Active"),
            ("expired", "Expired"),
            ("suspended", "Suspended"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    change_type = fields.Selection(
        [("new", "New"), ("renew", "Renewal"), ("upgrade", "Upgrade")],
        string="Issued As",
        default="new",
        required=True,
        readonly=True,
    )
    previous_card_id = fields.Many2one(
        "cs.member.card",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The card this one renews or upgrades; it stays in the history.",
    )
    next_card_ids = fields.One2many(
        "cs.member.card", "previous_card_id", string="Renewed or Upgraded By"
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    fee = fields.Monetary(help="Card fee paid by the member.", tracking=True)
    note = fields.Text()
    date_reminded = fields.Date(
        string="Expiry Reminder Sent On", readonly=True, copy=False
    )
    color = fields.Integer(related="level_id.color")
    loss_reason_id = fields.Many2one(
        "cs.member.loss.reason",
        readonly=True,
        copy=False,
        index="btree_not_null",
        tracking=True,
        ondelete="restrict",
        help="Why the member left: asked when the card is cancelled, recorded "
        "as a lapse when it expires without renewal (D10).",
    )
    loss_note = fields.Text(string="Loss Details", readonly=True, copy=False)
    date_lost = fields.Date(
        string="Lost On",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The company's day the card was cancelled or lapsed.",
    )

    _sql_constraints = [
        (
            "number_company_uniq",
            "unique(number, company_id)",
            "This card number is already used by another member card.",
        ),
        (
            "date_check",
            "CHECK(date_end >= date_start)",
            "A member card cannot end before it starts.",
        ),
        ("fee_positive", "CHECK(fee >= 0)", "The card fee cannot be negative."),
    ]

    def init(self):
        # At most one active card per member, also when two users activate
        # cards of the same member at the same moment.
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS cs_member_card_one_active_idx "
                "ON cs_member_card (partner_id) WHERE state = 'active'"
            )
        )

    @api.depends("date_start", "level_id", "company_id")
    def _compute_date_end(self):
        for card in self:
            if not card.date_start:
                continue
            months = (
                card.level_id._get_validity_months(card.company_id)
                if card.level_id
                else (card.company_id.cs_card_validity_months or 12)
            )
            card.date_end = card.date_start + relativedelta(months=months, days=-1)

    @api.depends("number", "partner_id", "level_id")
    def _compute_display_name(self):
        for card in self:
            number = card.number or self.env._("New")
            card.display_name = (
                f"{number} ({card.level_id.name})" if card.level_id else number
            )

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for card in self:
            if card.date_start and card.date_end and card.date_end < card.date_start:
                raise ValidationError(
                    self.env._(
                        "Card %(number)s cannot end (%(end)s) before it starts "
                        "(%(start)s).",
                        number=card.number or "",
                        end=card.date_end,
                        start=card.date_start,
                    )
                )

    @api.constrains("state", "partner_id")
    def _check_single_active(self):
        self.filtered(lambda c: c.state == "active")._raise_if_other_active()

    @api.constrains("number")
    def _check_number(self):
        for card in self:
            if card.number is not False and not card.number.strip():
                raise ValidationError(self.env._("A card number cannot be blank."))

    def _cs_protected_fields(self):
        return super()._cs_protected_fields() | {
            "change_type",
            "previous_card_id",
            "date_reminded",
            "loss_reason_id",
            "loss_note",
            "date_lost",
        }

    @api.model_create_multi
    def create(self, vals_list):
        sequence = self.env["ir.sequence"]
        for vals in vals_list:
            if not vals.get("number"):
                vals["number"] = sequence.next_by_code("cs.member.card")
        cards = super().create(vals_list)
        cards.filtered(lambda c: c.change_type == "upgrade")._check_upgrade_level()
        return cards

    def write(self, vals):
        if AUDITED_FIELDS & set(vals) and self.filtered(lambda c: c.state != "draft"):
            # changing the level, validity or fee of an issued card is an
            # issuing decision too (B7): agents prepare a renewal or upgrade
            self._check_card_admin()
        if {"partner_id", "number"} & set(vals) and self.filtered(
            lambda c: c.state != "draft"
        ):
            raise UserError(
                self.env._(
                    "The member and the number of an issued card cannot be "
                    "changed. Cancel it and issue a new card instead."
                )
            )
        res = super().write(vals)
        if "level_id" in vals:
            self.filtered(lambda c: c.change_type == "upgrade")._check_upgrade_level()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_issued(self):
        if not self.env.is_superuser() and not self.env.user.has_group(
            "base.group_system"
        ):
            raise UserError(
                self.env._("Member cards are never deleted: cancel the card instead.")
            )

    @workflow_action
    def action_activate(self):
        """Issue the card (supervisor audit, B7). A renewal or upgrade card
        takes over from the card it replaces, which stays in the history."""
        self._check_card_admin()
        for card in self:
            if card.state != "draft":
                raise UserError(
                    self.env._(
                        "Only draft cards can be activated; card %(number)s is "
                        "%(state)s.",
                        number=card.number,
                        state=card._state_label(),
                    )
                )
            if card.date_end < card.company_id._cs_today():
                raise UserError(
                    self.env._(
                        "Card %(number)s ended on %(date)s and cannot be activated.",
                        number=card.number,
                        date=card.date_end,
                    )
                )
        self._supersede_previous()
        self._raise_if_other_active()
        self.write({"state": "active"})
        return True

    @workflow_action
    def action_suspend(self):
        self._check_card_admin()
        self._check_state(
            ("active",), self.env._("Only active cards can be suspended.")
        )
        self.write({"state": "suspended"})
        return True

    @workflow_action
    def action_resume(self):
        self._check_card_admin()
        self._check_state(
            ("suspended",), self.env._("Only suspended cards can be resumed.")
        )
        expired = self.filtered(lambda c: c.date_end < c.company_id._cs_today())
        if expired:
            raise UserError(
                self.env._(
                    "Card %(number)s has expired meanwhile: renew it instead.",
                    number=expired[0].number,
                )
            )
        self._raise_if_other_active()
        self.write({"state": "active"})
        return True

    @workflow_action
    def action_cancel(self, loss_reason_id=None, loss_note=False):
        """Cancel the cards. An issued card is a member lost (D10): without
        ``loss_reason_id`` (a ``cs.member.loss.reason`` id), nothing is
        cancelled and the wizard asking the reason opens instead."""
        self._check_card_admin()
        self._check_state(
            ("draft", "active", "suspended"),
            self.env._("Expired or cancelled cards cannot be cancelled."),
        )
        issued = self.filtered(lambda c: c.state != "draft")
        reason = self.env["cs.member.loss.reason"].browse(loss_reason_id or [])
        if issued and not reason.exists():
            if len(self) > 1:
                raise UserError(
                    self.env._("Cancel issued member cards one by one, with a reason.")
                )
            return self._cs_loss_reason_wizard()
        (self - issued).write({"state": "cancelled"})
        issued._cs_record_loss(reason, loss_note, {"state": "cancelled"})
        return True

    @workflow_action
    def action_record_loss_reason(self, loss_reason_id, loss_note=False):
        """Replace the default reason of a lapsed card by the one the member
        gave (the agent asks it in the activity the expiry cron planned)."""
        reason = self.env["cs.member.loss.reason"].browse(loss_reason_id).exists()
        if not reason:
            raise UserError(self.env._("Choose why the member left."))
        for card in self:
            if card.state != "expired" or not card.date_lost:
                raise UserError(
                    self.env._(
                        "Card %(number)s did not lapse: there is no loss reason to "
                        "record.",
                        number=card.number,
                    )
                )
            card._check_loss_reason_right()
        self.write({"loss_reason_id": reason.id, "loss_note": loss_note})
        self.activity_feedback(["cs_member.mail_activity_type_loss_reason"])
        return True

    def action_open_loss_reason_wizard(self):
        self.ensure_one()
        self._check_loss_reason_right()
        return self._cs_loss_reason_wizard()

    @workflow_action
    def action_renew(self):
        """Prepare the renewal (续卡) of the card: a draft card of the same level
        that starts when this one ends (or today if it already ended)."""
        self.ensure_one()
        self._check_successor_allowed()
        today = self.company_id._cs_today()
        date_start = max(self.date_end + relativedelta(days=1), today)
        new_card = self._create_successor("renew", self.level_id, date_start)
        return new_card._get_form_action()

    @workflow_action
    def action_upgrade(self, level=None):
        """Prepare the upgrade (升级) of the card to ``level`` (default: the next
        higher level). The new card starts today."""
        self.ensure_one()
        self._check_successor_allowed()
        level = (
            level
            or self.level_id.search([]).filtered(
                lambda lvl: lvl._is_higher_than(self.level_id)
            )[:1]
        )
        if not level:
            raise UserError(
                self.env._(
                    "%(level)s is already the highest member level.",
                    level=self.level_id.name,
                )
            )
        new_card = self._create_successor("upgrade", level, self.company_id._cs_today())
        return new_card._get_form_action()

    def action_view_history(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cs_member.cs_member_card_action"
        )
        action["domain"] = [("partner_id", "=", self.partner_id.id)]
        action["context"] = {"default_partner_id": self.partner_id.id}
        return action

    @api.model
    @workflow_action
    def _cron_expire_cards(self, batch_size=1000):
        """Expire the active and suspended cards whose end date has passed,
        on each company's day."""
        domain = [
            ("state", "in", ("active", "suspended")),
            *self.env["res.company"]._cs_today_domain("date_end", "<"),
        ]
        remaining = self.search_count(domain)
        cards = self.search(domain, limit=batch_size, order="id")
        # a renewal or upgrade on its way keeps the member: not a loss
        renewing = cards.filtered(
            lambda c: c.next_card_ids.filtered(lambda n: n.state != "cancelled")
        )
        (cards & renewing).write({"state": "expired"})
        lapsed = cards - renewing
        lapsed._cs_record_loss(
            self.env["cs.member.loss.reason"]._cs_lapse_reason(),
            False,
            {"state": "expired"},
        )
        lapsed._cs_schedule_loss_reason_activity()
        self.env["ir.cron"]._notify_progress(
            done=len(cards), remaining=remaining - len(cards)
        )
        return cards

    @api.model
    @workflow_action
    def _cron_remind_expiring(self, batch_size=200):
        """Send the expiry reminder once per card, ``cs_expiry_reminder_days``
        before the end date (per company), and call the member-care hook."""
        cards = self.browse()
        for company in self.env["res.company"].search([]):
            today = company._cs_today()
            horizon = today + relativedelta(days=company.cs_expiry_reminder_days)
            domain = [
                ("company_id", "=", company.id),
                ("state", "=", "active"),
                ("date_reminded", "=", False),
                ("date_end", ">=", today),
                ("date_end", "<=", horizon),
                # a renewal or upgrade on its way makes the reminder moot; a
                # cancelled one does not
                (
                    "next_card_ids",
                    "not any",
                    [("state", "in", ("draft", "active"))],
                ),
            ]
            cards |= self.search(
                domain, limit=batch_size - len(cards), order="date_end"
            )
            if len(cards) >= batch_size:
                break
        if not cards:
            self.env["ir.cron"]._notify_progress(done=0, remaining=0)
            return cards
        template = self.env.ref(
            "cs_member.mail_template_card_expiry", raise_if_not_found=False
        )
        with_email = cards.filtered(lambda c: c.partner_id.email)
        if template and with_email:
            template.send_mail_batch(with_email.ids)
        cards.write({"date_reminded": today})
        cards._cs_on_expiry_reminder()
        self.env["ir.cron"]._notify_progress(
            done=len(cards), remaining=batch_size if len(cards) >= batch_size else 0
        )
        return cards

    @api.model
    @workflow_action
    def _cron_upgrade_levels(self, batch_size=500):
        """Upgrade active members whose points balance reached a higher level.

        One SQL statement finds the candidates; levels are never lowered
        automatically.
        """
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                SELECT card.id, target.id
                  FROM cs_member_card card
                  JOIN res_partner partner ON partner.id = card.partner_id
                  JOIN cs_member_level current ON current.id = card.level_id
                  JOIN LATERAL (
                        SELECT lvl.id, lvl.sequence, lvl.min_points
                          FROM cs_member_level lvl
                         WHERE lvl.active AND lvl.min_points <= partner.cs_points
                      ORDER BY lvl.sequence DESC, lvl.id DESC
                         LIMIT 1
                       ) target ON TRUE
                 WHERE card.state = 'active'
                   AND (target.sequence, target.min_points)
                       > (current.sequence, current.min_points)
                   AND NOT EXISTS (
                        SELECT 1 FROM cs_member_card nxt
                         WHERE nxt.previous_card_id = card.id
                           AND nxt.state = 'draft')
              ORDER BY card.id
                 LIMIT %s
                """,
                batch_size + 1,
            )
        )
        rows = self.env.cr.fetchall()
        batch, more = rows[:batch_size], len(rows) > batch_size
        levels = self.env["cs.member.level"].browse({row[1] for row in batch})
        levels.fetch(["name"])
        new_cards = self.browse()
        for card_id, level_id in batch:
            card = self.browse(card_id)
            new_cards |= card._create_successor(
                "upgrade", self.env["cs.member.level"].browse(level_id), None
            )
        new_cards.action_activate()
        for card in new_cards:
            card.message_post(
                body=self.env._(
                    "Upgraded automatically to %(level)s: the points balance "
                    "reached %(points)s.",
                    level=card.level_id.name,
                    points=card.partner_id.cs_points,
                ),
                message_type="notification",
            )
        self.env["ir.cron"]._notify_progress(
            done=len(new_cards), remaining=1 if more else 0
        )
        return new_cards

    def _cs_record_loss(self, reason, note, vals):
        """Write ``vals`` and the loss (reason, note, the company's day)."""
        for company in self.company_id:
            self.filtered(lambda c, co=company: c.company_id == co).write(
                dict(
                    vals,
                    loss_reason_id=reason.id if reason else False,
                    loss_note=note or False,
                    date_lost=company._cs_today(),
                )
            )

    def _cs_schedule_loss_reason_activity(self):
        """Ask the member's agent why the card lapsed (one batch insert)."""
        activity_type = self.env.ref(
            "cs_member.mail_activity_type_loss_reason", raise_if_not_found=False
        )
        cards = self.filtered(lambda c: c.partner_id.cs_agent_id)
        if not activity_type or not cards:
            return self.env["mail.activity"]
        model_id = self.env["ir.model"]._get_id(self._name)
        return (
            self.env["mail.activity"]
            .sudo()
            .create(
                [
                    {
                        "res_model_id": model_id,
                        "res_id": card.id,
                        "activity_type_id": activity_type.id,
                        "summary": activity_type.summary,
                        # automated: done by activity_feedback once recorded
                        "automated": True,
                        "user_id": card.partner_id.cs_agent_id.id,
                        "date_deadline": card.date_lost
                        + relativedelta(days=activity_type.delay_count),
                    }
                    for card in cards
                ]
            )
        )

    def _check_loss_reason_right(self):
        """The member's agent or a supervisor records why a member left."""
        self.ensure_one()
        user = self.env.user
        if (
            self.env.su
            or user.has_group("cs_member.group_cs_supervisor")
            or self.partner_id.cs_agent_id == user
        ):
            return
        raise AccessError(
            self.env._(
                "Only the member's agent or a supervisor can record why "
                "%(member)s left.",
                member=self.partner_id.display_name,
            )
        )

    def _cs_loss_reason_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Why Does the Member Leave?"),
            "res_model": "cs.member.card.cancel.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_card_id": self.id},
        }

    def _cs_on_expiry_reminder(self):
        """Hook called with the cards whose expiry reminder was just sent.

        ``cs_callback`` plans an expiry callback here.
        """
        return True

    def _create_successor(self, change_type, level, date_start):
        self.ensure_one()
        vals = {
            "partner_id": self.partner_id.id,
            "level_id": level.id,
            "change_type": change_type,
            "previous_card_id": self.id,
            "company_id": self.company_id.id,
        }
        if date_start:
            vals["date_start"] = date_start
        new_card = self.create(vals)
        self.message_post(
            body=self.env._(
                "%(kind)s prepared: card %(number)s.",
                kind=dict(self._fields["change_type"].selection)[change_type],
                number=new_card.number,
            ),
            message_type="notification",
        )
        return new_card

    def _check_successor_allowed(self):
        self.ensure_one()
        if self.state not in SUPERSEDABLE_STATES:
            raise UserError(
                self.env._(
                    "Only active, suspended or expired cards can be renewed or "
                    "upgraded; card %(number)s is %(state)s.",
                    number=self.number,
                    state=self._state_label(),
                )
            )
        pending = self.next_card_ids.filtered(lambda c: c.state in ("draft", "active"))
        if pending:
            raise UserError(
                self.env._(
                    "Card %(number)s already has a successor: %(next)s.",
                    number=self.number,
                    next=pending[0].number,
                )
            )
        later = self.search_count(
            [
                ("partner_id", "=", self.partner_id.id),
                ("state", "=", "active"),
                ("id", "!=", self.id),
            ]
        )
        if later:
            raise UserError(
                self.env._(
                    "%(member)s already has another active card; renew or "
                    "upgrade that one.",
                    member=self.partner_id.display_name,
                )
            )

    def _check_upgrade_level(self):
        for card in self:
            previous = card.previous_card_id
            if previous and not card.level_id._is_higher_than(previous.level_id):
                raise ValidationError(
                    self.env._(
                        "An upgrade must move to a higher level than %(level)s.",
                        level=previous.level_id.name,
                    )
                )

    def _supersede_previous(self):
        previous = self.previous_card_id.filtered(
            lambda c: c.state in ("active", "suspended")
        )
        for card in previous:
            successor = self.filtered(lambda c, old=card: c.previous_card_id == old)[:1]
            card.write({"state": "expired"})
            card.message_post(
                body=self.env._(
                    "Replaced by card %(number)s.", number=successor.number
                ),
                message_type="notification",
            )

    def _raise_if_other_active(self):
        if not self:
            return
        for partner in self.partner_id:
            mine = self.filtered(lambda c, p=partner: c.partner_id == p)
            if len(mine) > 1:
                # checked before the database, whose unique index would only
                # give a technical error
                raise ValidationError(
                    self.env._(
                        "Cards %(numbers)s cannot be active together: a member "
                        "(%(member)s) has exactly one active card.",
                        numbers=", ".join(mine.mapped("number")),
                        member=partner.display_name,
                    )
                )
        # sudo: the rule is global to the member, whoever can see the other card
        groups = self.sudo()._read_group(
            [
                ("partner_id", "in", self.partner_id.ids),
                ("state", "=", "active"),
                ("id", "not in", self.ids),
            ],
            ["partner_id"],
            ["id:recordset"],
        )
        for partner, others in groups:
            raise ValidationError(
                self.env._(
                    "%(member)s already has an active member card "
                    "(%(number)s). A member has exactly one active card: "
                    "renew, upgrade or cancel the current one.",
                    member=partner.display_name,
                    number=others[0].number,
                )
            )

    def _check_state(self, allowed, message):
        if any(card.state not in allowed for card in self):
            raise UserError(message)

    def _check_card_admin(self):
        """Issuing, suspending and cancelling cards is audited by a supervisor
        (REQUIREMENTS B7)."""
        if self.env.su or self.env.user.has_group("cs_member.group_cs_supervisor"):
            return
        raise AccessError(
            self.env._(
                "Only a customer service supervisor can issue, suspend, resume "
                "or cancel member cards."
            )
        )

    def _state_label(self):
        self.ensure_one()
        return dict(self._fields["state"]._description_selection(self.env))[self.state]

    def _get_form_action(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "current",
        }
