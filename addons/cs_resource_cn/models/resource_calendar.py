# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from bisect import bisect_left, bisect_right
from datetime import datetime, time, timedelta

import pytz

from odoo import fields, models
from odoo.exceptions import UserError
from odoo.osv import expression

from odoo.addons.resource.models.utils import Intervals, float_to_time

_logger = logging.getLogger(__name__)

# how far the first guess of the working time to read reaches, in calendar
# days per working day asked for; doubled until every deadline is found
DAYS_PER_WORKING_DAY = 2
MAX_WIDENINGS = 6


def _utc_naive(value):
    return value.astimezone(pytz.utc).replace(tzinfo=None)


class ResourceCalendar(models.Model):
    _inherit = "resource.calendar"

    cs_makeup_day_ids = fields.One2many(
        "cs.resource.makeup.day",
        "calendar_id",
        string="Make-up Working Days",
        help="Weekend days that are working days (调休), e.g. around public holidays.",
    )

    def _attendance_intervals_batch(
        self, start_dt, end_dt, resources=None, domain=None, tz=None, lunch=False
    ):
        """Make-up working days are worked with the hours of the weekday they
        replace: every computation of Odoo's working time (time off, work
        entries, planning, our deadlines) counts them."""
        result = super()._attendance_intervals_batch(
            start_dt, end_dt, resources=resources, domain=domain, tz=tz, lunch=lunch
        )
        if lunch or not self.cs_makeup_day_ids:
            return result
        for resource in list(resources or []) + [self.env["resource.resource"]]:
            if resource and (
                resource._is_fully_flexible() or resource.calendar_id.flexible_hours
            ):
                continue
            resource_tz = tz or pytz.timezone((resource or self).tz or "UTC")
            extra = self._cs_makeup_intervals(start_dt, end_dt, resource_tz, domain)
            if extra:
                result[resource.id] = result[resource.id] | extra
        return result

    def _cs_makeup_intervals(self, start_dt, end_dt, tz, domain=None):
        """The working hours of the make-up days between two aware datetimes,
        as Intervals in ``tz`` (public holidays are removed later, with the
        other leaves)."""
        first, last = start_dt.astimezone(tz).date(), end_dt.astimezone(tz).date()
        days = self.cs_makeup_day_ids.filtered(lambda d: first <= d.date <= last)
        if not days:
            return Intervals([])
        attendances = self.env["resource.calendar.attendance"].search(
            expression.AND(
                [
                    domain or [],
                    [
                        ("calendar_id", "=", self.id),
                        ("resource_id", "=", False),
                        ("display_type", "=", False),
                        ("day_period", "!=", "lunch"),
                    ],
                ]
            )
        )
        start_local, end_local = start_dt.astimezone(tz), end_dt.astimezone(tz)
        found = []
        for day in days:
            for att in attendances.filtered(
                lambda a, d=day: a.dayofweek == d.worked_as
            ):
                if (att.date_from and att.date_from > day.date) or (
                    att.date_to and att.date_to < day.date
                ):
                    continue
                i_start = tz.localize(
                    datetime.combine(day.date, float_to_time(att.hour_from))
                )
                i_stop = (
                    tz.localize(datetime.combine(day.date + timedelta(days=1), time()))
                    if att.hour_to >= 24
                    else tz.localize(
                        datetime.combine(day.date, float_to_time(att.hour_to))
                    )
                )
                i_start, i_stop = max(i_start, start_local), min(i_stop, end_local)
                if i_start < i_stop:
                    found.append((i_start, i_stop, att))
        return Intervals(found)

    def _cs_work_intervals(self, start, end):
        """Working time of this schedule between two UTC datetimes (naive):
        weekly hours and make-up working days, minus public holidays.
        Returns a sorted list of (start, end, local_date) with UTC naive
        datetimes and the date of the working day in the schedule's zone."""
        self.ensure_one()
        tz = pytz.timezone(self.tz or "UTC")
        work = self._work_intervals_batch(
            pytz.utc.localize(start), pytz.utc.localize(end), tz=tz
        )[False]
        return sorted(
            (_utc_naive(i_start), _utc_naive(i_stop), i_start.astimezone(tz).date())
            for i_start, i_stop, _rec in work
        )

    def _cs_plan_deadlines(self, requests):
        """Deadlines on this schedule for many starts at once, with one read
        of the working time for the whole batch.

        ``requests`` is a list of ``(start, unit, amount)``: ``start`` a UTC
        naive datetime, ``unit`` ``"hours"`` (that many working hours after
        ``start``) or ``"days"`` (the end of the ``amount``-th working day
        after the day of ``start``). Returns the deadlines, UTC naive, in the
        same order."""
        self.ensure_one()
        if not requests:
            return []
        low = min(r[0] for r in requests) - timedelta(days=1)
        high_start = max(r[0] for r in requests)
        reach = max((r[2] if r[1] == "days" else r[2] / 4.0) for r in requests)
        span = timedelta(days=max(7, int(reach * DAYS_PER_WORKING_DAY) + 7))
        for _attempt in range(MAX_WIDENINGS):
            intervals = self._cs_work_intervals(low, high_start + span)
            deadlines = self._cs_deadlines_from_intervals(intervals, requests)
            if deadlines is not None:
                return deadlines
            span *= 2
        raise UserError(
            self.env._(
                "The working schedule %(calendar)s has no working time to plan "
                "the deadlines: add working hours or remove holidays.",
                calendar=self.display_name,
            )
        )

    def _cs_deadlines_from_intervals(self, intervals, requests):
        """Walk ``intervals`` (see `_cs_work_intervals`) for each request;
        None when the intervals end before some deadline."""
        tz = pytz.timezone(self.tz or "UTC")
        starts = [i[0] for i in intervals]
        ends = [i[1] for i in intervals]
        cumulative = [0.0]
        for i_start, i_stop, _day in intervals:
            cumulative.append(cumulative[-1] + (i_stop - i_start).total_seconds())
        day_end = {}
        for _i_start, i_stop, day in intervals:
            day_end[day] = max(day_end.get(day, i_stop), i_stop)
        days = sorted(day_end)
        deadlines = []
        for start, unit, amount in requests:
            if unit == "days":
                local_day = pytz.utc.localize(start).astimezone(tz).date()
                index = bisect_right(days, local_day) + int(amount) - 1
                if index >= len(days):
                    return None
                deadlines.append(day_end[days[index]])
                continue
            position = bisect_right(ends, start)
            if position >= len(intervals):
                return None
            done = cumulative[position] + max(
                0.0, (start - starts[position]).total_seconds()
            )
            target = done + amount * 3600.0
            index = bisect_left(cumulative, target) - 1
            if index >= len(intervals) or target > cumulative[-1]:
                return None
            index = max(index, position)
            deadlines.append(
                starts[index] + timedelta(seconds=target - cumulative[index])
            )
        return deadlines

    def _cs_import_china_year(self, periods, makeup):
        """Add the holiday periods as the schedule's time off and the
        make-up days, skipping what is there already. Returns the counts
        of (holidays, make-up days) added."""
        self.ensure_one()
        tz = pytz.timezone(self.tz or "UTC")

        def utc(day, moment):
            local = tz.localize(datetime.combine(day, moment))
            return local.astimezone(pytz.utc).replace(tzinfo=None)

        Leave = self.env["resource.calendar.leaves"]
        existing = Leave.search(
            [("calendar_id", "=", self.id), ("resource_id", "=", False)]
        )
        spans = {(leave.date_from, leave.date_to) for leave in existing}
        new_leaves = []
        for first, last, name in periods:
            date_from = utc(first, time.min)
            date_to = utc(last, time(23, 59, 59))
            if (date_from, date_to) in spans:
                continue
            new_leaves.append(
                {
                    "name": name,
                    "calendar_id": self.id,
                    "company_id": self.company_id.id,
                    "date_from": date_from,
                    "date_to": date_to,
                    "time_type": "leave",
                }
            )
        Leave.create(new_leaves)
        known = set(self.cs_makeup_day_ids.mapped("date"))
        worked_as = self._cs_makeup_weekday()
        new_days = [
            {
                "calendar_id": self.id,
                "date": day,
                "name": self.env._("Make-up day for %(holiday)s", holiday=name),
                "worked_as": worked_as,
            }
            for day, name in makeup
            if day not in known
        ]
        self.env["cs.resource.makeup.day"].create(new_days)
        return len(new_leaves), len(new_days)

    def _cs_makeup_weekday(self):
        """The weekday whose hours a make-up day takes: Monday, else the first
        worked weekday of the schedule."""
        worked = sorted(
            set(
                self.attendance_ids.filtered(
                    lambda a: not a.display_type and a.day_period != "lunch"
                ).mapped("dayofweek")
            )
        )
        return "0" if "0" in worked or not worked else worked[0]

    def _cs_import_china_years(self, years):
        """Import ``years`` into these schedules, each once; return the years
        that the installed ``chinesecalendar`` package does not know yet."""
        Wizard = self.env["cs.holiday.import.wizard"]
        known = Wizard._cs_known_years()
        missing = []
        for year in sorted(set(years)):
            if year not in known:
                missing.append(year)
                continue
            periods, makeup = Wizard._cs_year_data(year)
            for calendar in self:
                calendar._cs_import_china_year(periods, makeup)
        return missing

    def _cron_cs_import_china_holidays(self):
        """Yearly: import next year (and this year, if missing) into the
        companies' working schedules in China's time zone, once the package
        knows it; otherwise tell the administrators."""
        # the year in China, whatever the time zone of the scheduled action
        this_year = datetime.now(pytz.timezone("Asia/Shanghai")).year
        calendars = (
            self.env["res.company"]
            .search([])
            .resource_calendar_id.filtered(
                lambda c: (
                    c.tz in ("Asia/Shanghai", "Asia/Chongqing", "Asia/Harbin", "PRC")
                )
            )
        )
        missing = calendars._cs_import_china_years([this_year, this_year + 1])
        if missing and calendars:
            self._cs_notify_missing_holidays(calendars, missing)
        return missing

    def _cs_notify_missing_holidays(self, calendars, years):
        """Hook: tell whoever plans with these schedules that ``years`` are
        not known yet. Logged here; modules with users to tell extend it."""
        _logger.warning(
            "China's public holidays of %s are not known to the installed "
            "chinesecalendar package: update it (schedules %s).",
            ", ".join(map(str, years)),
            ", ".join(calendars.mapped("name")),
        )
