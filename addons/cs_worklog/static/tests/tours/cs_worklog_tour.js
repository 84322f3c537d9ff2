/** @odoo-module **/
// Copyright 2026 Customer Service Suite authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import {
    openCustomerServiceMenu,
    openMenuItem,
} from "@cs_member/../tests/tours/cs_tour_utils";
import {registry} from "@web/core/registry";

// what the tours write, checked by cs_worklog/tests/test_ui_tours.py
const WORK_DONE = "Worklog tour: called the members of the week";
const ACHIEVEMENTS = "Worklog tour: every member called back";
const PLAN = "Worklog tour: call the lapsed members";

function statusIs(value) {
    return {
        content: `The state is ${value}`,
        trigger: `.o_form_view .o_statusbar_status button.o_arrow_button_current[data-value="${value}"]`,
    };
}

/**
 * 工作日志 (E5): an agent opens the day's log, prefilled with the day's
 * figures, writes the work done and submits it. Triggers use names, never
 * labels.
 */
registry.category("web_tour.tours").add("cs_worklog_agent_tour", {
    url: "/odoo",
    steps: () => [
        ...openCustomerServiceMenu(
            "cs_worklog.menu_cs_worklog",
            "cs_worklog.cs_worklog_menu"
        ),
        {
            content: "Open the day's log",
            trigger: ".o_list_view .o_data_row .o_data_cell[name=date]",
            run: "click",
        },
        {
            content: "The day's callbacks are prefilled",
            trigger: '.o_form_view div[name="callback_done"]:contains(2)',
        },
        {
            content: "Write the work done",
            trigger: '.o_form_view div[name="work_done"] textarea',
            run: `edit ${WORK_DONE}`,
        },
        {
            content: "Submit the log",
            trigger: '.o_form_view button[name="action_submit"]',
            run: "click",
        },
        statusIs("submitted"),
    ],
});

/**
 * The team leader reads the submitted log of the team, then writes the
 * month's summary with its plan and submits it to the manager.
 */
registry.category("web_tour.tours").add("cs_worklog_supervisor_tour", {
    url: "/odoo",
    steps: () => [
        ...openCustomerServiceMenu(
            "cs_worklog.menu_cs_worklog",
            "cs_worklog.cs_worklog_team_menu"
        ),
        {
            content: "Open the agent's submitted log",
            trigger:
                ".o_list_view .o_data_row:contains(cs_agent_a) .o_data_cell[name=date]",
            run: "click",
        },
        {
            content: "The work done is shown",
            trigger: `.o_form_view div[name="work_done"]:contains(${WORK_DONE})`,
        },
        statusIs("submitted"),
        ...openMenuItem(
            "cs_worklog.menu_cs_worklog",
            "cs_worklog.cs_worklog_summary_menu"
        ),
        {
            content: "New summary",
            trigger:
                ".o_list_view .o_list_button_add, .o_control_panel .o_list_button_add",
            run: "click",
        },
        {
            content: "Write the summary of the month",
            trigger: '.o_form_view div[name="achievements"] textarea',
            run: `edit ${ACHIEVEMENTS}`,
        },
        {
            content: "Write the plan",
            trigger: '.o_form_view div[name="plan"] textarea',
            run: `edit ${PLAN}`,
        },
        {
            content: "Submit it to the manager",
            trigger: '.o_form_view button[name="action_submit"]',
            run: "click",
        },
        statusIs("submitted"),
    ],
});

/**
 * The manager acknowledges (已阅) the submitted summary.
 */
registry.category("web_tour.tours").add("cs_worklog_manager_tour", {
    url: "/odoo",
    steps: () => [
        ...openCustomerServiceMenu(
            "cs_worklog.menu_cs_worklog",
            "cs_worklog.cs_worklog_summary_menu"
        ),
        {
            content: "Open the submitted summary",
            trigger:
                ".o_list_view .o_data_row:contains(cs_supervisor) .o_data_cell[name=period_kind]",
            run: "click",
        },
        {
            content: "Its plan is shown",
            trigger: `.o_form_view div[name="plan"]:contains(${PLAN})`,
        },
        {
            content: "Acknowledge it",
            trigger: '.o_form_view button[name="action_acknowledge"]',
            run: "click",
        },
        statusIs("acknowledged"),
    ],
});
