# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import calendar

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.tools import SQL

from .cs_member_change_request import CHANGE_FIELDS
from .cs_protected_mixin import protected_writes_allowed

CS_GROUPS = "cs_member.group_cs_agent"

# fields that only the customer-service department may set (A3); Odoo checks
# field groups on read and write but not on create
CS_PRIVATE_FIELDS = {
    "cs_birthday",
    "cs_id_number",
    "cs_preferences",
    "cs_grade",
    "cs_points",
    "cs_contact_window",
    "cs_contact_hour_from",
    "cs_contact_hour_to",
}

GRADE_SELECTION = [
    ("key", "Key Account"),
    ("important", "Important"),
    ("normal", "Normal"),
    ("potential", "Potential"),
]

CONTACT_WINDOWS = {
    "any": (0.0, 24.0),
    "morning": (9.0, 12.0),
    "noon": (12.0, 14.0),
    "afternoon": (14.0, 18.0),
    "evening": (18.0, 21.0),
}


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "cs.protected.mixin"]

    cs_card_ids = fields.One2many(
        "cs.member.card", "partner_id", string="Member Cards", groups=CS_GROUPS
    )
    cs_points_ids = fields.One2many(
        "cs.member.points", "partner_id", string="Points Ledger", groups=CS_GROUPS
    )
    cs_card_id = fields.Many2one(
        "cs.member.card",
        string="Member Card",
        compute="_compute_cs_card_id",
        store=True,
        index="btree_not_null",
        groups=CS_GROUPS,
        help="The member's current active card.",
    )
    cs_is_member = fields.Boolean(
        string="Is a Member", compute="_compute_cs_card_id", store=True, index=True
    )
    cs_level_id = fields.Many2one(
        "cs.member.level",
        string="Member Level",
        related="cs_card_id.level_id",
        store=True,
        index="btree_not_null",
        groups=CS_GROUPS,
    )
    cs_card_date_end = fields.Date(
        string="Card Valid Until",
        related="cs_card_id.date_end",
        store=True,
        index="btree_not_null",
        groups=CS_GROUPS,
    )
    cs_points = fields.Integer(
        string="Points",
        readonly=True,
        copy=False,
        groups=CS_GROUPS,
        help="Points balance: the sum of the member's points ledger.",
    )
    cs_grade = fields.Selection(
        GRADE_SELECTION,
        string="Customer Grade",
        index=True,
        tracking=True,
        groups=CS_GROUPS,
        help="Value grading (客户等级分类): key accounts (大客户) are managed by the "
        "customer-service manager personally.",
    )
    cs_agent_id = fields.Many2one(
        "res.users",
        string="Responsible Agent",
        index="btree_not_null",
        tracking=True,
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("cs_member.group_cs_agent").id)
        ],
    )
    cs_date_assigned = fields.Date(
        string="Assigned On", readonly=True, copy=False, groups=CS_GROUPS
    )
    cs_birthday = fields.Date(string="Birthday", groups=CS_GROUPS)
    cs_birthday_month = fields.Integer(
        compute="_compute_cs_birthday_parts", store=True, index=True, groups=CS_GROUPS
    )
    cs_birthday_day = fields.Integer(
        compute="_compute_cs_birthday_parts", store=True, groups=CS_GROUPS
    )
    cs_birthday_greeted_year = fields.Integer(
        readonly=True, copy=False, groups=CS_GROUPS
    )
    cs_id_number = fields.Char(string="ID Number", copy=False, groups=CS_GROUPS)
    cs_preferences = fields.Text(string="Preferences", groups=CS_GROUPS)
    cs_contact_window = fields.Selection(
        [
            ("any", "Any time"),
            ("morning", "Morning (09:00-12:00)"),
            ("noon", "Noon (12:00-14:00)"),
            ("afternoon", "Afternoon (14:00-18:00)"),
            ("evening", "Evening (18:00-21:00)"),
            ("custom", "Custom hours"),
        ],
        string="Preferred Contact Time",
        default="any",
        groups=CS_GROUPS,
    )
    cs_contact_hour_from = fields.Float(string="Contact From", groups=CS_GROUPS)
    cs_contact_hour_to = fields.Float(string="Contact To", groups=CS_GROUPS)
    cs_do_not_call = fields.Boolean(
        string="Do Not Call",
        index=True,
        tracking=True,
        help="The customer asked not to be called: no callback is planned for them.",
    )

    def _cs_protected_fields(self):
        # the membership follows from the cards, the balance from the points
        # ledger: neither is typed
        return super()._cs_protected_fields() | {
            "cs_points",
            "cs_card_id",
            "cs_is_member",
            "cs_level_id",
            "cs_card_date_end",
        }

    @api.depends("cs_card_ids.state")
    def _compute_cs_card_id(self):
        for partner in self:
            cards = partner.sudo().cs_card_ids
            card = cards.filtered(lambda c: c.state == "active")[:1]
            partner.cs_card_id = card
            partner.cs_is_member = bool(card)

    @api.depends("cs_birthday")
    def _compute_cs_birthday_parts(self):
        for partner in self:
            birthday = partner.cs_birthday
            partner.cs_birthday_month = birthday.month if birthday else 0
            partner.cs_birthday_day = birthday.day if birthday else 0

    @api.constrains("cs_contact_window", "cs_contact_hour_from", "cs_contact_hour_to")
    def _check_cs_contact_hours(self):
        for partner in self.filtered(lambda p: p.cs_contact_window == "custom"):
            start, end = partner.cs_contact_hour_from, partner.cs_contact_hour_to
            if not (0.0 <= start < end <= 24.0):
                raise ValidationError(
                    self.env._(
                        "The preferred contact hours of %(partner)s must be a "
                        "period within the day (from before to).",
                        partner=partner.display_name,
                    )
                )

    @api.constrains("cs_birthday")
    def _check_cs_birthday(self):
        today = self.env.company._cs_today()
        if any(p.cs_birthday and p.cs_birthday > today for p in self):
            raise ValidationError(self.env._("A birthday cannot be in the future."))

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and not self.env.user.has_group(CS_GROUPS):
            for vals in vals_list:
                forbidden = CS_PRIVATE_FIELDS.intersection(
                    fname for fname, value in vals.items() if value
                )
                if forbidden:
                    raise AccessError(
                        self.env._(
                            "Only the customer service department may set "
                            "%(fields)s on a contact.",
                            fields=", ".join(sorted(forbidden)),
                        )
                    )
        partners = super().create(vals_list)
        partners.filtered(lambda p: p.cs_grade == "key")._cs_ensure_visit_plan()
        return partners

    def write(self, vals):
        if "cs_agent_id" in vals:
            self._cs_check_agent_change(vals["cs_agent_id"])
        self._cs_check_private_data_change(vals)
        res = super().write(vals)
        if vals.get("cs_grade") == "key":
            self._cs_ensure_visit_plan()
        return res

    def _cs_ensure_visit_plan(self):
        """A key account (B4) is managed personally by the manager: it gets a
        visit plan (H4) owned by the company's key account manager."""
        Plan = self.env["cs.member.visit.plan"].sudo().with_context(active_test=False)
        # sudo: the plan follows from the grade, whoever grades the customer;
        # its owner is the manager, not the user
        company = self.env.company
        existing = Plan.search(
            [("partner_id", "in", self.ids), ("company_id", "=", company.id)]
        ).partner_id
        owner = (
            company.cs_key_account_manager_id
            or self.env.ref("cs_member.group_cs_manager").users.filtered(
                lambda u: not u.share and not u._is_superuser()
            )[:1]
        )
        partners = self.filtered(lambda p: p.cs_grade == "key") - existing
        if not owner or not partners:
            return Plan
        plans = Plan.create(
            [
                {
                    "partner_id": partner.id,
                    "user_id": owner.id,
                    "company_id": company.id,
                }
                for partner in partners
            ]
        )
        for plan in plans:
            plan.message_post(
                body=self.env._("Key account: visit plan set up for its manager."),
                message_type="notification",
            )
        return plans

    def _cs_check_private_data_change(self, vals):
        """An agent changes a customer's private data (A3) only through a
        change request approved by a supervisor; supervisors and managers
        write it directly. Unchanged values pass (the web client sends them
        back)."""
        fnames = set(CHANGE_FIELDS) & set(vals)
        if not fnames or protected_writes_allowed(self.env):
            return
        user = self.env.user
        if not user.has_group(CS_GROUPS) or user.has_group(
            "cs_member.group_cs_supervisor"
        ):
            return
        for partner in self.filtered(lambda p: p.cs_agent_id or p.cs_is_member):
            for fname in fnames:
                field = self._fields[fname]
                new = field.convert_to_cache(vals[fname], partner, validate=False)
                old = field.convert_to_cache(partner[fname], partner, validate=False)
                if (new or False) != (old or False):
                    raise AccessError(
                        self.env._(
                            "The data of %(customer)s changes through a change "
                            "request approved by a supervisor: use Request "
                            "Change.",
                            customer=partner.display_name,
                        )
                    )

    def action_cs_request_change(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Request Change"),
            "res_model": "cs.member.change.request",
            "view_mode": "form",
            "target": "current",
            "context": {"default_partner_id": self.id},
        }

    def _cs_check_agent_change(self, agent_id):
        """Customers are assigned by supervisors (B1). An agent may only claim
        customers who have no responsible agent yet."""
        if self.env.su or self.env.user.has_group("cs_member.group_cs_supervisor"):
            return
        claiming = agent_id == self.env.uid and not any(
            partner.cs_agent_id and partner.cs_agent_id.id != self.env.uid
            for partner in self
        )
        if not claiming:
            raise AccessError(
                self.env._(
                    "Only a customer service supervisor can change the "
                    "responsible agent of a customer; you may only take "
                    "customers who have none."
                )
            )

    def _cs_get_contact_hours(self):
        """Return the (from, to) hours, local time, when the customer may be
        called. Used by callback scheduling."""
        self.ensure_one()
        if self.cs_contact_window == "custom":
            return self.cs_contact_hour_from, self.cs_contact_hour_to
        return CONTACT_WINDOWS.get(self.cs_contact_window or "any", (0.0, 24.0))

    def _cs_recompute_points(self):
        """Recompute the points balance from the ledger in one SQL statement.

        Called on ``self`` (the members whose ledger changed), or on an empty
        recordset to recompute every partner that has or had points.
        """
        self.env["cs.member.points"].flush_model()
        if self:
            # only these members' ledger lines are summed, not the whole ledger
            ids = tuple(self.ids)
            where, ledger_where = SQL("p.id IN %s", ids), SQL("partner_id IN %s", ids)
        else:
            where = ledger_where = SQL("TRUE")
        self.env.cr.execute(
            SQL(
                """
                UPDATE res_partner p
                   SET cs_points = COALESCE(ledger.total, 0)
                  FROM res_partner p2
             LEFT JOIN (SELECT partner_id, SUM(points) AS total
                          FROM cs_member_points
                         WHERE %s
                      GROUP BY partner_id) ledger ON ledger.partner_id = p2.id
                 WHERE p.id = p2.id AND %s
                   AND (p.cs_points IS DISTINCT FROM COALESCE(ledger.total, 0))
                """,
                ledger_where,
                where,
            )
        )
        updated = self.env.cr.rowcount
        self.invalidate_model(["cs_points"])
        return updated

    @api.model
    def _cron_birthday_greetings(self, batch_size=200):
        """Greet members on their birthday, once a year (B5). Members born on
        29 February are greeted on 28 February in common years. The day is
        the company's (its working schedule's time zone)."""
        today = self.env.company._cs_today()
        days = [today.day]
        last_day = calendar.monthrange(today.year, today.month)[1]
        if today.month == 2 and today.day == last_day == 28:
            days.append(29)
        domain = [
            ("cs_is_member", "=", True),
            ("cs_birthday_month", "=", today.month),
            ("cs_birthday_day", "in", days),
            "|",
            ("cs_birthday_greeted_year", "=", False),
            ("cs_birthday_greeted_year", "<", today.year),
        ]
        remaining = self.search_count(domain)
        partners = self.search(domain, limit=batch_size, order="id")
        template = self.env.ref(
            "cs_member.mail_template_birthday", raise_if_not_found=False
        )
        with_email = partners.filtered("email")
        if template and with_email:
            template.send_mail_batch(with_email.ids)
        partners.write({"cs_birthday_greeted_year": today.year})
        partners._cs_on_birthday()
        self.env["ir.cron"]._notify_progress(
            done=len(partners), remaining=remaining - len(partners)
        )
        return partners

    def _cs_on_birthday(self):
        """Hook called with the members greeted today.

        ``cs_callback`` plans an occasion callback here.
        """
        return True

    def action_cs_view_cards(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cs_member.cs_member_card_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

    def action_cs_view_points(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cs_member.cs_member_points_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

    @api.model
    def _cs_find_by_phone(self, digits, limit=2):
        """Customers whose phone or mobile ends with these digits, spaces,
        dashes and country prefixes ignored."""
        self.env["res.partner"].flush_model(["phone", "mobile", "active"])
        rows = self.env.execute_query(
            SQL(
                """
                SELECT id FROM res_partner
                 WHERE active
                   AND (
                       regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g')
                           LIKE %(pattern)s
                       OR regexp_replace(coalesce(mobile, ''), '[^0-9]', '', 'g')
                           LIKE %(pattern)s
                   )
                 ORDER BY id
                 LIMIT %(limit)s
                """,
                pattern=f"%{digits}",
                limit=limit,
            )
        )
        return self.browse([row[0] for row in rows])._filtered_access("read")
