# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import heapq
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from ..models.followers import insert_followers

# the res.partner.write() overrides that do nothing for the assignment's
# fields (or whose checks _assign_in_one_update makes itself)
PARTNER_WRITE_KNOWN = {
    "odoo.addons.base.models.res_partner",
    "odoo.addons.cs_member.models.res_partner",
    "odoo.addons.cs_member.models.cs_protected_mixin",
    "odoo.addons.mail.models.mail_thread",
    "odoo.addons.mail.models.mail_activity_mixin",
    "odoo.addons.snailmail.models.res_partner",
}


class CsMemberDistributionWizard(models.TransientModel):
    """Distribute customers among agents (B1, B2): each agent ends up with a
    number of customers proportional to their capacity, counting the
    customers they already have; each new assignment gives the agent a
    "first contact" activity."""

    _name = "cs.member.distribution.wizard"
    _description = "Distribute Customers to Agents"

    partner_ids = fields.Many2many(
        "res.partner",
        string="Customers",
        default=lambda self: self._default_partner_ids(),
    )
    agent_ids = fields.Many2many(
        "res.users",
        string="Agents",
        required=True,
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("cs_member.group_cs_agent").id),
            ("share", "=", False),
        ],
    )
    reassign = fields.Boolean(
        string="Reassign Customers Who Have an Agent",
        help="Unchecked, customers who already have a responsible agent keep them.",
    )
    count_existing_load = fields.Boolean(
        string="Balance With Current Load",
        default=True,
        help="Count the customers each agent already has when balancing.",
    )
    first_contact_days = fields.Integer(
        string="First Contact Within (days)",
        default=lambda self: self.env.company.cs_first_contact_days,
    )
    preview = fields.Text(compute="_compute_preview")

    def _default_partner_ids(self):
        if self.env.context.get("active_model") == "res.partner":
            return [fields.Command.set(self.env.context.get("active_ids") or [])]
        return []

    @api.depends("partner_ids", "agent_ids", "reassign", "count_existing_load")
    def _compute_preview(self):
        for wizard in self:
            if not wizard.agent_ids or not wizard.partner_ids:
                wizard.preview = False
                continue
            # in a form, the wizard and its lines are new records: plan on the
            # records they stand for
            plan = wizard._compute_plan(wizard._get_partners_to_assign()._origin.ids)
            wizard.preview = "\n".join(
                self.env._(
                    "%(agent)s: +%(count)s",
                    agent=agent.name,
                    count=len(plan[agent.id]),
                )
                for agent in wizard.agent_ids._origin
            )

    def action_distribute(self):
        self.ensure_one()
        self._check_distribution_right()
        if not self.agent_ids:
            raise UserError(self.env._("Choose at least one agent."))
        partners = self._get_partners_to_assign()
        if not partners:
            raise UserError(
                self.env._(
                    "There is no customer to distribute: every selected customer "
                    "already has an agent (tick 'Reassign' to change them)."
                )
            )
        plan = self._compute_plan(partners.ids)
        self._apply_plan(plan)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "%(count)s customers distributed among %(agents)s agents.",
                    count=len(partners),
                    agents=len(self.agent_ids),
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def _get_partners_to_assign(self):
        if self.reassign:
            return self.partner_ids
        # one query, instead of loading every selected customer to test a
        # field; the ids straight from the relation (active_test=False: no
        # record by record test of `active` over 100,000 customers, 13 of the
        # 36 seconds of a profiled distribution), the search leaves the
        # archived ones out as reading partner_ids did
        partner_ids = self.with_context(active_test=False).partner_ids.ids
        return self.env["res.partner"].search(
            [("id", "in", partner_ids), ("cs_agent_id", "=", False)], order="id"
        )

    def _compute_plan(self, partner_ids):
        """Return {agent_id: [partner ids]} balancing load / capacity.

        A heap keyed by the agent's load after one more customer divided by
        capacity: O(n log agents), deterministic (ties go to the earlier agent).
        """
        agents = self.agent_ids._origin.sorted("id")
        if any(agent.cs_capacity < 0 for agent in agents):
            raise UserError(
                self.env._("The customer capacity of an agent cannot be negative.")
            )
        active_agents = agents.filtered(lambda a: a.cs_capacity > 0)
        if not active_agents:
            raise UserError(
                self.env._(
                    "None of the chosen agents has any capacity: set a customer "
                    "capacity above zero on at least one of them."
                )
            )
        load = defaultdict(int)
        if self.count_existing_load:
            domain = [("cs_agent_id", "in", active_agents.ids)]
            if partner_ids:
                domain.append(("id", "not in", partner_ids))
            for agent, count in self.env["res.partner"]._read_group(
                domain, ["cs_agent_id"], ["__count"]
            ):
                load[agent.id] = count
        heap = [
            ((load[a.id] + 1) / a.cs_capacity, index, a.id, a.cs_capacity)
            for index, a in enumerate(active_agents)
        ]
        heapq.heapify(heap)
        plan = {agent.id: [] for agent in agents}
        for partner_id in partner_ids:
            _key, index, agent_id, capacity = heapq.heappop(heap)
            plan[agent_id].append(partner_id)
            load[agent_id] += 1
            heapq.heappush(
                heap, ((load[agent_id] + 1) / capacity, index, agent_id, capacity)
            )
        return plan

    def _apply_plan(self, plan):
        today = self.env.company._cs_today()
        deadline = today + relativedelta(days=max(self.first_contact_days, 1))
        Partner = self.env["res.partner"].with_context(tracking_disable=True)
        if self._can_assign_in_one_update(Partner):
            self._assign_in_one_update(Partner, plan, today)
        else:
            for agent_id, partner_ids in plan.items():
                if partner_ids:
                    Partner.browse(partner_ids).write(
                        {"cs_agent_id": agent_id, "cs_date_assigned": today}
                    )
        self._schedule_first_contacts(plan, deadline)
        return True

    def _can_assign_in_one_update(self, Partner):
        """Whether one UPDATE does what ``write()`` does for the assignment:
        no module but the known ones overrides ``res.partner.write`` (the
        others act on other fields: addresses, archiving, tracking, which the
        wizard disables)."""
        return not any(
            "write" in vars(cls) and cls.__module__ not in PARTNER_WRITE_KNOWN
            for cls in type(Partner).__mro__
            if cls.__module__.startswith("odoo.addons.")
        )

    def _assign_in_one_update(self, Partner, plan, today):
        """Assign the customers with one ``UPDATE … FROM``, with the checks
        and the follow-up of ``write()``: the user's access right and record
        rules, the agent-change rule (``_cs_check_agent_change``) and the
        protected fields' guard, the right to write users when a customer is
        an internal user's contact (``res.partner.write``), then the caches
        and what depends on the agent (``modified``), and the constraints.

        ``write()`` costs one UPDATE per thousand customers plus the
        cache of 100,000 records (6.7 of the 16 SQL seconds of a
        distribution, and 3 of Python); the UPDATE over the plan's arrays
        writes the same columns (agent, date, write_uid, write_date)."""
        vals = {"cs_agent_id": False, "cs_date_assigned": today}
        partner_ids = [pid for pids in plan.values() for pid in pids]
        agent_ids = [aid for aid, pids in plan.items() for _pid in pids]
        partners = Partner.browse(partner_ids)
        partners.check_access("write")
        for agent_id, pids in plan.items():
            if pids:
                Partner.browse(pids)._cs_check_agent_change(agent_id)
        partners._cs_guard_write(vals)
        partners._cs_check_private_data_change(vals)
        # sudo: only whether one of the customers is an internal user's
        # contact, as res.partner.write asks, nothing is read from them
        others = (
            self.env["res.users"]
            .sudo()
            .search([("partner_id", "in", partner_ids), ("id", "!=", self.env.uid)])
        )
        if any(user._is_internal() for user in others):
            self.env["res.users"].check_access("write")
        fnames = list(vals)
        partners.modified(fnames, before=True)
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                UPDATE res_partner partner
                   SET cs_agent_id = new.agent_id, cs_date_assigned = %(today)s,
                       write_uid = %(uid)s, write_date = %(now)s
                  FROM unnest(%(partner_ids)s::int[], %(agent_ids)s::int[])
                       AS new(partner_id, agent_id)
                 WHERE partner.id = new.partner_id
                """,
                today=today,
                uid=self.env.uid,
                now=self.env.cr.now(),
                partner_ids=partner_ids,
                agent_ids=agent_ids,
            )
        )
        partners.invalidate_recordset([*fnames, "write_uid", "write_date"])
        for inverse in self.pool.field_inverses[Partner._fields["cs_agent_id"]]:
            self.env[inverse.model_name].invalidate_model([inverse.name])
        partners.modified(fnames)
        partners._validate_fields(fnames)

    def _schedule_first_contacts(self, plan, deadline):
        """Give each agent a "first contact" activity per newly assigned
        customer, and make the agent follow the customer, as
        ``mail.activity.create`` would (B2).

        Set-based SQL: through the ORM, 100,000 activities and their
        followers cost about 50 of the 66 seconds of a distribution (record
        by record defaults, computed fields written in a second UPDATE,
        followers per batch). The customers were written through the ORM
        just before, so the user's access to them is checked.
        """
        partner_ids = [pid for pids in plan.values() for pid in pids]
        if not partner_ids:
            return
        agent_ids = [aid for aid, pids in plan.items() for _pid in pids]
        activity_type = self.env.ref("cs_member.mail_activity_type_first_contact")
        Activity = self.env["mail.activity"].with_context(
            mail_activity_quick_update=True
        )
        # a reassigned customer's pending first contact moves to the new agent
        Activity.search(
            [
                ("res_model", "=", "res.partner"),
                ("res_id", "in", partner_ids),
                ("activity_type_id", "=", activity_type.id),
            ]
        ).unlink()
        self.env.flush_all()
        now = fields.Datetime.now()
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO mail_activity (
                       res_model_id, res_model, res_id, res_name, activity_type_id,
                       summary, user_id, user_tz, date_deadline, active,
                       create_uid, create_date, write_uid, write_date)
                SELECT %(model_id)s, 'res.partner', partner.id, partner.complete_name,
                       %(type_id)s, %(summary)s, new.user_id, agent.tz,
                       %(deadline)s, TRUE, %(uid)s, %(now)s, %(uid)s, %(now)s
                  FROM unnest(%(partner_ids)s::int[], %(agent_ids)s::int[])
                       AS new(partner_id, user_id)
                  JOIN res_partner partner ON partner.id = new.partner_id
                  JOIN res_users users ON users.id = new.user_id
                  JOIN res_partner agent ON agent.id = users.partner_id
                """,
                model_id=self.env["ir.model"]._get_id("res.partner"),
                type_id=activity_type.id,
                summary=activity_type.summary,
                deadline=deadline,
                uid=self.env.uid,
                now=now,
                partner_ids=partner_ids,
                agent_ids=agent_ids,
            )
        )
        subtype_ids = self.env["mail.message.subtype"]._default_subtypes("res.partner")[
            0
        ]
        agent_partner = {
            agent.id: agent.partner_id.id
            for agent in self.env["res.users"].browse(set(agent_ids))
        }
        insert_followers(
            self.env,
            "res.partner",
            partner_ids,
            [agent_partner[aid] for aid in agent_ids],
            subtype_ids,
        )
        self.env["mail.activity"].invalidate_model()
        self.env["res.partner"].invalidate_model(["activity_ids"])

    def _check_distribution_right(self):
        if not self.env.user.has_group("cs_member.group_cs_supervisor"):
            raise AccessError(
                self.env._(
                    "Only a customer service supervisor can distribute customers."
                )
            )
