# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from odoo.addons.cs_member.models.cs_protected_mixin import allow_protected_writes


class CsSatisfactionRun(models.Model):
    """One month of a satisfaction survey plan: the members sampled, their
    invitations (e-mail) and callbacks (phone), and, once the month is over,
    the improvement actions of its low-scoring questions. Made by the
    scheduled action only, once per plan and month."""

    _name = "cs.satisfaction.run"
    _description = "Monthly Satisfaction Survey"
    _order = "date_month desc, id desc"
    _rec_name = "date_month"

    plan_id = fields.Many2one(
        "cs.satisfaction.plan", required=True, readonly=True, ondelete="restrict"
    )
    survey_id = fields.Many2one(related="plan_id.survey_id")
    date_month = fields.Date(
        string="Month",
        required=True,
        readonly=True,
        index=True,
        help="First day of the company's month.",
    )
    company_id = fields.Many2one("res.company", required=True, readonly=True)
    user_input_ids = fields.One2many(
        "survey.user_input", "cs_satisfaction_run_id", string="Answers"
    )
    invited_count = fields.Integer(compute="_compute_counts")
    email_count = fields.Integer(string="By E-mail", compute="_compute_counts")
    sms_count = fields.Integer(string="By SMS", compute="_compute_counts")
    phone_count = fields.Integer(string="By Phone", compute="_compute_counts")
    done_count = fields.Integer(string="Answered", compute="_compute_counts")
    date_evaluated = fields.Datetime(
        string="Measured On",
        readonly=True,
        help="When the month's scores were compared with the threshold.",
    )
    action_ids = fields.One2many(
        "cs.improvement.action", "run_id", string="Improvement Actions"
    )

    _sql_constraints = [
        (
            "month_unique",
            "UNIQUE(plan_id, date_month)",
            "A survey plan runs once a month.",
        ),
    ]

    @api.depends("date_month", "plan_id")
    def _compute_display_name(self):
        for run in self:
            month = run.date_month and run.date_month.strftime("%Y-%m")
            run.display_name = f"{run.plan_id.name} {month or ''}".strip()

    def _compute_counts(self):
        groups = (
            self.env["survey.user_input"]
            .sudo()
            ._read_group(
                [("cs_satisfaction_run_id", "in", self.ids)],
                ["cs_satisfaction_run_id", "state", "cs_invited_by"],
                ["__count"],
            )
        )
        phones = (
            self.env["cs.callback"]
            .sudo()
            ._read_group(
                [("survey_user_input_id.cs_satisfaction_run_id", "in", self.ids)],
                ["survey_user_input_id"],
                ["__count"],
            )
        )
        phone_by_run = {}
        for user_input, count in phones:
            run_id = user_input.cs_satisfaction_run_id.id
            phone_by_run[run_id] = phone_by_run.get(run_id, 0) + count
        invited, done, by_channel = {}, {}, {}
        for run, state, channel, count in groups:
            invited[run.id] = invited.get(run.id, 0) + count
            if state == "done":
                done[run.id] = done.get(run.id, 0) + count
            key = (run.id, channel)
            by_channel[key] = by_channel.get(key, 0) + count
        for run in self:
            run.invited_count = invited.get(run.id, 0)
            run.phone_count = phone_by_run.get(run.id, 0)
            run.email_count = by_channel.get((run.id, "email"), 0)
            run.sms_count = by_channel.get((run.id, "sms"), 0)
            run.done_count = done.get(run.id, 0)

    # ------------------------------------------------------------------
    # invitations
    # ------------------------------------------------------------------

    def _invite(self, partners):
        """One survey answer (with its token) per sampled member: invited by
        survey's own e-mail or by an SMS with their own link (which first is
        the plan's choice), else called by an agent of the plan who fills in
        the survey with them."""
        self.ensure_one()
        answers = self._create_answers(partners)
        by_email, by_sms = self._split_by_channel(answers)
        self._send_invitations(by_email)
        self._send_sms_invitations(by_sms)
        self._create_callbacks(answers - by_email - by_sms)
        return answers

    def _split_by_channel(self, answers):
        """``(by e-mail, by SMS)``: the answers whose customer has an e-mail,
        and those whose customer has a mobile Odoo can text, each answer in
        one only, in the order of the plan's ``invite_channel``."""
        with_email = answers.filtered("partner_id.email")
        numbers = answers._sms_get_recipients_info(
            force_field="cs_mobile", partner_fallback=False
        )
        with_mobile = answers.filtered(
            lambda a: numbers[a.id] and numbers[a.id]["sanitized"]
        )
        if self.plan_id.invite_channel == "sms":
            return with_email - with_mobile, with_mobile
        return with_email, with_mobile - with_email

    def _create_answers(self, partners):
        _start, stop = self.company_id._cs_utc_bounds(
            self.date_month, self._month_end(self.date_month)
        )
        # sudo: answers of the department's survey, made by its scheduled
        # action; agents have no rights on survey records
        return (
            self.env["survey.user_input"]
            .sudo()
            .create(
                [
                    {
                        "survey_id": self.survey_id.id,
                        "partner_id": partner.id,
                        "email": partner.email,
                        "nickname": partner.name,
                        "deadline": stop - timedelta(seconds=1),
                        "cs_satisfaction_run_id": self.id,
                        "cs_level_id": partner.cs_level_id.id,
                    }
                    for partner in partners
                ]
            )
        )

    def _send_invitations(self, answers):
        """Survey's invitation template, with each answer's own link; an
        answer already invited is not invited again."""
        template = self.env.ref(
            "survey.mail_template_user_input_invite", raise_if_not_found=False
        )
        answers = answers.filtered(lambda a: not a.cs_invited_by)
        if not answers or not template:
            return
        email_values = {}
        if self.company_id.email:
            email_values["email_from"] = self.company_id.email_formatted
        template.sudo().send_mail_batch(answers.ids, email_values=email_values)
        answers.write({"cs_invited_by": "email"})

    def _send_sms_invitations(self, answers):
        """The plan's SMS with each answer's own link, queued in batch (Odoo's
        SMS scheduled action sends the queue) and logged on the answer; an
        answer already invited is not invited again."""
        template = self.env.ref(
            "cs_satisfaction.sms_template_survey_invite", raise_if_not_found=False
        )
        answers = answers.filtered(lambda a: not a.cs_invited_by)
        if not answers or not template:
            return self.env["sms.sms"]
        # sudo: sent by the department's scheduled action; users have no
        # rights on the answers nor on SMS templates
        sms_all = answers.sudo()._message_sms_schedule_mass(
            template=template.sudo(),
            mass_keep_log=True,
            number_field_name="cs_mobile",
        )
        answers.write({"cs_invited_by": "sms"})
        return sms_all

    def _create_callbacks(self, answers):
        """A phone callback of the plan's callback plan per answer, inside the
        customer's contact window; the answer is the callback's survey."""
        if not answers:
            return self.env["cs.callback"]
        callback_plan = self.plan_id.callback_plan_id
        partners = answers.partner_id
        Callback = self.env["cs.callback"].sudo()
        if callback_plan.agent_ids:
            vals_list = callback_plan._prepare_callbacks(partners)
        else:
            deadline = self.company_id._cs_today() + timedelta(
                days=callback_plan.deadline_days or 3
            )
            now = fields.Datetime.now()
            vals_list = [
                {
                    "plan_id": callback_plan.id,
                    "partner_id": partner.id,
                    "kind": "satisfaction_survey",
                    "channel": "phone",
                    "user_id": (
                        partner.cs_agent_id
                        or self.plan_id.owner_user_id
                        or self.env.user
                    ).id,
                    "date_deadline": deadline,
                    "scheduled_at": Callback._cs_next_slot(
                        partner, now, self.company_id
                    ),
                    "company_id": self.company_id.id,
                }
                for partner in partners
            ]
        answer_of = {answer.partner_id.id: answer.id for answer in answers}
        for vals in vals_list:
            vals["survey_user_input_id"] = answer_of[vals["partner_id"]]
        answers.write({"cs_invited_by": "phone"})
        with allow_protected_writes():
            # the plan and the survey answer are the run's to set
            return Callback.create(vals_list)

    # ------------------------------------------------------------------
    # measure
    # ------------------------------------------------------------------

    @api.model
    def _evaluate_closed_months(self):
        """The months that are over in their company and not measured yet:
        a question scoring below the company's threshold opens one
        improvement action."""
        runs = self.search([("date_evaluated", "=", False)], order="date_month, id")
        closed = runs.filtered(
            lambda r: r.date_month < r.company_id._cs_today().replace(day=1)
        )
        for done, run in enumerate(closed, start=1):
            run._create_improvement_actions()
            with allow_protected_writes():
                run.date_evaluated = fields.Datetime.now()
            self.env["ir.cron"]._notify_progress(
                done=done, remaining=len(closed) - done
            )
        return closed

    def _create_improvement_actions(self):
        self.ensure_one()
        company = self.company_id
        scores = self.env["cs.satisfaction.result"]._cs_question_scores(
            company, self.date_month, self.survey_id.question_ids
        )
        Action = self.env["cs.improvement.action"]
        existing = set(
            Action.sudo()
            .search(
                [
                    ("company_id", "=", company.id),
                    ("date_month", "=", self.date_month),
                    ("source", "=", "survey"),
                ]
            )
            .question_id.ids
        )
        low = [
            question
            for question in self.survey_id.question_ids.sorted("sequence")
            if question.id in scores
            and question.id not in existing
            and scores[question.id]["score"] < company.cs_satisfaction_threshold
        ]
        deadline = company._cs_today() + timedelta(days=company.cs_improvement_days)
        vals_list = [
            {
                "name": self.env._(
                    "Low score %(month)s: %(question)s",
                    month=self.date_month.strftime("%Y-%m"),
                    question=question.title,
                ),
                "source": "survey",
                "run_id": self.id,
                "question_id": question.id,
                "date_month": self.date_month,
                "score": scores[question.id]["score"],
                "user_id": self.plan_id.owner_user_id.id,
                "department_id": self.plan_id.owner_department_id.id,
                "date_deadline": deadline,
                "company_id": company.id,
            }
            for question in low
        ]
        with allow_protected_writes():
            # the source and the score are the survey's
            return Action.sudo().create(vals_list)

    @staticmethod
    def _month_end(month):
        return month + relativedelta(day=31)
