/** @odoo-module **/
// Copyright 2026 Customer Service Suite authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import {
    openCustomerServiceMenu,
    openMenuItem,
} from "@cs_member/../tests/tours/cs_tour_utils";
import {registry} from "@web/core/registry";

// the records of the tours, created and checked by
// cs_member/tests/test_ui_forms.py
const CUSTOMER = "Forms Tour Customer";
const NEW_MOBILE = "139 1234 5678";
const PURPOSE = "Forms tour: yearly review";

/**
 * 客户资料变更申请单 (A3): an agent opens a customer of the archive and asks
 * for a new mobile number. Triggers use names, never labels.
 */
registry.category("web_tour.tours").add("cs_change_request_ask_tour", {
    url: "/odoo",
    steps: () => [
        ...openCustomerServiceMenu(
            "cs_member.menu_cs_customers",
            "cs_member.res_partner_menu"
        ),
        {
            content: "Search the customer",
            trigger: ".o_control_panel .o_searchview_input",
            run: `edit ${CUSTOMER}`,
        },
        {
            content: "Validate the search",
            trigger: ".o_control_panel .o_searchview_input",
            run: "press Enter",
        },
        {
            content: "Wait for the search to apply",
            trigger: `.o_searchview_facet:contains(${CUSTOMER})`,
        },
        {
            content: "Open the customer",
            trigger: `.o_kanban_record:contains(${CUSTOMER})`,
            run: "click",
        },
        {
            content: "Request a change of the customer's data",
            trigger: '.o_form_view button[name="action_cs_request_change"]',
            run: "click",
        },
        {
            content: "Write the new mobile",
            trigger: '.o_form_view div[name="new_mobile"] input',
            run: `edit ${NEW_MOBILE}`,
        },
        {
            content: "Write why",
            trigger: '.o_form_view div[name="reason"] textarea',
            run: "edit The customer changed phone.",
        },
        {
            content: "Save the request",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "The request is saved",
            trigger: ".o_form_saved",
        },
        {
            content: "It waits for approval under its reference",
            trigger:
                '.o_form_view .o_statusbar_status button.o_arrow_button_current[data-value="to_approve"]',
        },
    ],
});

/**
 * A supervisor approves the request from the requests to approve: the
 * change applies and the old and new values are shown.
 */
registry.category("web_tour.tours").add("cs_change_request_approve_tour", {
    url: "/odoo",
    steps: () => [
        ...openCustomerServiceMenu(
            "cs_member.menu_cs_customers",
            "cs_member.cs_member_change_request_menu"
        ),
        {
            content: "Open the request to approve",
            trigger: `.o_list_view .o_data_row:contains(${CUSTOMER}) .o_data_cell[name=partner_id]`,
            run: "click",
        },
        {
            content: "Approve it",
            trigger: '.o_form_view button[name="action_approve"]',
            run: "click",
        },
        {
            content: "The request is approved",
            trigger:
                '.o_form_view .o_statusbar_status button.o_arrow_button_current[data-value="approved"]',
        },
        {
            content: "The old and new values are kept",
            trigger: `.o_form_view div[name="change_log"] td:contains(${NEW_MOBILE})`,
        },
    ],
});

/**
 * 客户访问计划表 (H4): the key account manager plans a visit in the key
 * account's plan, then records it done from the visits.
 */
registry.category("web_tour.tours").add("cs_visit_plan_tour", {
    url: "/odoo",
    steps: () => [
        ...openCustomerServiceMenu(
            "cs_member.menu_cs_customers",
            "cs_member.cs_member_visit_plan_menu"
        ),
        {
            content: "Open the key account's plan",
            trigger: `.o_list_view .o_data_row:contains(${CUSTOMER}) .o_data_cell[name=partner_id]`,
            run: "click",
        },
        {
            content: "Add a visit",
            trigger:
                '.o_form_view div[name="visit_ids"] .o_field_x2many_list_row_add a',
            run: "click",
        },
        {
            content: "Date of the visit",
            trigger:
                '.o_form_view div[name="visit_ids"] .o_selected_row div[name="date_planned"] input',
            run: "edit 2026-12-20",
        },
        {
            content: "Purpose of the visit",
            trigger:
                '.o_form_view div[name="visit_ids"] .o_selected_row div[name="purpose"] input',
            run: `edit ${PURPOSE}`,
        },
        {
            content: "Save the plan",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "The plan is saved",
            trigger: ".o_form_saved",
        },
        ...openMenuItem(
            "cs_member.menu_cs_customers",
            "cs_member.cs_member_visit_menu"
        ),
        {
            content: "The visits' calendar is shown",
            trigger: ".o_calendar_view",
        },
        {
            content: "Show the visits as a list",
            trigger: ".o_control_panel .o_switch_view.o_list",
            run: "click",
        },
        {
            content: "Open the planned visit",
            trigger: `.o_list_view .o_data_row:contains(${PURPOSE}) .o_data_cell[name=purpose]`,
            run: "click",
        },
        {
            content: "Write the result",
            trigger: '.o_form_view div[name="result"] textarea',
            run: "edit Renewed for two years; wants a quarterly call.",
        },
        {
            content: "Record it done",
            trigger: '.o_form_view button[name="action_done"]',
            run: "click",
        },
        {
            content: "The visit is done",
            trigger:
                '.o_form_view .o_statusbar_status button.o_arrow_button_current[data-value="done"]',
        },
    ],
});
