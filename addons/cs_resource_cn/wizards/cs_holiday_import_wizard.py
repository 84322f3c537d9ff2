# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from datetime import date, datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError

_logger = logging.getLogger(__name__)

try:
    import chinese_calendar
except ImportError:  # pragma: no cover - declared in external_dependencies
    chinese_calendar = None


class CsHolidayImportWizard(models.TransientModel):
    """Loads a year of China's public holidays (as time off of a working
    schedule) and make-up working days (调休) from the ``chinesecalendar``
    package, which follows the State Council's yearly notice."""

    _name = "cs.holiday.import.wizard"
    _description = "Import China's Public Holidays"

    year = fields.Integer(required=True, default=lambda self: self._default_year())
    calendar_id = fields.Many2one(
        "resource.calendar",
        string="Working Schedule",
        required=True,
        default=lambda self: self.env.company.resource_calendar_id,
    )

    def _default_year(self):
        return fields.Date.context_today(self).year

    @api.model
    def _cs_known_years(self):
        """The years the installed package knows, as a range."""
        holidays = getattr(chinese_calendar, "holidays", None) or {}
        years = sorted({day.year for day in holidays})
        return range(years[0], years[-1] + 1) if years else range(0)

    @api.model
    def _cs_holiday_name(self, label):
        names = {
            "New Year's Day": self.env._("New Year's Day (元旦)"),
            "Spring Festival": self.env._("Spring Festival (春节)"),
            "Tomb-sweeping Day": self.env._("Tomb-sweeping Day (清明节)"),
            "Labour Day": self.env._("Labour Day (劳动节)"),
            "Dragon Boat Festival": self.env._("Dragon Boat Festival (端午节)"),
            "National Day": self.env._("National Day (国庆节)"),
            "Mid-autumn Festival": self.env._("Mid-autumn Festival (中秋节)"),
        }
        return names.get(label, label)

    @api.model
    def _cs_year_data(self, year):
        """(holiday periods, make-up days) of ``year``: periods as
        [(first day, last day, name)], make-up days as [(day, name)]."""
        if chinese_calendar is None or year not in self._cs_known_years():
            known = self._cs_known_years()
            raise UserError(
                self.env._(
                    "The chinesecalendar package installed here does not know "
                    "%(year)s yet (it knows %(first)s to %(last)s). Update it "
                    "once the State Council has published the holidays.",
                    year=year,
                    first=known.start if known else "-",
                    last=known.stop - 1 if known else "-",
                )
            )
        first, last = date(year, 1, 1), date(year, 12, 31)
        periods = []
        for day in chinese_calendar.get_holidays(first, last, include_weekends=False):
            _is_holiday, label = chinese_calendar.get_holiday_detail(day)
            name = self._cs_holiday_name(str(label))
            if (
                periods
                and periods[-1][2] == name
                and periods[-1][1] + timedelta(days=1) == day
            ):
                periods[-1] = (periods[-1][0], day, name)
            else:
                periods.append((day, day, name))
        makeup = [
            (
                day,
                self._cs_holiday_name(str(chinese_calendar.get_holiday_detail(day)[1])),
            )
            for day in chinese_calendar.get_workdays(first, last, include_weekends=True)
            if day.weekday() >= 5
        ]
        return periods, makeup

    def action_import(self):
        """Import the year into the schedule; importing it again changes
        nothing."""
        self.ensure_one()
        periods, makeup = self._cs_year_data(self.year)
        created = self.calendar_id._cs_import_china_year(periods, makeup)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "%(year)s imported into %(calendar)s: %(holidays)s public "
                    "holidays and %(makeup)s make-up working days added.",
                    year=self.year,
                    calendar=self.calendar_id.display_name,
                    holidays=created[0],
                    makeup=created[1],
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }


class ResourceCalendar(models.Model):
    _inherit = "resource.calendar"

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

    def _cron_cs_import_china_holidays(self):
        """Yearly: import next year (and this year, if missing) into the
        companies' working schedules in China's time zone, once the package
        knows it; otherwise tell the administrators."""
        Wizard = self.env["cs.holiday.import.wizard"]
        this_year = fields.Date.context_today(self).year
        calendars = (
            self.env["res.company"]
            .search([])
            .resource_calendar_id.filtered(
                lambda c: (
                    c.tz in ("Asia/Shanghai", "Asia/Chongqing", "Asia/Harbin", "PRC")
                )
            )
        )
        missing = []
        for year in (this_year, this_year + 1):
            if year not in Wizard._cs_known_years():
                missing.append(year)
                continue
            periods, makeup = Wizard._cs_year_data(year)
            for calendar in calendars:
                calendar._cs_import_china_year(periods, makeup)
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
