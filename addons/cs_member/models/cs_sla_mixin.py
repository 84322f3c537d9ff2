# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models

from .cs_protected_mixin import workflow_action

SLA_STATUS_SELECTION = [
    ("on_track", "On Track"),
    ("at_risk", "At Risk"),
    ("breached", "Breached"),
]
ESCALATION_SELECTION = [
    ("0", "Handler"),
    ("1", "Department Manager"),
    ("2", "Customer-Service Manager"),
]
SLA_STATUS_RANK = {"on_track": 0, "at_risk": 1, "breached": 2}


class CsSlaMixin(models.AbstractModel):
    """Deadline status and escalation of a case with deadlines (a complaint,
    a service request): the suite's one SLA engine.

    The model computes its deadlines (on the company's working schedule) and
    tells the engine, through the hooks below, which are still pending and
    who is above whom. The engine stores the status (on track, at risk,
    breached) and a scheduled action moves each late case up one level at a
    time (handler, then department manager, then customer-service manager),
    with a note and an activity; a second run changes nothing.

    Hooks: ``_cs_sla_pending``, ``_cs_sla_at_risk_ratio``,
    ``_cs_sla_final_status``, ``_cs_sla_open_domain``,
    ``_cs_escalation_target``, ``_cs_escalation_delay_hours``,
    ``_cs_escalation_activity_type``, ``_cs_escalation_summary``."""

    _name = "cs.sla.mixin"
    _inherit = ["cs.protected.mixin"]
    _description = "Deadline Status and Escalation"

    sla_status = fields.Selection(
        SLA_STATUS_SELECTION,
        string="Deadline Status",
        default="on_track",
        readonly=True,
        copy=False,
        index=True,
    )
    escalation_level = fields.Selection(
        ESCALATION_SELECTION, default="0", required=True, readonly=True, copy=False
    )
    date_escalated = fields.Datetime(readonly=True, copy=False)

    def _cs_protected_fields(self):
        return super()._cs_protected_fields() | {
            "sla_status",
            "escalation_level",
            "date_escalated",
        }

    # ------------------------------------------------------------------
    # hooks
    # ------------------------------------------------------------------

    def _cs_sla_pending(self):
        """[(start, deadline)] of the record's deadlines still to meet."""
        raise NotImplementedError

    def _cs_sla_at_risk_ratio(self):
        """Share (0-1) of a deadline's time under which it is at risk."""
        return 0.0

    def _cs_sla_final_status(self):
        """The status of a closed case (it no longer changes), else False."""
        return False

    @api.model
    def _cs_sla_open_domain(self):
        """The cases whose status the scheduled action refreshes."""
        raise NotImplementedError

    def _cs_escalation_target(self, level, cache):
        """The user of escalation ``level`` (1 or 2); ``cache`` is a dict kept
        for the whole batch."""
        raise NotImplementedError

    def _cs_escalation_delay_hours(self):
        """Hours between two escalation steps of the record."""
        return 0.0

    def _cs_escalation_activity_type(self):
        raise NotImplementedError

    def _cs_escalation_summary(self):
        """The summary of the escalation activity of the record."""
        return self.env._("Late case %(case)s escalated to you", case=self.display_name)

    def _cs_activity_note(self):
        """The note of the activities the engine gives (the case's text)."""
        return ""

    def _cs_activity_vals(self, activity_type, user, summary, date_deadline):
        """Values of an activity on the record, for a batch ``create``."""
        self.ensure_one()
        return {
            "res_model_id": self.env["ir.model"]._get_id(self._name),
            "res_id": self.id,
            # given, not computed one record at a time by mail.activity
            "res_name": self.display_name,
            "activity_type_id": activity_type.id,
            "user_id": user.id,
            "summary": summary,
            "note": self._cs_activity_note(),
            "date_deadline": date_deadline,
            "automated": True,
        }

    # ------------------------------------------------------------------
    # engine
    # ------------------------------------------------------------------

    def _cs_compute_sla_status(self, now):
        """The status of the pending deadlines at ``now``: breached when one
        is past, at risk when less than the at-risk share of its time is
        left."""
        self.ensure_one()
        final = self._cs_sla_final_status()
        if final:
            return final
        ratio = self._cs_sla_at_risk_ratio()
        status = "on_track"
        for start, deadline in self._cs_sla_pending():
            if now > deadline:
                return "breached"
            if (deadline - now) < (deadline - start) * ratio:
                status = "at_risk"
        return status

    def _cs_update_sla_status(self, now=None):
        """Store the current status, writing only what changed; returns the
        records whose status changed."""
        now = now or fields.Datetime.now()
        changed = {}
        for record in self:
            status = record._cs_compute_sla_status(now)
            if status != record.sla_status:
                changed.setdefault(status, []).append(record.id)
        result = self.browse()
        for status, ids in changed.items():
            records = self.browse(ids)
            # sudo: the status follows from the deadlines, whoever triggers
            # its refresh (a department member's reply, the cron)
            records.sudo().write({"sla_status": status})
            result |= records
        return result

    def _cs_escalate(self, now):
        """Move each late record up one level, at most one step per delay,
        with a note and an activity for the new level. Done in batch: one
        write per level, one insert of notes, one create of activities,
        which are not e-mailed one by one."""
        levels = dict(self._fields["escalation_level"]._description_selection(self.env))
        statuses = dict(self._fields["sla_status"]._description_selection(self.env))
        cache = {}
        steps = []
        for record in self:
            level = int(record.escalation_level)
            wanted = SLA_STATUS_RANK[record.sla_status]
            if level >= 2 or wanted == 0 or (wanted == 1 and level >= 1):
                continue
            delay = timedelta(hours=record._cs_escalation_delay_hours())
            if record.date_escalated and now < record.date_escalated + delay:
                continue
            new_level = level + 1
            steps.append(
                (record, new_level, record._cs_escalation_target(new_level, cache))
            )
        if not steps:
            return self.browse()
        for new_level in (1, 2):
            ids = [record.id for record, lvl, __ in steps if lvl == new_level]
            if ids:
                self.browse(ids).write(
                    {"escalation_level": str(new_level), "date_escalated": now}
                )
        escalated = self.browse([record.id for record, __, __ in steps])
        escalated._message_log_batch(
            bodies={
                record.id: Markup("<p>%s</p>")
                % self.env._(
                    "Escalated to the %(level)s (%(user)s): the case is %(status)s.",
                    level=levels[str(new_level)],
                    user=target.name or self.env._("nobody"),
                    status=statuses[record.sla_status],
                )
                for record, new_level, target in steps
            },
            message_type="comment",
        )
        self.env["mail.activity"].with_context(mail_activity_quick_update=True).create(
            [
                record._cs_activity_vals(
                    record._cs_escalation_activity_type(),
                    target,
                    record._cs_escalation_summary(),
                    now.date(),
                )
                for record, __, target in steps
                if target
            ]
        )
        return escalated

    @api.model
    @workflow_action
    def _cron_sla_escalate(self, batch_size=2000):
        """Refresh the status of the open records and escalate the late
        ones, in batches; a second run changes nothing."""
        now = fields.Datetime.now()
        records = self.search(self._cs_sla_open_domain(), order="id")
        total = len(records)
        done = 0
        cron = self.env["ir.cron"]
        for start in range(0, total, batch_size):
            batch = records[start : start + batch_size]
            batch._cs_update_sla_status(now)
            batch.filtered(lambda r: r.sla_status != "on_track")._cs_escalate(now)
            done += len(batch)
            if self.env.context.get("cron_id"):
                cron._notify_progress(done=done, remaining=total - done)
            # write what the batch computed while its records are in cache,
            # then let them go
            self.env.flush_all()
            batch.invalidate_recordset()
        return True
